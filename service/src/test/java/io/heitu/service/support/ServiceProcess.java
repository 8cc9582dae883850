package io.heitu.service.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The service in a real, separate JVM (the test classpath, {@code -Xmx512m}), so that tests can
 * kill it with SIGKILL mid-write and start it again on the same data directory.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Path dataDir;
    private final Path log;
    private final int port;
    private final List<String> extraArguments;
    private Process process;

    public ServiceProcess(Path dataDir, String... extraArguments) {
        this.dataDir = dataDir;
        this.extraArguments = List.of(extraArguments);
        this.log = dataDir.resolveSibling(dataDir.getFileName() + "-service.log");
        this.port = freePort();
    }

    public Api api() {
        return new Api("http://localhost:" + port);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Starts the service and waits until the demo data answers. */
    public ServiceProcess start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.heitu.service.HeituApplication",
                "--server.port=" + port,
                "--heitu.data-dir=" + dataDir,
                // As ServiceTest: a subscriber on the loopback address, a suite's worth of requests.
                "--heitu.epcis.webhook-private-hosts=127.0.0.1",
                "--heitu.limits.public-burst=5000",
                "--heitu.limits.public-per-second=1000",
                "--logging.level.root=WARN"));
        command.addAll(extraArguments);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        // Should the test JVM end first (a failure, a timeout), the service goes with it.
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        // Startup (Flyway, the demo chains, codes, evidence) takes about 20 s on a quiet machine and
        // over two minutes on a 2-core one running other builds; readiness is not what these tests
        // measure, recovery is, so the wait is generous and a service that never comes up still fails.
        awaitReady(Duration.ofSeconds(300));
        return this;
    }

    /** SIGKILL: no shutdown hooks, no flushing, exactly what a power cut leaves behind. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: a clean shutdown. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        Api api = api();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                // Readiness, not just a demo lot: a test that stops a peer while the demo data is
                // still loading would make start-up fail.
                if (api.get("farmer", "/actuator/health/readiness").status() == 200
                        && api.get("farmer", "/api/lots/06901234500035/R5-2026-1005")
                                        .status()
                                == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service did not become ready; see " + log);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
