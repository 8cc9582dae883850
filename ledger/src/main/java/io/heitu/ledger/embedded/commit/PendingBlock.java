package io.heitu.ledger.embedded.commit;

import io.heitu.ledger.embedded.blocks.BlockLocation;
import io.heitu.ledger.embedded.blocks.Hashes;
import io.heitu.ledger.embedded.blocks.RwSets;
import io.heitu.ledger.embedded.blocks.StoredTx;
import io.heitu.ledger.embedded.blocks.TxEffect;
import io.heitu.ledger.embedded.blocks.TxStatus;
import io.heitu.ledger.embedded.store.LedgerStore;
import io.heitu.ledger.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.peer.Response;

/**
 * One block's transactions from validation to acknowledgement: validated against committed state,
 * turned into what the block stores and what the state store applies, and finally answered.
 */
final class PendingBlock {

    private final List<Endorsed> transactions;
    private final List<BlockValidator.Outcome> outcomes;

    PendingBlock(List<Endorsed> transactions, LedgerStore store) {
        this.transactions = transactions;
        this.outcomes = BlockValidator.validate(transactions, store.state());
    }

    List<StoredTx> stored() {
        List<StoredTx> stored = new ArrayList<>(transactions.size());
        for (int i = 0; i < transactions.size(); i++) {
            Simulation simulation = transactions.get(i).simulation();
            stored.add(new StoredTx(
                    outcomes.get(i).status().validationCode(),
                    transactions.get(i).signedProposal(),
                    RwSets.encode(simulation.readWriteSet()),
                    Endorser.response(simulation).toByteArray(),
                    simulation.event() == null
                            ? new byte[0]
                            : simulation.event().toByteArray()));
        }
        return stored;
    }

    List<TxEffect> effects() {
        List<TxEffect> effects = new ArrayList<>(transactions.size());
        for (int i = 0; i < transactions.size(); i++) {
            Simulation simulation = transactions.get(i).simulation();
            TxStatus status = outcomes.get(i).status();
            effects.add(new TxEffect(
                    simulation.proposal().txId(),
                    simulation.proposal().timestamp(),
                    status.validationCode(),
                    status == TxStatus.VALID ? simulation.readWriteSet().writes() : List.of(),
                    status == TxStatus.VALID ? simulation.readWriteSet().privateWrites() : List.of()));
        }
        return effects;
    }

    /** Answers every client; call only once the block is durable. */
    void acknowledge(BlockLocation location) {
        String blockHash = Hashes.hex(location.hash());
        for (int i = 0; i < transactions.size(); i++) {
            Endorsed tx = transactions.get(i);
            Response response = Endorser.response(tx.simulation());
            BlockValidator.Outcome outcome = outcomes.get(i);
            boolean valid = outcome.status() == TxStatus.VALID;
            tx.result()
                    .complete(new TxResult(
                            tx.txId(),
                            outcome.status(),
                            response.getStatus(),
                            valid ? response.getMessage() : outcome.reason(),
                            response.getPayload().toByteArray(),
                            location.number(),
                            blockHash));
        }
    }
}
