package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.evidence.EvidenceSettings;
import io.heitu.service.evidence.EvidenceStore;
import io.heitu.service.evidence.EvidenceStores;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The evidence store's S3 adapter against a real S3-compatible server: moto's, from PyPI, which
 * {@code .ci/page-tools.sh} installs into {@code .ci/tools/venv} (CI runs it; without it this test
 * fails in CI and is skipped elsewhere, saying what to run). The server is a separate process on
 * a free port of this machine, stopped at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3EvidenceStoreIT {

    static final Path MOTO = Path.of("..", ".ci", "tools", "venv", "bin", "moto_server");

    Process server;
    int port;

    @BeforeAll
    void startServer() throws Exception {
        if (!Files.isExecutable(MOTO)) {
            String missing = "moto's S3 server is not installed at "
                    + MOTO.toAbsolutePath().normalize() + ": run bash .ci/page-tools.sh";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(missing);
            }
            Assumptions.abort(missing);
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = new ProcessBuilder(MOTO.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try {
                http.send(
                        HttpRequest.newBuilder(URI.create(endpoint() + "/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                break;
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline) || !server.isAlive()) {
                    throw new IllegalStateException("moto's S3 server did not start", notYet);
                }
                Thread.sleep(200);
            }
        }
        // A bucket, as an operator creates it once.
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(endpoint() + "/heitu-evidence"))
                        .PUT(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    }

    @AfterAll
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    EvidenceStore store(String prefix) {
        return EvidenceStores.s3(
                new EvidenceSettings.S3(endpoint(), "us-east-1", "heitu-evidence", prefix, "test", "test", true));
    }

    @Test
    void keeps_a_file_under_its_hash_and_reads_the_same_bytes_back() throws Exception {
        EvidenceStore store = store("evidence/");
        byte[] photo = "a field photo, as JPEG bytes would be".getBytes(StandardCharsets.UTF_8);

        String sha256 = store.put(photo, "image/jpeg");

        assertThat(sha256)
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(photo)));
        assertThat(store.get(sha256))
                .hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(photo));
        assertThat(store.put(photo, "image/jpeg")).isEqualTo(sha256);
        assertThat(store.kind()).isEqualTo("s3");
    }

    @Test
    void a_missing_file_or_a_name_that_is_no_hash_is_absent() {
        EvidenceStore store = store("other/");

        assertThat(store.get("0".repeat(64))).isEmpty();
        assertThat(store.get("../evidence/x")).isEmpty();
    }
}
