package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.support.Api;
import io.heitu.service.support.FabricNetwork;
import io.heitu.service.support.LedgerUnderTest;
import io.heitu.service.support.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fourth organisation joins from "another host": network/add-org.sh puts the Yanbian beef
 * cooperative's peer in a network namespace of its own, at its own address, and adds the
 * organisation to the channel by a configuration update two peer organisations' admins sign. A
 * service started on the updated profile then registers the organisation and a user, who records
 * a lot through the new peer's gateway; every peer reaches the same height, and the lot reads the
 * same through the other organisations' peers.
 */
@Tag("fabric-network")
class AddOrgIT {

    private static final String COOP = "YanbianCoopMSP";
    private static final String CARCASS = "06901234500059";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void a_cooperative_on_another_host_joins_and_what_it_records_is_on_every_peer() throws Exception {
        if (peer(profile()) == null) {
            FabricNetwork.run("add-org.sh");
        }
        JsonNode newPeer = peer(profile());
        assertThat(newPeer).as("the profile names the new peer").isNotNull();
        String endpoint = newPeer.path("endpoint").asString();
        assertThat(endpoint)
                .as("the new peer is on its own address, not loopback")
                .startsWith("10.213.");
        assertThat(FabricNetwork.heights()).containsKey("yanbiancoop");

        Path data = Files.createTempDirectory("heitu-add-org-").resolve("data");
        try (ServiceProcess service = new ServiceProcess(
                        data,
                        "--heitu.ledger.mode=fabric",
                        "--heitu.ledger.fabric-profile=" + LedgerUnderTest.fabricProfile())
                .start()) {
            Api api = service.api();
            var registered = api.post(
                    "admin",
                    "/api/organisations",
                    Map.of(
                            "mspId", COOP,
                            "nameZh", "延边黄牛合作社",
                            "nameEn", "Yanbian yellow cattle cooperative",
                            "kinds", List.of("cooperative"),
                            "county", "延吉市"));
            assertThat(registered.status())
                    .as("registered now, or by an earlier run on this network: %s", registered.body())
                    .isIn(201, 409);
            String user = ApiFlowIT.unique("yb").toLowerCase();
            var enrolled = api.post(
                    "admin",
                    "/api/users",
                    Map.of("username", user, "mspId", COOP, "role", "producer", "password", Api.PASSWORD));
            assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);

            // The carcass GTIN is the beef farm's: the cooperative makes lots under it by licence.
            var licensed = api.post("rancher", "/api/products/" + CARCASS + "/licences", Map.of("mspId", COOP));
            assertThat(licensed.status()).as(licensed.body()).isEqualTo(201);

            String pasture = ApiFlowIT.unique("YBC-");
            var located = api.post(
                    user,
                    "/api/locations",
                    Map.of(
                            "id",
                            pasture,
                            "kind",
                            "pasture",
                            "nameZh",
                            "合作社牧场 " + pasture,
                            "areaMu",
                            300,
                            "address",
                            Map.of("county", "延吉市"),
                            // Inside the registered area of 延边黄牛肉, the carcass product's GI.
                            "geo",
                            Map.of("type", "Point", "coordinates", List.of(129.49, 42.89))));
            assertThat(located.status()).as(located.body()).isEqualTo(201);

            double submitsBefore = submits(newPeer);
            String lot = ApiFlowIT.unique("YC");
            var recorded = api.post(
                    user,
                    "/api/lots/harvests",
                    Map.of(
                            "gtin",
                            CARCASS,
                            "lotCode",
                            lot,
                            "quantity",
                            Map.of("value", 480, "uom", "KGM"),
                            "origin",
                            "slaughter",
                            "plotId",
                            pasture,
                            "eventTime",
                            ApiFlowIT.at(1, 6),
                            "ilmd",
                            Map.of("breed", "延边黄牛")));
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
            assertThat(submits(newPeer))
                    .as("the cooperative's transaction went through its own peer's gateway")
                    .isGreaterThan(submitsBefore);

            long height = FabricNetwork.sameHeightEverywhere(Duration.ofSeconds(60));
            assertThat(height)
                    .isGreaterThan(Long.parseLong(
                            recorded.headers().firstValue("X-Block-Number").orElseThrow()));
            // The regulator reads it through another organisation's gateway; members who are no
            // party to the lot are refused by the read rule, which their peers apply to it as well.
            var seen = api.get("regulator", "/api/lots/" + CARCASS + "/" + lot);
            assertThat(seen.status()).as("regulator: %s", seen.body()).isEqualTo(200);
            assertThat(seen.json().at("/lot/provenance/producerMsp").asString()).isEqualTo(COOP);
            for (String stranger : List.of("grocer", "farmer")) {
                var refused = api.get(stranger, "/api/lots/" + CARCASS + "/" + lot);
                assertThat(refused.status())
                        .as("%s: %s", stranger, refused.body())
                        .isEqualTo(403);
                assertThat(refused.code()).isEqualTo("FORBIDDEN_READ");
            }
        }
    }

    private static JsonNode profile() throws IOException {
        return JSON.readTree(Files.readString(LedgerUnderTest.fabricProfile()));
    }

    private static JsonNode peer(JsonNode profile) {
        for (JsonNode peer : profile.path("peers")) {
            if (peer.path("mspId").asString().equals(COOP)) {
                return peer;
            }
        }
        return null;
    }

    /** Gateway submits the peer has completed, from its Prometheus metrics. */
    private static double submits(JsonNode peer) throws IOException, InterruptedException {
        String metrics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://" + peer.path("operations").asString() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return metrics.lines()
                .filter(line -> line.startsWith("grpc_server_unary_requests_completed{")
                        && line.contains("method=\"Submit\"")
                        && line.contains("service=\"gateway_Gateway\"")
                        && line.contains("code=\"OK\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
