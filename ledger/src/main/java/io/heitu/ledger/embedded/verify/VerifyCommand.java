package io.heitu.ledger.embedded.verify;

import io.heitu.ledger.embedded.store.LedgerStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -cp … io.heitu.ledger.embedded.verify.VerifyCommand <dataDir>}: verifies a ledger's data
 * directory without the chaincode; the trusted CAs come from the ledger's own configuration blocks.
 * Prints what was checked and OK, or the first bad block; exits 0 when the ledger verifies, 1 when
 * it does not or cannot be read, 2 on a usage error. Opening finishes any commit a crash interrupted,
 * as the ledger itself would; a ledger open in another process cannot be verified this way (use
 * {@link io.heitu.ledger.embedded.EmbeddedLedger#verify()} there).
 */
public final class VerifyCommand {

    private VerifyCommand() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: VerifyCommand <dataDir>");
            return 2;
        }
        Path dataDir = Path.of(args[0]);
        if (!Files.isRegularFile(dataDir.resolve(LedgerStore.BLOCK_FILE))) {
            System.out.println("no ledger in " + dataDir);
            return 1;
        }
        try (LedgerStore store = LedgerStore.open(dataDir)) {
            VerifyReport report = Verifier.verify(store);
            System.out.printf(
                    "blocks checked: %d, transactions checked: %d%n",
                    report.blocksChecked(), report.transactionsChecked());
            if (report.ok()) {
                System.out.println("OK");
                return 0;
            }
            System.out.printf("BAD block %d: %s%n", report.firstBadBlock().getAsLong(), report.problem());
            return 1;
        } catch (IOException | RuntimeException e) {
            System.out.println("cannot verify " + dataDir + ": " + e.getMessage());
            return 1;
        }
    }
}
