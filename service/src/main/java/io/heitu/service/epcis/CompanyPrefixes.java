package io.heitu.service.epcis;

import io.heitu.service.epcis.identifier.EpcUrns;
import io.heitu.service.epcis.identifier.Gs1Key;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * GS1 company prefixes, for writing a Digital Link as an EPC URN: the URN splits the key where the
 * prefix ends, which the Digital Link does not say. Every EPC URN the read model takes in teaches
 * the length of its prefix; keys of prefixes never seen so are split at the configured length.
 */
@Component
public class CompanyPrefixes {

    private final JdbcClient jdbc;
    private final int defaultLength;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    CompanyPrefixes(JdbcClient jdbc, EpcisSettings settings) {
        this.jdbc = jdbc;
        this.defaultLength = settings.companyPrefixLength();
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        known.addAll(jdbc.sql("SELECT prefix FROM epcis_company_prefix")
                .query(String.class)
                .list());
    }

    /** Learns the company prefixes of every EPC URN an event names. */
    void learn(JsonNode event) {
        learnAll(event, 0);
    }

    private void learnAll(JsonNode node, int depth) {
        if (depth > 6) {
            return;
        }
        if (node.isString()) {
            String text = node.asString();
            if (text.startsWith("urn:epc:")) {
                EpcUrns.parse(text)
                        .map(EpcUrns.Urn::companyPrefix)
                        .filter(p -> p.matches("\\d{6,12}"))
                        .ifPresent(this::remember);
            }
        } else if (node.isContainer()) {
            node.forEach(child -> learnAll(child, depth + 1));
        }
    }

    private void remember(String prefix) {
        if (known.add(prefix)) {
            jdbc.sql("MERGE INTO epcis_company_prefix (prefix) KEY (prefix) VALUES (?)")
                    .param(prefix)
                    .update();
        }
    }

    /** The EPC URN of a key: split at the longest known prefix it starts with, else at the default length. */
    public Optional<String> urn(Gs1Key key) {
        String digits = switch (key.primaryAi()) {
            case "01", "8006", "00", "8003" -> key.primaryValue().substring(1);
            default -> key.primaryValue();
        };
        int length = defaultLength;
        for (int candidate = 12; candidate >= 6; candidate--) {
            if (digits.length() >= candidate && known.contains(digits.substring(0, candidate))) {
                length = candidate;
                break;
            }
        }
        return EpcUrns.toUrn(key, length);
    }
}
