package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.support.Api;
import io.heitu.service.support.ServiceProcess;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A byte flipped in a stored block: verify names that block, health goes down, and the service
 * stops presenting the ledger as verified — whether or not the tamperer also fixed the record's
 * checksum.
 */
@Tag("embedded-ledger")
class TamperIT {

    /** Records of the block file: {@code [int length][int CRC32C][payload]}. */
    private static List<long[]> records(Path file) throws Exception {
        List<long[]> records = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = 0;
            ByteBuffer header = ByteBuffer.allocate(8);
            while (position < channel.size()) {
                header.clear();
                channel.read(header, position);
                header.flip();
                int length = header.getInt();
                records.add(new long[] {position, length});
                position += 8 + length;
            }
        }
        return records;
    }

    private static void flip(Path file, long[] record, boolean fixChecksum) throws Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long offset = record[0] + 8 + record[1] / 2;
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, offset);
            one.put(0, (byte) (one.get(0) ^ 0x01));
            one.rewind();
            channel.write(one, offset);
            if (fixChecksum) {
                ByteBuffer payload = ByteBuffer.allocate((int) record[1]);
                channel.read(payload, record[0] + 8);
                CRC32C crc = new CRC32C();
                crc.update(payload.flip());
                channel.write(ByteBuffer.allocate(4).putInt(0, (int) crc.getValue()), record[0] + 4);
            }
            channel.force(true);
        }
    }

    private void tamperAndCheck(boolean fixChecksum) throws Exception {
        Path dir = Files.createTempDirectory("heitu-tamper-");
        Path data = dir.resolve("data");
        try (ServiceProcess service = new ServiceProcess(data).start()) {
            assertThat(service.api()
                            .get("regulator", "/api/ledger/verify")
                            .json()
                            .path("ok")
                            .asBoolean())
                    .isTrue();
            service.stop();
        }
        var clean = verifyCommand(data);
        assertThat(clean.exitCode()).as(clean.output()).isZero();
        assertThat(clean.output()).contains("OK");
        Path blocks = data.resolve("ledger").resolve("blocks.dat");
        List<long[]> records = records(blocks);
        assertThat(records.size()).isGreaterThan(10);
        int victim = records.size() / 2;
        flip(blocks, records.get(victim), fixChecksum);

        try (ServiceProcess service = new ServiceProcess(data).start()) {
            Api api = service.api();
            var verify = api.get("regulator", "/api/ledger/verify");
            assertThat(verify.status()).isEqualTo(409);
            assertThat(verify.json().path("ok").asBoolean()).isFalse();
            assertThat(verify.json().path("firstBadBlock").asLong())
                    .as(verify.body())
                    .isEqualTo(victim);
            // DOWN for anyone; the details, which block, for admins (issue 14).
            assertThat(api.get(null, "/actuator/health").status()).isEqualTo(503);
            var health = api.get("admin", "/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body()).contains("\"firstBadBlock\":" + victim);
            service.stop();
        }
        var tampered = verifyCommand(data);
        assertThat(tampered.exitCode()).as(tampered.output()).isEqualTo(1);
        assertThat(tampered.output()).contains(Integer.toString(victim));
    }

    record Run(int exitCode, String output) {}

    /** The command line: {@code java -jar service.jar verify <dataDir>}, here on the test class path. */
    private static Run verifyCommand(Path data) throws Exception {
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.heitu.service.HeituApplication",
                        "verify",
                        data.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    @Test
    void a_flipped_byte_is_reported_at_its_block() throws Exception {
        tamperAndCheck(false);
    }

    @Test
    void a_flipped_byte_with_a_recomputed_checksum_is_still_reported_at_its_block() throws Exception {
        tamperAndCheck(true);
    }
}
