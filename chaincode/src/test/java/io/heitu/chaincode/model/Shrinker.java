package io.heitu.chaincode.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shrinks a failing sequence to a small one that still fails: drops ever smaller runs of steps,
 * then entries of batches and captures, as long as the replay still disagrees with the model.
 * What is left is printed as Java, to be kept as a regression test.
 */
final class Shrinker {

    /** Replays at most this many candidates: each is a fresh ledger. */
    private static final int MAX_REPLAYS = 400;

    private int replays;

    List<Step> shrink(List<Step> failing) {
        List<Step> best = new ArrayList<>(failing);
        Optional<ModelRun.Failure> first = ModelRun.run(best);
        if (first.isPresent()) {
            best.subList(first.get().step() + 1, best.size()).clear();
        }
        boolean progress = true;
        while (progress && replays < MAX_REPLAYS) {
            progress = false;
            for (int chunk = Math.max(1, best.size() / 2); chunk >= 1 && replays < MAX_REPLAYS; chunk /= 2) {
                for (int start = 0; start + chunk <= best.size() && replays < MAX_REPLAYS; ) {
                    List<Step> candidate = new ArrayList<>(best);
                    candidate.subList(start, start + chunk).clear();
                    if (fails(candidate)) {
                        best = candidate;
                        progress = true;
                    } else {
                        start += chunk;
                    }
                }
            }
            for (int i = 0; i < best.size() && replays < MAX_REPLAYS; i++) {
                Optional<Step> smaller = smaller(best.get(i), best, i);
                if (smaller.isPresent()) {
                    best.set(i, smaller.get());
                    progress = true;
                }
            }
        }
        return best;
    }

    /** The step with one entry fewer, if the sequence still fails with it. */
    private Optional<Step> smaller(Step step, List<Step> sequence, int at) {
        List<Step> entries =
                step instanceof Step.Batch b ? b.entries() : step instanceof Step.Capture c ? c.events() : List.of();
        for (int drop = 0; entries.size() > 1 && drop < entries.size(); drop++) {
            List<Step> fewer = new ArrayList<>(entries);
            fewer.remove(drop);
            Step candidate = step instanceof Step.Batch b
                    ? new Step.Batch(b.org(), fewer, b.lines())
                    : new Step.Capture(step.org(), fewer, ((Step.Capture) step).upstream());
            List<Step> replaced = new ArrayList<>(sequence);
            replaced.set(at, candidate);
            if (fails(replaced)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private boolean fails(List<Step> candidate) {
        replays++;
        return ModelRun.run(candidate).isPresent();
    }
}
