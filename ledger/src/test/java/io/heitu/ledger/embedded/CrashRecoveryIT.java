package io.heitu.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.identity.Pem;
import io.heitu.ledger.embedded.verify.VerifyReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing JVM with SIGKILL in the middle of sustained load, several times over the same
 * data directory, and checks after each crash that every acknowledged transaction survived and the
 * ledger verifies.
 */
class CrashRecoveryIT {

    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    @TempDir
    Path pems;

    @Test
    void every_acknowledged_transaction_survives_kill_minus_9() throws Exception {
        Path dataDir = dir.resolve("ledger");
        TestLedger t = TestLedger.open(dataDir);
        t.close();
        Files.writeString(pems.resolve("ca.pem"), Pem.encode(t.ca.certificate()));
        Files.writeString(pems.resolve("user.pem"), Pem.encode(t.user.certificate()));
        Files.writeString(pems.resolve("user.key"), Pem.encode(t.user.privateKey()));
        List<Ack> acknowledged = new ArrayList<>();

        for (int round = 0; round < ROUNDS; round++) {
            int killAfter = ThreadLocalRandom.current().nextInt(200, 1500);
            acknowledged.addAll(runAndKill(dataDir, killAfter));

            t.ledger = EmbeddedLedger.open(t.config(), TestLedger.chaincode());
            try {
                for (Ack ack : acknowledged) {
                    assertThat(t.ledger.locate(ack.txId()))
                            .as("tx %s", ack.txId())
                            .isPresent();
                }
                for (Ack ack : acknowledged.subList(Math.max(0, acknowledged.size() - 200), acknowledged.size())) {
                    assertThat(t.read("get", ack.key())).isEqualTo(ack.value());
                }
                VerifyReport report = t.ledger.verify();
                assertThat(report.ok()).as(report.problem()).isTrue();
                assertThat(report.transactionsChecked()).isGreaterThanOrEqualTo(acknowledged.size());
            } finally {
                t.ledger.close();
            }
        }
    }

    private List<Ack> runAndKill(Path dataDir, int killAfter) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashWriter.class.getName(),
                        dataDir.toString(),
                        pems.toString(),
                        "8")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<Ack> acks = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> readAcks(writer, acks));
        reader.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (acks.size() < killAfter && writer.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(writer.isAlive()).as("writer still running").isTrue();
            assertThat(acks.size()).as("acks before the deadline").isGreaterThanOrEqualTo(killAfter);
        } finally {
            writer.destroyForcibly(); // SIGKILL: no shutdown hooks, no close
            writer.waitFor(30, TimeUnit.SECONDS);
            reader.join(30_000);
        }
        return acks;
    }

    /** Every line the writer flushed before dying was an acknowledgement it had received. */
    private static void readAcks(Process writer, List<Ack> acks) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] parts = line.split(" ");
                if (parts.length == 4 && parts[0].equals("ACK")) {
                    acks.add(new Ack(parts[1], parts[2], parts[3]));
                }
            }
        } catch (IOException e) {
            // the pipe breaks when the writer dies; what was read is what was acknowledged
        }
    }

    private record Ack(String txId, String key, String value) {}
}
