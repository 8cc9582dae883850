package io.heitu.ledger.embedded.verify;

import io.heitu.ledger.embedded.blocks.Block;
import io.heitu.ledger.embedded.blocks.BlockFile;
import io.heitu.ledger.embedded.blocks.BlockHeader;
import io.heitu.ledger.embedded.blocks.BlockLocation;
import io.heitu.ledger.embedded.blocks.Hashes;
import io.heitu.ledger.embedded.blocks.StoredTx;
import io.heitu.ledger.embedded.blocks.TxEffect;
import io.heitu.ledger.embedded.blocks.TxStatus;
import io.heitu.ledger.embedded.proposal.BadProposalException;
import io.heitu.ledger.embedded.proposal.ProposalChecker;
import io.heitu.ledger.embedded.state.TxIndexEntry;
import io.heitu.ledger.embedded.store.LedgerStore;
import io.heitu.ledger.embedded.store.Recovery;
import io.heitu.ledger.sim.KeyMod;
import io.heitu.ledger.sim.Version;
import io.heitu.ledger.sim.Write;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Recomputes the ledger from the block file alone and compares: each record's checksum, each
 * block's data hash, header hash and link to the previous block, each transaction's signature,
 * creator (at the block's commit time, against the configuration in force) and transaction id, the
 * block and transaction indexes, and the history entry of every valid write. {@link StateCheck}
 * then ties world state to history. Stops at the first bad block.
 */
public final class Verifier {

    private final LedgerStore.Snapshot snapshot;
    private final BlockFile.Reader reader;
    private final WriteCounts writeCounts = new WriteCounts();
    private long transactions;

    private Verifier(LedgerStore.Snapshot snapshot, BlockFile.Reader reader) {
        this.snapshot = snapshot;
        this.reader = reader;
    }

    public static VerifyReport verify(LedgerStore store) throws IOException {
        try (LedgerStore.Snapshot snapshot = store.snapshot();
                BlockFile.Reader reader = store.blocks().reader()) {
            return new Verifier(snapshot, reader).run();
        }
    }

    private VerifyReport run() throws IOException {
        long offset = 0;
        byte[] previousHash = new byte[Hashes.SHA256_LENGTH];
        ProposalChecker checker = null;
        for (long number = 0; number < snapshot.height(); number++) {
            BlockFile.Record record = reader.read(offset);
            if (record.kind() != BlockFile.Record.Kind.OK) {
                return bad(
                        number,
                        record.kind() == BlockFile.Record.Kind.CORRUPT
                                ? "stored block fails its checksum"
                                : "stored block is cut short or its length is damaged");
            }
            Block block;
            try {
                block = Block.decode(record.payload());
            } catch (IOException e) {
                return bad(number, "stored block cannot be decoded: " + e.getMessage());
            }
            Optional<String> problem = checkHeader(block, record, number, previousHash);
            if (problem.isEmpty() && block.config() != null) {
                checker = new ProposalChecker(block.config());
            } else if (problem.isEmpty() && checker == null) {
                problem = Optional.of("transactions before any configuration block");
            }
            if (problem.isEmpty()) {
                problem = checkTransactions(block, checker);
            }
            if (problem.isPresent()) {
                return bad(number, problem.get());
            }
            previousHash = block.header().hash();
            offset = record.end();
        }
        if (offset != snapshot.blockFileEnd()) {
            return bad(snapshot.height() - 1, "block index disagrees with the block file about where blocks end");
        }
        Optional<StateCheck.Problem> stateProblem = StateCheck.check(snapshot.state(), writeCounts);
        if (stateProblem.isPresent()) {
            return VerifyReport.failed(
                    snapshot.height(),
                    transactions,
                    stateProblem.get().block(),
                    stateProblem.get().message());
        }
        return VerifyReport.passed(snapshot.height(), transactions);
    }

    private Optional<String> checkHeader(Block block, BlockFile.Record record, long number, byte[] previousHash) {
        BlockHeader header = block.header();
        if (header.number() != number) {
            return Optional.of("block holds number " + header.number());
        }
        if (!Arrays.equals(header.previousHash(), previousHash)) {
            return Optional.of("previous hash does not match the hash of block " + (number - 1));
        }
        if (!Arrays.equals(header.dataHash(), Hashes.sha256(Block.dataOf(record.payload())))) {
            return Optional.of("data hash does not match the block's data");
        }
        Optional<BlockLocation> indexed = snapshot.state().block(number);
        if (indexed.isEmpty()
                || indexed.get().offset() != record.offset()
                || !Arrays.equals(indexed.get().hash(), header.hash())) {
            return Optional.of("block index disagrees with the block file");
        }
        return Optional.empty();
    }

    private Optional<String> checkTransactions(Block block, ProposalChecker checker) {
        long number = block.header().number();
        List<StoredTx> txs = block.transactions();
        List<TxEffect> effects;
        try {
            effects = Recovery.effects(block);
        } catch (IllegalArgumentException e) {
            return Optional.of("a transaction cannot be decoded: " + e.getMessage());
        }
        for (int i = 0; i < txs.size(); i++) {
            StoredTx tx = txs.get(i);
            transactions++;
            try {
                checker.check(
                        SignedProposal.parseFrom(tx.signedProposal()),
                        block.header().committedAt());
                TxStatus.ofValidationCode(tx.validationCode());
            } catch (BadProposalException | IOException | IllegalArgumentException e) {
                return Optional.of("transaction " + i + ": " + e.getMessage());
            }
            TxEffect effect = effects.get(i);
            TxIndexEntry expected = new TxIndexEntry(number, i, tx.validationCode());
            if (!snapshot.state().tx(effect.txId()).equals(Optional.of(expected))) {
                return Optional.of("transaction " + i + ": transaction index disagrees (duplicate or altered tx id)");
            }
            Optional<String> history = checkHistory(effect, new Version(number, i));
            if (history.isPresent()) {
                return Optional.of("transaction " + i + ": " + history.get());
            }
        }
        return Optional.empty();
    }

    private Optional<String> checkHistory(TxEffect effect, Version version) {
        if (effect.validationCode() != TxValidationCode.VALID_VALUE) {
            return Optional.empty();
        }
        for (Write write : effect.writes()) {
            writeCounts.add(version.blockNumber());
            Optional<KeyMod> stored = snapshot.state().historyEntry(write.key(), version);
            KeyMod expected = new KeyMod(effect.txId(), write.value(), effect.timestamp(), write.isDelete());
            if (stored.isEmpty() || !same(stored.get(), expected)) {
                return Optional.of("key history does not record this transaction's write");
            }
        }
        return Optional.empty();
    }

    private static boolean same(KeyMod a, KeyMod b) {
        return a.txId().equals(b.txId())
                && a.deleted() == b.deleted()
                && a.timestamp().equals(b.timestamp())
                && Arrays.equals(a.getValue(), b.getValue());
    }

    /** A block-level failure: the blocks before {@code block} passed. */
    private VerifyReport bad(long block, String problem) {
        return VerifyReport.failed(block, transactions, block, problem);
    }
}
