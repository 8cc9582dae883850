package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.support.Api;
import io.heitu.service.support.ServiceProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded mode's API scenarios against a real Fabric network: network/up.sh starts the
 * orderer, three peers and the chaincode server; the service runs in Fabric mode with the demo data.
 * Needs Fabric's binaries (network/install.sh), so it runs with {@code ./mvnw verify -Pfabric}.
 */
class FabricModeIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static ServiceProcess service;
    private static String farmer;

    @BeforeAll
    static void network() throws Exception {
        run("up.sh");
        Path data = Files.createTempDirectory("heitu-fabric-");
        service = new ServiceProcess(
                        data.resolve("data"),
                        "--spring.profiles.active=demo,fabric",
                        "--heitu.ledger.fabric-profile=" + ROOT.resolve("network/.run/fabric-profile.json"))
                .start();
        farmer = service.api()
                .post("farmer", "/api/me/tokens", Map.of("name", "fabric"))
                .json()
                .path("token")
                .asString();
    }

    @AfterAll
    static void down() throws Exception {
        if (service != null) {
            service.stop();
        }
        run("down.sh");
    }

    @Test
    void the_rice_chain_and_its_recall_behave_as_on_the_embedded_ledger() {
        ApiFlowIT.riceChainWithRecall(service.api());
    }

    @Test
    void refusals_carry_the_chaincode_codes_through_the_peers() {
        var response =
                service.api().post("grocer", "/api/lots/harvests", ApiFlowIT.harvest("F-NO", 10, ApiFlowIT.at(2, 9)));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("FORBIDDEN_ROLE");
        assertThat(service.api()
                        .get("farmer", "/api/lots/06901234500011/F-NONE")
                        .code())
                .isEqualTo("LOT_NOT_FOUND");
    }

    @Test
    void a_stopped_peer_means_503_meanwhile_and_every_acknowledged_write_is_there_afterwards() throws Exception {
        Api api = service.api();
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger unavailable = new AtomicInteger();
        AtomicInteger counter = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(3);
        for (int w = 0; w < 3; w++) {
            writers.submit(() -> {
                while (running.get()) {
                    String lot = "F" + counter.incrementAndGet();
                    var response =
                            api.post(farmer, "/api/lots/harvests", ApiFlowIT.harvest(lot, 10, ApiFlowIT.at(3, 9)));
                    if (response.status() == 201) {
                        acknowledged.add(lot);
                    } else if (response.status() == 503) {
                        assertThat(response.headers().firstValue("Retry-After")).isPresent();
                        unavailable.incrementAndGet();
                    }
                }
                return null;
            });
        }
        Thread.sleep(3_000);
        run("peer.sh", "stop", "shulanricecoop");
        Thread.sleep(5_000);
        int duringOutage = unavailable.get();
        run("peer.sh", "start", "shulanricecoop");
        int before = acknowledged.size();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.size() < before + 5 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        running.set(false);
        writers.shutdown();
        writers.awaitTermination(60, TimeUnit.SECONDS);

        assertThat(duringOutage).as("503 answers while the peer was down").isPositive();
        assertThat(acknowledged.size())
                .as("writes resume without restarting the service")
                .isGreaterThan(before);
        for (String lot : acknowledged) {
            assertThat(api.get(farmer, "/api/lots/06901234500011/" + lot).status())
                    .as(lot)
                    .isEqualTo(200);
        }
    }

    private static void run(String script, String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(java.util.List.of("bash", "network/" + script));
        command.addAll(java.util.List.of(args));
        Path log = Files.createTempFile("network-" + script, ".log");
        Process process = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("network/" + script + " failed (Fabric binaries: see network/README.md):\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
    }
}
