package io.heitu.chaincode.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Model-based test of the ledger's guarantees: random sequences of every transaction (single
 * steps, batches, captures with known and unknown lots, returns, splits and merges, holds,
 * releases, recalls, failing results, code issuance) by every organisation, each step checked
 * against {@link ReferenceModel}. A failing sequence is shrunk and printed as Java to keep in
 * {@link IntegrityModelRegressionTest}.
 *
 * <p>Fixed seed and size in {@code ./mvnw verify}; a larger run by
 * {@code -Dintegrity.model.sequences=20000 -Dintegrity.model.steps=60 -Dintegrity.model.seed=…}.
 */
class IntegrityModelTest {

    private static final Logger LOG = Logger.getLogger(IntegrityModelTest.class.getName());

    static final long SEED = Long.getLong("integrity.model.seed", 20_261_206L);
    static final int SEQUENCES = Integer.getInteger("integrity.model.sequences", 2_000);
    static final int STEPS = Integer.getInteger("integrity.model.steps", 30);

    @Test
    void every_random_sequence_of_transactions_keeps_the_guarantees_of_the_reference_model() {
        SplittableRandom seeds = new SplittableRandom(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            long seed = seeds.nextLong();
            List<Step> steps = new Generator(seed).sequence(STEPS);
            Optional<ModelRun.Failure> failure = ModelRun.run(steps, outcomes);
            if (failure.isPresent()) {
                List<Step> shrunk = new Shrinker().shrink(steps);
                ModelRun.Failure minimal = ModelRun.run(shrunk).orElse(failure.get());
                throw new AssertionError("sequence " + sequence + " (seed " + seed + ") fails at step "
                        + failure.get().step() + ": " + failure.get().message() + "\nshrunk to " + shrunk.size()
                        + " steps, failing at step " + minimal.step() + ": " + minimal.message()
                        + "\nkeep it in IntegrityModelRegressionTest:\nList.of(\n    "
                        + shrunk.stream().map(Step::java).collect(Collectors.joining(",\n    ")) + ")");
            }
        }
        int total = outcomes.values().stream().mapToInt(Integer::intValue).sum();
        LOG.info(() -> SEQUENCES + " sequences of " + STEPS + " steps (seed " + SEED + "), " + total + " transactions: "
                + outcomes);
        // The generator must reach both sides of the rules, or the test proves little. Runs smaller
        // than CI's (mutation testing runs a few dozen sequences per mutant) may miss rare codes.
        if (SEQUENCES < 1_000) {
            return;
        }
        assertThat(outcomes.getOrDefault("ok", 0)).isGreaterThan(total / 4);
        assertThat(outcomes.keySet())
                .contains(
                        "FORBIDDEN_ROLE",
                        "INSUFFICIENT_QUANTITY",
                        "NOTHING_IN_TRANSIT",
                        "LOT_ON_HOLD",
                        "LOT_RECALLED",
                        "LATE_RECORDING",
                        "RETURN_NOT_TO_SUPPLIER",
                        "GTIN_NOT_OWNED",
                        "MASS_BALANCE_VIOLATED",
                        "YIELD_EXCEEDED",
                        "PRE_HARVEST_INTERVAL",
                        "DUPLICATE_EVENT",
                        "LOT_NOT_FOUND",
                        "HOLD_INHERITED",
                        "CODES_EXCEED_UNITS",
                        "INSPECTION_REQUIRED",
                        "NOT_IN_GI_AREA",
                        "HOLD_AMBIGUOUS",
                        "LOT_USED_UP",
                        "UNIT_MISMATCH");
    }
}
