package io.heitu.ledger.embedded.verify;

import io.heitu.ledger.embedded.state.HistoryEntry;
import io.heitu.ledger.embedded.state.StateStore;
import io.heitu.ledger.sim.CloseableIterator;
import io.heitu.ledger.sim.KeyMod;
import io.heitu.ledger.sim.StateEntry;
import io.heitu.ledger.sim.VersionedValue;
import java.util.Arrays;
import java.util.Optional;
import org.hyperledger.fabric.shim.ledger.KeyModification;

/**
 * Ties world state to history, and history to the blocks, without holding the ledger in memory:
 * the history must have exactly as many entries per block as the blocks have valid writes (each of
 * which {@link Verifier} found in it), every key's newest history entry must be its state (or its
 * absence, after a delete), and every state entry must be its key's newest history entry. Reports the
 * lowest block involved in any disagreement.
 */
final class StateCheck {

    private StateCheck() {}

    record Problem(long block, String message) {}

    static Optional<StateCheck.Problem> check(StateStore state, WriteCounts fromBlocks) {
        Problem first = null;
        WriteCounts fromHistory = new WriteCounts();
        String key = null;
        try (CloseableIterator<HistoryEntry> history = state.allHistory()) {
            while (history.hasNext()) {
                HistoryEntry entry = history.next();
                fromHistory.add(entry.version().blockNumber());
                if (!entry.key().equals(key)) {
                    key = entry.key();
                    first = lowest(first, newestMatchesState(state, entry));
                }
            }
        }
        long differs = fromBlocks.firstDifference(fromHistory);
        if (differs >= 0) {
            first = lowest(first, new Problem(differs, "key history has entries no valid transaction wrote"));
        }
        try (CloseableIterator<StateEntry> entries = state.range("", "")) {
            while (entries.hasNext()) {
                first = lowest(first, stateBackedByHistory(state, entries.next()));
            }
        }
        return Optional.ofNullable(first);
    }

    private static Problem newestMatchesState(StateStore state, HistoryEntry newest) {
        VersionedValue current = state.get(newest.key());
        KeyMod mod = newest.modification();
        long block = newest.version().blockNumber();
        if (mod.deleted()) {
            return current == null ? null : new Problem(block, "world state holds a key this block deleted");
        }
        if (current == null) {
            return new Problem(block, "world state lacks a key this block wrote");
        }
        if (!current.version().equals(newest.version()) || !Arrays.equals(current.value(), mod.getValue())) {
            return new Problem(block, "world state differs from the last write of a key in this block");
        }
        return null;
    }

    private static Problem stateBackedByHistory(StateStore state, StateEntry entry) {
        try (CloseableIterator<KeyModification> history = state.history(entry.key())) {
            if (!history.hasNext() || history.next().isDeleted()) {
                return new Problem(
                        entry.value().version().blockNumber(), "world state holds a key no valid write leaves there");
            }
        }
        return null;
    }

    private static Problem lowest(Problem a, Problem b) {
        if (a == null) {
            return b;
        }
        return b == null || a.block() <= b.block() ? a : b;
    }
}
