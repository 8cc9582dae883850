package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.support.Api;
import io.heitu.service.support.EpcisClient;
import io.heitu.service.support.LedgerUnderTest;
import io.heitu.service.support.ServiceTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A shipment's commercial terms are private data of its two parties, on both ledgers: the
 * cooperative ships paddy straight to the supermarket and records the price; the two read it, every
 * other organisation (the mill, the carrier, the inspection body, the regulator) is refused, and
 * the blocks hold the terms' hash but never the terms.
 */
class PrivateTermsIT extends ServiceTest {

    @Autowired
    HeituProperties properties;

    private String contract;
    private String shipment;

    /** A fresh shipment from the cooperative to the supermarket (both have a peer on Fabric); its event hash. */
    static String ship(Api api) {
        String lot = ApiFlowIT.unique("PT");
        Api.Response harvest = api.post("farmer", "/api/lots/harvests", ApiFlowIT.paddy(lot, 500, ApiFlowIT.at(2, 9)));
        assertThat(harvest.status()).as(harvest.toString()).isEqualTo(201);
        Api.Response shipped = api.post(
                "farmer",
                "/api/events/shipments",
                Map.of(
                        "lots", List.of(ApiFlowIT.line(ApiFlowIT.PADDY, lot, 200, "KGM")),
                        "toMsp", "ChangchunMartMSP",
                        "eventTime", ApiFlowIT.at(1, 9)));
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(201);
        String eventId = shipped.json().path("eventId").asString();
        return eventId.substring(eventId.indexOf(';') + 1, eventId.indexOf('?'));
    }

    private Map<String, Object> terms() {
        return terms(contract);
    }

    static Map<String, Object> terms(String contract) {
        return Map.of(
                "price",
                Map.of("amount", "4.3719", "currency", "CNY", "unit", "jin"),
                "contractNumber",
                contract,
                "invoiceNumber",
                "FP-" + contract,
                "customer",
                Map.of("name", "长春超市生鲜采购部", "phone", "0431-8123-4567"));
    }

    private String path() {
        return "/api/shipments/" + shipment + "/terms";
    }

    @BeforeEach
    void shipmentWithTerms() {
        contract = ApiFlowIT.unique("HT-PRIV-");
        shipment = ship(api());
    }

    private String record() {
        Api.Response recorded = api().raw(
                        "farmer",
                        "PUT",
                        path(),
                        "application/json",
                        Api.json(terms()).getBytes(StandardCharsets.UTF_8));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        assertThat(recorded.body()).doesNotContain("4.3719", contract);
        return recorded.json().path("hash").asString();
    }

    @Test
    void the_seller_and_the_buyer_read_the_terms_and_every_other_organisation_is_refused() {
        String hash = record();

        for (String party : List.of("farmer", "grocer")) {
            Api.Response read = api().get(party, path());
            assertThat(read.status()).as(party + ": " + read).isEqualTo(200);
            assertThat(read.json().at("/terms/price/amount").asString()).isEqualTo("4.3719");
            assertThat(read.json().at("/terms/price/unit").asString()).isEqualTo("jin");
            assertThat(read.json().at("/terms/contractNumber").asString()).isEqualTo(contract);
            assertThat(read.json().path("seller").asString()).isEqualTo("ShulanRiceCoopMSP");
            assertThat(read.json().path("buyer").asString()).isEqualTo("ChangchunMartMSP");
            assertThat(read.json().path("hash").asString()).isEqualTo(hash);
        }
        for (String outsider : List.of("miller", "carrier", "inspector", "regulator", "ginseng")) {
            Api.Response refused = api().get(outsider, path());
            assertThat(refused.status()).as(outsider + ": " + refused).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("FORBIDDEN_TERMS");
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("title").asString()).isEqualTo("无权查看交易条款");
            assertThat(refused.body()).doesNotContain("4.3719", contract);
        }
        assertThat(api().english().get("regulator", path()).json().path("title").asString())
                .isEqualTo("Not your terms to read");
    }

    @Test
    void a_shipment_without_terms_answers_404_and_an_outsider_cannot_record_any() {
        Api.Response none = api().get("grocer", path());
        Api.Response byOutsider = api().raw(
                        "miller",
                        "PUT",
                        path(),
                        "application/json",
                        Api.json(terms()).getBytes(StandardCharsets.UTF_8));

        assertThat(none.status()).as(none.toString()).isEqualTo(404);
        assertThat(none.code()).isEqualTo("TERMS_NOT_FOUND");
        assertThat(byOutsider.status()).as(byOutsider.toString()).isEqualTo(403);
        assertThat(byOutsider.code()).isEqualTo("FORBIDDEN_NOT_OWNER");
        assertThat(api().get("grocer", "/api/shipments/not-a-hash/terms").status())
                .isEqualTo(400);
    }

    @Test
    void a_copy_the_parties_hand_over_is_checked_against_the_hash_on_the_channel() {
        record();
        ObjectNode copy = (ObjectNode) api().get("grocer", path()).json().path("terms");

        Api.Response genuine = api().post("regulator", path() + "/verification", copy.toString());
        copy.putObject("price").put("amount", "3.10").put("currency", "CNY").put("unit", "jin");
        Api.Response altered = api().post("regulator", path() + "/verification", copy.toString());

        assertThat(genuine.status()).as(genuine.toString()).isEqualTo(200);
        assertThat(genuine.json().path("matches").asBoolean()).isTrue();
        assertThat(altered.json().path("matches").asBoolean()).isFalse();
    }

    @Test
    void the_blocks_hold_the_hash_of_the_terms_and_never_the_terms() throws Exception {
        String hash = record();
        byte[] hashBytes = HexFormat.of().parseHex(hash);

        List<Path> blockFiles = blockFiles();
        assertThat(blockFiles).isNotEmpty();
        boolean hashFound = false;
        for (Path file : blockFiles) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(indexOf(bytes, contract.getBytes(StandardCharsets.UTF_8)))
                    .as(file.toString())
                    .isEqualTo(-1);
            assertThat(indexOf(bytes, "长春超市生鲜采购部".getBytes(StandardCharsets.UTF_8)))
                    .as(file.toString())
                    .isEqualTo(-1);
            hashFound |= indexOf(bytes, hashBytes) >= 0;
        }
        assertThat(hashFound).as("the terms' hash is in a block").isTrue();
    }

    @Test
    void the_terms_appear_in_no_event_or_epcis_answer() {
        record();
        EpcisClient epcis = new EpcisClient("http://localhost:" + port);

        for (String user : List.of("regulator", "farmer", "grocer")) {
            List<JsonNode> shipments = epcis.all(user, "/epcis/events?perPage=200&EQ_bizStep=shipping");
            assertThat(shipments).as(user).isNotEmpty();
            for (JsonNode event : shipments) {
                assertThat(event.toString()).doesNotContain(contract, "4.3719");
            }
        }
    }

    /** The files a block is in: the embedded ledger's block file; on Fabric every peer's and the orderer's. */
    private List<Path> blockFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        if (!LedgerUnderTest.fabric()) {
            files.add(properties.dataDir().resolve("ledger").resolve("blocks.dat"));
            return files;
        }
        try (Stream<Path> all = Files.walk(LedgerUnderTest.networkRunDir().resolve("data"))) {
            all.filter(file -> file.getFileName().toString().startsWith("blockfile_"))
                    .forEach(files::add);
        }
        return files;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
