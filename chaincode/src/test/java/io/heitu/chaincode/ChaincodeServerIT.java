package io.heitu.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar is the chaincode server a Fabric peer dials (chaincode-as-a-service): with
 * {@code CHAINCODE_SERVER_ADDRESS} and {@code CORE_CHAINCODE_ID_NAME} set it starts and listens.
 */
class ChaincodeServerIT {

    @Test
    void the_shaded_jar_starts_as_a_chaincode_server_and_listens() throws Exception {
        Path jar = Path.of("target", "chaincode.jar");
        assertThat(jar).exists();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("chaincode-server", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-jar",
                        jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().put("CHAINCODE_SERVER_ADDRESS", "127.0.0.1:" + port);
        builder.environment().put("CORE_CHAINCODE_ID_NAME", "trace:0");
        Process server = builder.start();
        try {
            assertThat(listens(port, server, Duration.ofSeconds(90)))
                    .as("chaincode server on port %d; log: %s", port, Files.readString(log))
                    .isTrue();
            assertThat(Files.readString(log)).contains("io.heitu.chaincode.lot.LotContract");
        } finally {
            server.destroyForcibly().waitFor();
        }
    }

    private static boolean listens(int port, Process server, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && server.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        return false;
    }
}
