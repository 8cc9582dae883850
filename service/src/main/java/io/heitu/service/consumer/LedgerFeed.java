package io.heitu.service.consumer;

import io.heitu.service.ledger.BlockEvents;
import io.heitu.service.ledger.Ledger;
import io.heitu.service.qr.PublishedKeys;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows the chaincode's events from the ledger's height at start-up and tells the consumer
 * caches what changed: each write's event names the lots it touched, so only their pages go.
 * Keys and issuances reset the code checks. Events arrive a moment after commit, so a page may
 * lag a write by that moment; the listener never throws, which would end the subscription.
 */
@Component
class LedgerFeed implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerFeed.class);

    private final LotPages pages;
    private final Names names;
    private final CodeChecks checks;
    private final PublishedKeys keys;
    private final JsonMapper json;
    private final AutoCloseable subscription;

    LedgerFeed(Ledger ledger, LotPages pages, Names names, CodeChecks checks, PublishedKeys keys, JsonMapper json) {
        this.pages = pages;
        this.names = names;
        this.checks = checks;
        this.keys = keys;
        this.json = json;
        this.subscription = ledger.follow(ledger.height() - 1, this::apply);
    }

    void apply(BlockEvents block) {
        for (BlockEvents.Event event : block.events()) {
            try {
                apply(event);
            } catch (RuntimeException e) {
                LOG.warn(
                        "cannot read event {} of block {}; forgetting every cached page",
                        event.name(),
                        block.blockNumber(),
                        e);
                forgetEverything();
            }
        }
    }

    private void apply(BlockEvents.Event event) {
        switch (event.name()) {
            case "SigningKeyRegistered", "SigningKeyRevoked" -> {
                keys.invalidate();
                checks.forget();
            }
            case "CodesIssued" -> {
                pages.changed(lots(event));
                checks.forget();
            }
            default -> {
                List<String> lots = lots(event);
                if (lots.isEmpty()) {
                    // Master data, or a certificate for an organisation: any page may name it.
                    names.forget();
                    pages.changedEverything();
                } else {
                    pages.changed(lots);
                }
            }
        }
    }

    private List<String> lots(BlockEvents.Event event) {
        List<String> lots = new ArrayList<>();
        for (JsonNode lot : json.readTree(event.payload()).path("lots")) {
            lots.add(lot.asString());
        }
        return lots;
    }

    private void forgetEverything() {
        names.forget();
        pages.changedEverything();
        keys.invalidate();
        checks.forget();
    }

    @Override
    public void destroy() throws Exception {
        subscription.close();
    }
}
