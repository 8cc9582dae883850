package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.support.Api;
import io.heitu.service.support.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Nothing acknowledged is ever lost: the service process is killed with SIGKILL in the middle of a
 * sustained write load, restarted on the same data, and every harvest it had answered 201 to is on
 * the ledger, fully written, with the chain verifying.
 */
@Tag("embedded-ledger")
class CrashIT {

    @Test
    void every_acknowledged_harvest_survives_a_kill_minus_nine() throws Exception {
        Path dir = Files.createTempDirectory("heitu-crash-");
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> attempted = new ConcurrentLinkedQueue<>();
        String farmer;
        try (ServiceProcess service = new ServiceProcess(dir.resolve("data")).start()) {
            Api api = service.api();
            // A token, not a password: bcrypt on every request would measure the password hash.
            farmer = api.post("farmer", "/api/me/tokens", Map.of("name", "crash"))
                    .json()
                    .path("token")
                    .asString();
            Thread.sleep(1_500);
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger counter = new AtomicInteger();
            int clients = 8;
            CountDownLatch started = new CountDownLatch(clients);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    started.countDown();
                    while (running.get()) {
                        String lot = "K" + counter.incrementAndGet();
                        attempted.add(lot);
                        try {
                            var response = api.post(
                                    farmer, "/api/lots/harvests", ApiFlowIT.paddy(lot, 100, ApiFlowIT.at(50, 9)));
                            if (response.status() == 201) {
                                acknowledged.add(lot);
                            }
                        } catch (RuntimeException connectionLost) {
                            return;
                        }
                    }
                });
            }
            started.await();
            while (acknowledged.size() < 300) {
                Thread.sleep(20);
            }
            service.kill();
            running.set(false);
            pool.shutdown();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);

        try (ServiceProcess restarted = new ServiceProcess(dir.resolve("data")).start()) {
            Api api = restarted.api();
            for (String lot : acknowledged) {
                var view = api.get(farmer, "/api/lots/" + ApiFlowIT.PADDY + "/" + lot);
                assertThat(view.status())
                        .as("acknowledged lot %s after restart", lot)
                        .isEqualTo(200);
                assertThat(view.json().at("/remaining/value").asString()).isEqualTo("100");
            }
            for (String lot : List.copyOf(attempted)) {
                var view = api.get(farmer, "/api/lots/" + ApiFlowIT.PADDY + "/" + lot);
                assertThat(view.status())
                        .as("lot %s is either whole or absent", lot)
                        .isIn(200, 404);
                if (view.status() == 200) {
                    assertThat(view.json().at("/holdings/0/quantity/value").asString())
                            .isEqualTo("100");
                }
            }
            var verify = api.get(farmer, "/api/ledger/verify");
            assertThat(verify.json().path("ok").asBoolean()).as(verify.body()).isTrue();
        }
    }
}
