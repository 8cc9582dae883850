package io.heitu.ledger.embedded.store;

import io.heitu.ledger.embedded.blocks.Block;
import io.heitu.ledger.embedded.blocks.BlockFile;
import io.heitu.ledger.embedded.blocks.BlockHeader;
import io.heitu.ledger.embedded.blocks.BlockLocation;
import io.heitu.ledger.embedded.blocks.Hashes;
import io.heitu.ledger.embedded.blocks.RwSets;
import io.heitu.ledger.embedded.blocks.StoredTx;
import io.heitu.ledger.embedded.blocks.TxEffect;
import io.heitu.ledger.embedded.proposal.DecodedProposal;
import io.heitu.ledger.embedded.state.StateStore;
import io.heitu.ledger.sim.TxProposal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the state store level with the block file after any stop. The state store's savepoint says
 * which blocks it holds; every later complete record is re-applied (applying is idempotent), and a
 * torn record at the end, a write the crash interrupted and so never acknowledged, is cut off.
 */
public final class Recovery {

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    private Recovery() {}

    static LedgerStore.Tip replay(BlockFile blocks, StateStore state) throws IOException {
        OptionalLong savepoint = state.savepoint();
        long next = 0;
        long offset = 0;
        byte[] previousHash = new byte[Hashes.SHA256_LENGTH];
        if (savepoint.isPresent()) {
            BlockLocation applied = state.block(savepoint.getAsLong())
                    .orElseThrow(() -> new IOException("state store savepoint has no block location"));
            if (applied.end() > blocks.size()) {
                throw new IOException("block file ends before block " + applied.number() + " the state store holds");
            }
            next = applied.number() + 1;
            offset = applied.end();
            previousHash = applied.hash();
        }
        int replayed = 0;
        while (offset < blocks.size()) {
            BlockFile.Record record = blocks.read(offset);
            if (record.kind() == BlockFile.Record.Kind.TORN) {
                log.warn("dropping a torn record of {} bytes at the end of the block file", blocks.size() - offset);
                blocks.truncate(offset);
                break;
            }
            if (record.kind() == BlockFile.Record.Kind.CORRUPT) {
                throw new IOException("block " + next + " is damaged in the block file (checksum mismatch)");
            }
            Block block = Block.decode(record.payload());
            BlockHeader header = block.header();
            if (header.number() != next || !Arrays.equals(header.previousHash(), previousHash)) {
                throw new IOException("block " + next + " does not follow block " + (next - 1));
            }
            BlockLocation location = new BlockLocation(
                    next, offset, (int) (record.end() - offset), header.committedAtMillis(), header.hash());
            state.apply(location, block.config() != null, effects(block));
            previousHash = location.hash();
            offset = record.end();
            next++;
            replayed++;
        }
        if (replayed > 0) {
            log.info("replayed {} blocks into the state store", replayed);
        }
        return new LedgerStore.Tip(next, previousHash);
    }

    /** What a stored block's transactions do to the state store; also used by verify. */
    public static List<TxEffect> effects(Block block) {
        List<TxEffect> effects = new ArrayList<>(block.transactions().size());
        for (StoredTx tx : block.transactions()) {
            TxProposal proposal = DecodedProposal.parse(tx.signedProposal()).tx();
            boolean valid = tx.validationCode() == TxValidationCode.VALID_VALUE;
            effects.add(new TxEffect(
                    proposal.txId(),
                    proposal.timestamp(),
                    tx.validationCode(),
                    valid ? RwSets.writes(tx.rwSet()) : List.of()));
        }
        return effects;
    }
}
