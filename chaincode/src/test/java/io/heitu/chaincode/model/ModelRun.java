package io.heitu.chaincode.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.heitu.chaincode.support.Result;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Replays a sequence on a fresh ledger and a fresh reference model side by side and checks, after
 * every step, that the ledger accepted what the model accepts (refusing with one of the codes the
 * model found otherwise) and that every lot the sequence names looks on the ledger as the model
 * says: who holds how much, what is in transit from whom to whom by whom, its state, its own holds
 * and the codes issued for it; and that the model itself conserves every lot's quantity.
 */
final class ModelRun {

    /** The first step at which ledger and model disagree, and how. */
    record Failure(int step, String message) {}

    private ModelRun() {}

    static Optional<Failure> run(List<Step> steps) {
        return run(steps, new TreeMap<>());
    }

    /** {@code outcomes} counts the steps by outcome: {@code ok} or the refusal's code. */
    static Optional<Failure> run(List<Step> steps, Map<String, Integer> outcomes) {
        LedgerDriver ledger = new LedgerDriver();
        ReferenceModel model = new ReferenceModel();
        Set<String> codes = new TreeSet<>();
        steps.forEach(step -> collect(step, codes));
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            ledger.tick();
            Instant now = ledger.now();
            Set<String> expected = model.apply(step, now);
            Result result = ledger.run(step);
            outcomes.merge(result.ok() ? "ok" : result.code(), 1, Integer::sum);
            if ("INTERNAL_ERROR".equals(result.code())) {
                return Optional.of(new Failure(i, "internal error: " + result.message()));
            }
            if (expected.isEmpty() != result.ok()) {
                return Optional.of(new Failure(
                        i,
                        "the model " + (expected.isEmpty() ? "accepts" : "refuses with " + expected)
                                + " but the ledger answered " + result));
            }
            if (!result.ok() && !expected.contains(result.code())) {
                return Optional.of(new Failure(
                        i, "the model refuses with " + expected + " but the ledger refused with " + result));
            }
            // The lots the step names and every lot made from them each step; every lot now and then.
            Set<String> checked = i % 10 == 9 || i == steps.size() - 1 ? codes : touched(step, model.state);
            Optional<String> differs = compare(ledger, model.state, checked, step);
            if (differs.isPresent()) {
                return Optional.of(new Failure(i, differs.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> compare(LedgerDriver ledger, ModelState state, Set<String> codes, Step step) {
        for (String code : codes) {
            ModelState.Lot lot = state.lots.get(code);
            JsonNode view = ledger.lot(code);
            if (lot == null) {
                if (view != null) {
                    return Optional.of("lot " + code + " is on the ledger but not in the model");
                }
                continue;
            }
            if (view == null) {
                return Optional.of("lot " + code + " is in the model but not on the ledger");
            }
            long conserved = state.remaining(code) + lot.out;
            if (conserved != lot.made) {
                return Optional.of("the model lost track of lot " + code + ": " + conserved + " of " + lot.made);
            }
            Map<String, Long> held = new TreeMap<>();
            view.path("holdings")
                    .forEach(h -> held.put(
                            h.path("mspId").asText(), h.at("/quantity/value").asLong()));
            Map<String, Long> expectedHeld = new TreeMap<>(state.holdings.getOrDefault(code, Map.of()));
            if (!held.equals(expectedHeld)) {
                return Optional.of(
                        "lot " + code + " is held " + held + " on the ledger, " + expectedHeld + " in the model");
            }
            List<String> transits = new ArrayList<>();
            view.path("inTransit")
                    .forEach(t -> transits.add(transit(
                            t.path("fromMsp").asText(),
                            t.path("toMsp").asText(),
                            t.path("carrierMsp").asText(null),
                            t.at("/quantity/value").asLong())));
            List<String> expectedTransits = new ArrayList<>();
            state.transits.stream()
                    .filter(t -> t.lot().equals(code))
                    .forEach(t -> expectedTransits.add(transit(t.from(), t.to(), t.carrier(), t.qty())));
            transits.sort(null);
            expectedTransits.sort(null);
            if (!transits.equals(expectedTransits)) {
                return Optional.of("lot " + code + " is in transit " + transits + " on the ledger, " + expectedTransits
                        + " in the model");
            }
            String stateWord = view.path("state").asText();
            if (!stateWord.equals(state.state(code))) {
                return Optional.of(
                        "lot " + code + " is " + stateWord + " on the ledger, " + state.state(code) + " in the model");
            }
            if (view.at("/lot/holds").size() != lot.ownHolds.size()) {
                return Optional.of(
                        "lot " + code + " carries " + view.at("/lot/holds").size() + " holds of its own on the ledger, "
                                + lot.ownHolds.size() + " in the model");
            }
            if (step instanceof Step.IssueCodes issue
                    && issue.lot().equals(code)
                    && ledger.codesIssued(code) != lot.codes) {
                return Optional.of("lot " + code + " has " + ledger.codesIssued(code) + " codes on the ledger, "
                        + lot.codes + " in the model");
            }
        }
        return Optional.empty();
    }

    private static Set<String> touched(Step step, ModelState state) {
        Set<String> named = new TreeSet<>();
        collect(step, named);
        Set<String> touched = new TreeSet<>(named);
        for (String code : state.lots.keySet()) {
            if (state.ancestors(code).stream().anyMatch(named::contains)) {
                touched.add(code);
            }
        }
        return touched;
    }

    private static String transit(String from, String to, String carrier, long qty) {
        return from + ">" + to + (carrier == null ? "" : " via " + carrier) + ":" + qty;
    }

    private static void collect(Step step, Set<String> codes) {
        if (step instanceof Step.Batch b) {
            b.entries().forEach(entry -> collect(entry, codes));
        } else if (step instanceof Step.Capture c) {
            c.events().forEach(event -> collect(event, codes));
        } else if (step instanceof Step.Transform t) {
            t.inputs().forEach(line -> codes.add(line.lot()));
            t.outputs().forEach(line -> codes.add(line.lot()));
        } else {
            codes.addAll(step.lots());
        }
    }
}
