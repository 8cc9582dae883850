package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.support.Api;
import io.heitu.service.support.Codes;
import io.heitu.service.support.FabricNetwork;
import io.heitu.service.support.LedgerUnderTest;
import io.heitu.service.support.ServiceProcess;
import io.heitu.service.support.ServiceTest;
import io.heitu.service.support.WriteLoad;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Faults on the real Fabric network under write load, each ending with every acknowledged write on
 * the ledger (read through two organisations' peers), every peer at the same height, the EPCIS
 * read model holding each write's event exactly once, and the service answering again without a
 * restart: a peer stopped, the orderer and the chaincode JVM killed with SIGKILL, and the service
 * itself killed mid-stream, whose read models then resume from their checkpoint.
 */
@Tag("fabric-network")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FabricFaultIT extends ServiceTest {

    private static final Duration RECOVERY = Duration.ofSeconds(90);

    private String farmer;
    private String regulator;

    @BeforeAll
    void tokens() {
        // Tokens: Basic auth runs bcrypt on every request, which would throttle the writers.
        farmer = token(api(), "farmer");
        regulator = token(api(), "regulator");
    }

    @Test
    void a_stopped_peer_means_503_for_its_organisation_meanwhile_and_writes_resume_when_it_is_back() throws Exception {
        faultUnderLoad("PEER", "stop", "shulanricecoop");
    }

    @Test
    void the_orderer_killed_with_sigkill_and_restarted_loses_no_acknowledged_write() throws Exception {
        faultUnderLoad("ORD", "kill", "orderer");
    }

    @Test
    void the_chaincode_jvm_killed_and_restarted_loses_no_acknowledged_write() throws Exception {
        faultUnderLoad("CC", "kill", "chaincode");
    }

    /**
     * Writers run; the process goes down for 5 s and comes back; writes resume; nothing is lost.
     * Writes caught in the outage are answered 503 (a transaction the orderer lost with it only
     * once its commit-status deadline passes), never 201 without being on the ledger.
     */
    private void faultUnderLoad(String prefix, String how, String node) throws Exception {
        Api api = api();
        List<String> acknowledged;
        try (WriteLoad load = WriteLoad.start(api, farmer, ApiFlowIT.unique(prefix), 3)) {
            load.awaitAcknowledged(3, RECOVERY);
            int before = load.unavailable();
            try {
                FabricNetwork.run("node.sh", how, node);
                Thread.sleep(5_000);
            } finally {
                FabricNetwork.run("node.sh", "start", node);
            }
            int back = load.acknowledgedCount();
            load.awaitAcknowledged(back + 5, RECOVERY);
            load.close();
            assertThat(load.unavailable() - before)
                    .as("503 with Retry-After for writes caught while %s was down", node)
                    .isPositive();
            assertThat(load.unexpected()).as("answers other than 201 or 503").isEmpty();
            acknowledged = load.acknowledged();
        }
        FabricNetwork.sameHeightEverywhere(RECOVERY);
        assertOnTheLedger(api, acknowledged);
        assertEachEventOnce(api, regulator, acknowledged);
    }

    @Test
    void the_service_killed_mid_stream_resumes_its_read_models_from_their_checkpoint() throws Exception {
        Path data = Files.createTempDirectory("heitu-fabric-kill-").resolve("data");
        List<String> acknowledged = new ArrayList<>();
        try (ServiceProcess killed = fabricService(data).start()) {
            Api before = killed.api();
            String farmerThere = token(before, "farmer");
            String code = demoCode(before);
            assertThat(verdict(before, code)).isEqualTo("GENUINE");
            try (WriteLoad load = WriteLoad.start(before, farmerThere, ApiFlowIT.unique("KILL"), 2)) {
                load.awaitAcknowledged(10, RECOVERY);
                killed.kill();
                load.close();
                acknowledged.addAll(load.acknowledged());
            }
            // While it is down, the rest of the consortium goes on writing.
            try (WriteLoad others = WriteLoad.start(api(), farmer, ApiFlowIT.unique("DOWN"), 2)) {
                others.awaitAcknowledged(10, RECOVERY);
                others.close();
                assertThat(others.unexpected()).isEmpty();
                acknowledged.addAll(others.acknowledged());
            }

            killed.start();
            Api after = killed.api();
            String regulatorThere = token(after, "regulator");
            assertEachEventOnce(after, regulatorThere, acknowledged);
            assertHeldOnce(after, token(after, "farmer"), acknowledged);
            // The consumer page follows the ledger again: a hold made elsewhere reaches it.
            try {
                assertThat(api().post(
                                        "inspector",
                                        "/api/lots/" + Codes.BAGS + "/" + Codes.RICE_LOT + "/hold",
                                        Map.of("reason", "复检"))
                                .status())
                        .isEqualTo(201);
                awaitVerdict(after, code, "ON_HOLD");
            } finally {
                assertThat(api().post(
                                        "inspector",
                                        "/api/lots/" + Codes.BAGS + "/" + Codes.RICE_LOT + "/release",
                                        Map.of("reason", "复检合格"))
                                .status())
                        .isEqualTo(201);
            }
            awaitVerdict(after, code, "GENUINE");
        }
    }

    private static ServiceProcess fabricService(Path data) {
        return new ServiceProcess(
                data, "--heitu.ledger.mode=fabric", "--heitu.ledger.fabric-profile=" + LedgerUnderTest.fabricProfile());
    }

    private static String token(Api api, String user) {
        var token = api.post(user, "/api/me/tokens", Map.of("name", "faults"));
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        return token.json().path("token").asString();
    }

    /** Each lot is there, read through the cooperative's peer and through the inspection centre's. */
    private void assertOnTheLedger(Api api, List<String> lots) {
        assertThat(lots).isNotEmpty();
        for (String lot : lots) {
            assertThat(api.get(farmer, "/api/lots/" + WriteLoad.PADDY + "/" + lot)
                            .status())
                    .as(lot)
                    .isEqualTo(200);
            assertThat(api.get(regulator, "/api/lots/" + WriteLoad.PADDY + "/" + lot)
                            .status())
                    .as(lot + " through another peer")
                    .isEqualTo(200);
        }
    }

    /** The EPCIS read model holds each lot's harvest exactly once: no gap, no duplicate. */
    private static void assertEachEventOnce(Api api, String reader, List<String> lots) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        for (String lot : lots) {
            String path = "/epcis/events?MATCH_epcClass="
                    + URLEncoder.encode(
                            "https://id.gs1.org/01/" + WriteLoad.PADDY + "/10/" + lot, StandardCharsets.UTF_8);
            JsonNode events = api.get(reader, path).json().at("/epcisBody/queryResults/resultsBody/eventList");
            while (events.size() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(250);
                events = api.get(reader, path).json().at("/epcisBody/queryResults/resultsBody/eventList");
            }
            assertThat(events.size()).as("EPCIS events of %s", lot).isEqualTo(1);
            assertThat(events.get(0).path("bizStep").asString()).isEqualTo("commissioning");
        }
    }

    /** The cooperative's holdings, every page of them, list each lot once. */
    private static void assertHeldOnce(Api api, String user, List<String> lots) {
        List<String> held = new ArrayList<>();
        String bookmark = "";
        do {
            JsonNode page = api.get(
                            user,
                            "/api/lots?pageSize=200&bookmark=" + URLEncoder.encode(bookmark, StandardCharsets.UTF_8))
                    .json();
            page.path("items").forEach(item -> held.add(item.at("/lot/lotCode").asString()));
            bookmark = page.path("bookmark").asString();
        } while (!bookmark.isEmpty());
        Set<String> unique = new HashSet<>(held);
        assertThat(unique).as("no lot held twice").hasSize(held.size());
        assertThat(unique).containsAll(lots);
    }

    private static String demoCode(Api api) {
        var issuances = api.get("miller", "/api/qr/issuances?gtin=" + Codes.BAGS + "&lotCode=" + Codes.RICE_LOT);
        assertThat(issuances.status()).as(issuances.body()).isEqualTo(200);
        return issuances.json().get(0).path("firstCode").asString();
    }

    private static String verdict(Api api, String code) {
        return api.withHeaders(null, Codes.local(code), "Accept", "application/json")
                .json()
                .path("verdict")
                .asString();
    }

    private static void awaitVerdict(Api api, String code, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String verdict = verdict(api, code);
        while (!verdict.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            verdict = verdict(api, code);
        }
        assertThat(verdict).isEqualTo(expected);
    }
}
