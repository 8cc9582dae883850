package io.heitu.service.demo;

import io.heitu.identity.Enrollment;
import io.heitu.service.api.FarmUnits;
import io.heitu.service.ledger.Receipt;
import io.heitu.service.ledger.TraceLedger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays {@code demo/chains.json}: products, plots, and three chains from plot to shelf (Shulan
 * rice, Fusong ginseng, Yanbian beef), each step as the user who would do it. The fixture file's
 * steps are read by JSON path: they are requests, sent as they are, not ledger answers.
 */
final class DemoChains {

    private final Function<String, Enrollment> users;
    private final JsonMapper json;
    private final Map<String, BiFunction<Enrollment, Object, Receipt<?>>> steps;

    DemoChains(Function<String, Enrollment> users, TraceLedger ledger, JsonMapper json) {
        this.users = users;
        this.json = json;
        this.steps = Map.<String, BiFunction<Enrollment, Object, Receipt<?>>>ofEntries(
                Map.entry("registerProduct", ledger::registerProduct),
                Map.entry("registerLocation", ledger::registerLocation),
                Map.entry("applyInput", ledger::applyInput),
                Map.entry("commission", ledger::commission),
                Map.entry("issueCommitment", ledger::issueCommitment),
                Map.entry("issueCertificate", ledger::issueCertificate),
                Map.entry("transform", ledger::transform),
                Map.entry("ship", ledger::ship),
                Map.entry("receive", ledger::receive),
                Map.entry("sell", ledger::sell),
                Map.entry("observe", ledger::observe),
                Map.entry("labResult", ledger::labResult),
                Map.entry("grade", ledger::grade));
    }

    void load() {
        for (JsonNode step : read().path("steps")) {
            String name = step.path("step").asString();
            BiFunction<Enrollment, Object, Receipt<?>> call = steps.get(name);
            if (call == null) {
                throw new IllegalStateException("unknown demo step " + name);
            }
            call.apply(users.apply(step.path("as").asString()), FarmUnits.normalise(step.path("request")));
        }
    }

    private JsonNode read() {
        try (InputStream in = DemoChains.class.getResourceAsStream("/demo/chains.json")) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
