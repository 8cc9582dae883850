package io.heitu.ledger.embedded.commit;

import io.heitu.ledger.sim.Simulation;
import java.util.concurrent.CompletableFuture;

/** A simulated transaction waiting to be ordered, and the future its client waits on. */
record Endorsed(byte[] signedProposal, Simulation simulation, CompletableFuture<TxResult> result) {

    String txId() {
        return simulation.proposal().txId();
    }
}
