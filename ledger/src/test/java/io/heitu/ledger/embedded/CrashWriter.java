package io.heitu.ledger.embedded;

import io.heitu.identity.Enrollment;
import io.heitu.identity.Pem;
import io.heitu.ledger.embedded.commit.TxResult;
import io.heitu.ledger.embedded.proposal.Proposals;
import io.heitu.ledger.sim.InProcessChaincode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The victim of {@link CrashRecoveryIT}: opens the ledger and submits puts from several threads as
 * fast as it can, printing {@code ACK <txId> <key> <value>} for each acknowledged transaction, until
 * it is killed. Arguments: data directory, PEM directory (ca.pem, user.pem, user.key), threads.
 */
public final class CrashWriter {

    private CrashWriter() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Path pems = Path.of(args[1]);
        int threads = Integer.parseInt(args[2]);
        var ca = Pem.certificate(Files.readString(pems.resolve("ca.pem")));
        Enrollment user = new Enrollment(
                TestLedger.MSP,
                Pem.certificate(Files.readString(pems.resolve("user.pem"))),
                Pem.privateKey(Files.readString(pems.resolve("user.key"))));
        LedgerConfig config = new LedgerConfig(
                dataDir,
                TestLedger.CHANNEL,
                TestLedger.CHAINCODE,
                Map.of(TestLedger.MSP, List.of(ca)),
                500,
                Duration.ofMillis(2));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        EmbeddedLedger ledger = EmbeddedLedger.open(config, InProcessChaincode.load(TestLedger.CHAINCODE));
        out.println("READY " + ledger.height());
        String run = Long.toString(System.nanoTime(), 36);
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String prefix = "w-" + run + "-" + i + "-";
            Thread writer = new Thread(() -> write(ledger, user, prefix, out));
            writers.add(writer);
            writer.start();
        }
        for (Thread writer : writers) {
            writer.join();
        }
    }

    private static void write(EmbeddedLedger ledger, Enrollment user, String prefix, PrintStream out) {
        for (long n = 0; ; n++) {
            String key = prefix + n;
            String value = Long.toString(n);
            var proposal = Proposals.create(
                    user, TestLedger.CHANNEL, TestLedger.CHAINCODE, List.of("put", key, value), Instant.now());
            TxResult result = ledger.submit(proposal).join();
            if (result.isValid()) {
                out.println("ACK " + result.txId() + " " + key + " " + value);
            }
        }
    }
}
