package io.heitu.ledger.embedded.commit;

import io.heitu.ledger.embedded.blocks.TxStatus;
import io.heitu.ledger.sim.MvccValidator;
import io.heitu.ledger.sim.ReadWriteSet;
import io.heitu.ledger.sim.StateView;
import io.heitu.ledger.sim.Version;
import io.heitu.ledger.sim.VersionedValue;
import io.heitu.ledger.sim.Write;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Fabric's MVCC step for one block: each transaction is checked against the state as of the previous
 * block plus the writes of the valid transactions before it in the block, so of two transactions
 * that read the same version of a key and write it, only the first can be valid.
 */
final class BlockValidator {

    private BlockValidator() {}

    /** A transaction's validation outcome; {@code reason} is empty when valid. */
    record Outcome(TxStatus status, String reason) {}

    static List<Outcome> validate(List<Endorsed> block, StateView committed) {
        Map<String, Write> writtenEarlier = new HashMap<>();
        List<Outcome> outcomes = new ArrayList<>(block.size());
        for (Endorsed tx : block) {
            ReadWriteSet rwSet = tx.simulation().readWriteSet();
            Optional<String> conflict = MvccValidator.conflict(rwSet, committed, writtenEarlier);
            if (conflict.isEmpty()) {
                rwSet.writes().forEach(write -> writtenEarlier.put(write.key(), write));
                outcomes.add(new Outcome(TxStatus.VALID, ""));
            } else {
                TxStatus status = stalePointRead(rwSet, committed, writtenEarlier)
                        ? TxStatus.MVCC_READ_CONFLICT
                        : TxStatus.PHANTOM_READ_CONFLICT;
                outcomes.add(new Outcome(status, conflict.get()));
            }
        }
        return outcomes;
    }

    /**
     * MvccValidator checks point reads before ranges, so a conflict with every point read current
     * is a phantom; telling the two apart here keeps the simulator's API unchanged.
     */
    private static boolean stalePointRead(ReadWriteSet rwSet, StateView committed, Map<String, ?> writtenEarlier) {
        for (Map.Entry<String, Version> read : rwSet.reads().entrySet()) {
            if (writtenEarlier.containsKey(read.getKey())) {
                return true;
            }
            VersionedValue now = committed.get(read.getKey());
            if (!Objects.equals(now == null ? null : now.version(), read.getValue())) {
                return true;
            }
        }
        return false;
    }
}
