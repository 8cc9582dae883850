package io.heitu.service.consumer;

import io.heitu.service.StartupPhases;
import io.heitu.service.ledger.BlockEvents;
import io.heitu.service.ledger.Ledger;
import io.heitu.service.lot.page.LotPages;
import io.heitu.service.lot.page.Names;
import io.heitu.service.qr.PublishedKeys;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Follows the chaincode's events from the ledger's height at start-up and tells the consumer
 * caches what changed: each write's event names the lots it touched, so only their pages go.
 * Keys and issuances reset the code checks. Events arrive a moment after commit, so a page may
 * lag a write by that moment; the listener never throws, which would end the subscription. It
 * subscribes in its own start-up step, once the ledger is open and before the demo data loads.
 */
@Component
class LedgerFeed implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerFeed.class);

    private final LotPages pages;
    private final Names names;
    private final CodeChecks checks;
    private final PublishedKeys keys;
    private final Ledger ledger;
    private volatile AutoCloseable subscription;

    LedgerFeed(Ledger ledger, LotPages pages, Names names, CodeChecks checks, PublishedKeys keys) {
        this.ledger = ledger;
        this.pages = pages;
        this.names = names;
        this.checks = checks;
        this.keys = keys;
    }

    @Override
    public void start() {
        subscription = ledger.follow(ledger.height() - 1, this::apply);
    }

    @Override
    public void stop() {
        AutoCloseable open = subscription;
        subscription = null;
        if (open != null) {
            try {
                open.close();
            } catch (Exception e) {
                LOG.warn("cannot close the ledger feed", e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }

    @Override
    public int getPhase() {
        return StartupPhases.FOLLOW_LEDGER;
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
                pages.changed(event.change().lots());
                checks.forget();
            }
            default -> {
                List<String> lots = event.change().lots();
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

    private void forgetEverything() {
        names.forget();
        pages.changedEverything();
        keys.invalidate();
        checks.forget();
    }
}
