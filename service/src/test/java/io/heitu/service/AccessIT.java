package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.support.Api;
import io.heitu.service.support.EpcisClient;
import io.heitu.service.support.ServiceTest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Who reads what, per role, on the demo chains (rice: paddy SL2026-0928 → bags R5-2026-1005 at the
 * supermarket, through the carrier; Fusong ginseng FS2026-0915 and Yanbian beef YB2026-1020, both
 * shipped to the supermarket): the chaincode decides on both ledgers, and the API, EPCIS queries and
 * traces answer the same. Also the oversight rules: no member captures an inspection of its own
 * goods, and a freeze is lifted only by whoever placed it or a regulator.
 */
class AccessIT extends ServiceTest {

    private static final String PADDY = "06901234500011/SL2026-0928";
    private static final String BAGS = "06901234500035/R5-2026-1005";
    private static final String GINSENG = "06901234500042/FS2026-0915";
    private static final String BEEF = "06901234500059/YB2026-1020";
    private static final Map<String, String> LOTS =
            Map.of("paddy", PADDY, "bags", BAGS, "ginseng", GINSENG, "beef", BEEF);

    @Test
    void each_role_reads_its_own_lots_and_their_lineage_on_the_api() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("regulator", "paddy bags ginseng beef");
        expected.put("admin", "paddy bags ginseng beef");
        // The cooperative sees the bags made from its paddy, the mill the paddy its bags came from,
        expected.put("farmer", "paddy bags");
        expected.put("miller", "paddy bags");
        // the supermarket and the carrier what they received or carried and what it was made from,
        expected.put("grocer", "paddy bags ginseng beef");
        expected.put("carrier", "paddy bags ginseng beef");
        // the inspection body what it tested (the bags, the ginseng, the beef cuts) and their sources,
        expected.put("inspector", "paddy bags ginseng beef");
        // and one farm nothing of another's.
        expected.put("ginseng", "ginseng");
        expected.put("rancher", "beef");

        Map<String, String> readable = new LinkedHashMap<>();
        for (String user : expected.keySet()) {
            List<String> lots = new ArrayList<>();
            for (String name : List.of("paddy", "bags", "ginseng", "beef")) {
                Api.Response lot = api().get(user, "/api/lots/" + LOTS.get(name));
                if (lot.status() == 200) {
                    lots.add(name);
                } else {
                    assertThat(lot.status()).as(user + " " + name + ": " + lot).isEqualTo(403);
                    assertThat(lot.code()).isEqualTo("FORBIDDEN_READ");
                    assertThat(lot.contentType()).startsWith("application/problem+json");
                }
            }
            readable.put(user, String.join(" ", lots));
        }
        assertThat(readable).isEqualTo(expected);
    }

    @Test
    void a_competitors_lot_list_is_refused_and_ones_own_answered() {
        Api.Response competitor = api().get("grocer", "/api/lots?mspId=ShulanRiceCoopMSP");
        Api.Response produced = api().get("miller", "/api/lots?mspId=ShulanRiceCoopMSP&produced=true");

        assertThat(competitor.status()).as(competitor.toString()).isEqualTo(403);
        assertThat(competitor.code()).isEqualTo("FORBIDDEN_READ");
        assertThat(competitor.json().path("title").asString()).isEqualTo("无权查看");
        assertThat(produced.status()).isEqualTo(403);
        assertThat(api().get("farmer", "/api/lots?mspId=ShulanRiceCoopMSP").status())
                .isEqualTo(200);
        assertThat(api().get("regulator", "/api/lots?mspId=ShulanRiceCoopMSP").status())
                .isEqualTo(200);
    }

    @Test
    void a_lot_seen_through_its_lineage_shows_no_other_holders_quantities() {
        JsonNode bags = api().get("farmer", "/api/lots/" + BAGS).json();
        JsonNode byRegulator = api().get("regulator", "/api/lots/" + BAGS).json();

        assertThat(bags.path("holdings").size()).isZero();
        assertThat(bags.has("remaining")).isFalse();
        assertThat(byRegulator.path("holdings").toString()).contains("ChangchunMartMSP");
    }

    @Test
    void a_party_to_a_lot_asks_an_inspection_body_to_inspect_it_and_an_outsider_may_not() {
        // (Every demo lot is already the inspector's through a lab result or its lineage; that an
        // inspection body reads a lot only once asked is AccessTest's, in the chaincode.)
        String lot = "/api/lots/06901234500066/YBC-2026-1021";
        assertThat(api().get("ginseng", lot).status()).isEqualTo(403);

        Api.Response asked = api().post(
                        "rancher",
                        lot + "/inspection-requests",
                        Api.json(Map.of("inspectorMsp", "JilinInspectionMSP")));
        Api.Response byOutsider = api().post(
                        "ginseng",
                        lot + "/inspection-requests",
                        Api.json(Map.of("inspectorMsp", "JilinInspectionMSP")));

        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        assertThat(byOutsider.status()).isEqualTo(403);
        assertThat(byOutsider.code()).isEqualTo("FORBIDDEN_NOT_OWNER");
        assertThat(api().get("inspector", lot).status()).isEqualTo(200);
    }

    @Test
    void lineage_and_recall_reports_are_refused_to_an_outsider() {
        assertThat(api().get("rancher", "/api/lots/" + BAGS + "/lineage").status())
                .isEqualTo(403);
        assertThat(api().get("rancher", "/api/lots/" + BAGS + "/recall-report.csv")
                        .status())
                .isEqualTo(403);
        assertThat(api().get("grocer", "/api/lots/" + BAGS + "/lineage").status())
                .isEqualTo(200);
    }

    @Test
    void epcis_queries_answer_only_the_events_the_user_may_read() {
        EpcisClient epcis = new EpcisClient("http://localhost:" + port);
        String paddyEvents = "/epcis/events?MATCH_anyEPCClass="
                + EpcisClient.encode("https://id.gs1.org/01/06901234500011/10/SL2026-0928");

        assertThat(epcis.all("regulator", paddyEvents)).isNotEmpty();
        assertThat(epcis.all("farmer", paddyEvents)).isNotEmpty();
        assertThat(epcis.all("rancher", paddyEvents)).isEmpty();
        for (JsonNode event : epcis.all("ginseng", "/epcis/events?perPage=200")) {
            assertThat(event.toString()).doesNotContain("SL2026-0928", "R5-2026-1005", "YB2026-1020");
        }
    }

    @Test
    void an_event_seen_only_through_lineage_comes_without_its_quantities() {
        EpcisClient epcis = new EpcisClient("http://localhost:" + port);
        String bagsEvents = "/epcis/events?perPage=200&MATCH_anyEPCClass="
                + EpcisClient.encode("https://id.gs1.org/01/06901234500035/10/R5-2026-1005");

        // The supermarket's receipt of the bags: the supermarket reads how many it received,
        Map<String, JsonNode> byGrocer = new LinkedHashMap<>();
        for (JsonNode event : epcis.all("grocer", bagsEvents)) {
            if (event.path("bizStep").asString().endsWith("receiving")) {
                byGrocer.put(event.path("eventID").asString(), event);
            }
        }
        assertThat(byGrocer).isNotEmpty();
        byGrocer.values().forEach(event -> assertThat(event.toString()).contains("\"quantity\""));
        // the cooperative whose paddy the bags were milled from reads that they arrived, not how many.
        Map<String, JsonNode> byFarmer = new LinkedHashMap<>();
        for (JsonNode event : epcis.all("farmer", bagsEvents)) {
            byFarmer.put(event.path("eventID").asString(), event);
        }
        for (String receipt : byGrocer.keySet()) {
            JsonNode seen = byFarmer.get(receipt);
            assertThat(seen).as(receipt).isNotNull();
            assertThat(seen.toString()).contains("R5-2026-1005").doesNotContain("\"quantity\"", "\"uom\"");
            assertThat(seen.path("eventTime")).isEqualTo(byGrocer.get(receipt).path("eventTime"));
        }
        // The same on the single-event path.
        String receipt = byGrocer.keySet().iterator().next();
        EpcisClient.Answer one = epcis.get("farmer", "/epcis/events/" + EpcisClient.encode(receipt));
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.events().toString()).doesNotContain("\"quantity\"");
        // And in the cooperative's recall report of its paddy: the receipt's row, without the count.
        String report = "/api/lots/" + PADDY + "/recall-report.csv?days=3650";
        String[] asFarmer = csvLine(api().get("farmer", report).body(), receipt);
        String[] asRegulator = csvLine(api().get("regulator", report).body(), receipt);
        assertThat(asRegulator[4]).as("regulator's quantity").isNotBlank();
        assertThat(asFarmer[4]).as("farmer's quantity").isEmpty();
        assertThat(asFarmer[5]).as("farmer's unit").isEmpty();
    }

    /** The fields (the first few, which hold no commas) of the report line of an event. */
    private static String[] csvLine(String csv, String eventId) {
        for (String line : csv.split("\r?\n")) {
            if (line.contains(eventId)) {
                return line.split(",", -1);
            }
        }
        throw new AssertionError("no line for " + eventId + " in\n" + csv);
    }

    @Test
    void epcis_places_and_epcs_list_only_what_the_users_readable_events_name() {
        EpcisClient epcis = new EpcisClient("http://localhost:" + port);
        String paddy = "https://id.gs1.org/01/06901234500011/10/SL2026-0928";

        List<String> allEpcs = epcis.members("regulator", "/epcis/epcs?perPage=500");
        List<String> ranchersEpcs = epcis.members("rancher", "/epcis/epcs?perPage=500");
        List<String> allPlaces = epcis.members("regulator", "/epcis/bizLocations?perPage=500");
        List<String> ranchersPlaces = epcis.members("rancher", "/epcis/bizLocations?perPage=500");

        assertThat(String.join(" ", allEpcs)).contains("SL2026-0928", "R5-2026-1005", "YB2026-1020");
        // The rancher lists its own beef, and not one code of the rice chain or the ginseng farm:
        assertThat(String.join(" ", ranchersEpcs))
                .contains("YB2026-1020")
                .doesNotContain("SL2026-0928", "R5-2026-1005", "FS2026-0915");
        assertThat(allEpcs).containsAll(ranchersEpcs);
        // nor the cooperative's fields and the mill's stores among the places.
        assertThat(allPlaces).containsAll(ranchersPlaces);
        assertThat(ranchersPlaces.size()).isLessThan(allPlaces.size());
        // A member the reader may not know of is not found, as if it did not exist.
        assertThat(epcis.get("rancher", "/epcis/epcs/" + EpcisClient.encode(paddy))
                        .status())
                .isEqualTo(404);
        assertThat(epcis.get("farmer", "/epcis/epcs/" + EpcisClient.encode(paddy))
                        .status())
                .isEqualTo(200);
        // Vocabulary is public: the same CBV steps for everyone.
        assertThat(epcis.members("rancher", "/epcis/bizSteps"))
                .isEqualTo(epcis.members("regulator", "/epcis/bizSteps"));
    }

    @Test
    void a_member_cannot_capture_an_inspection_or_a_release_of_its_own_goods() {
        String now = OffsetDateTime.now(ZoneOffset.ofHours(8))
                .truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String document = """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                              {"jl": "https://ns.heitu.io/jilin/"}],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "%s",
                 "epcisBody": {"eventList": [
                   {"type": "ObjectEvent", "eventTime": "%s", "eventTimeZoneOffset": "+08:00",
                    "action": "OBSERVE", "bizStep": "inspecting",
                    "quantityList": [{"epcClass": "https://id.gs1.org/01/06901234500011/10/SL2026-0928",
                                      "quantity": 1, "uom": "KGM"}],
                    "jl:grade": {"label": "特级"}}]}}""".formatted(now, now);

        JsonNode job = new EpcisClient("http://localhost:" + port)
                .capture("farmer", document.getBytes(StandardCharsets.UTF_8), EpcisClient.LD, "rollback");

        assertThat(job.path("success").asBoolean()).as(job.toString()).isFalse();
        assertThat(job.at("/errors/0/code").asString()).isEqualTo("FORBIDDEN_OVERSIGHT_STEP");
    }

    @Test
    void a_freeze_is_lifted_only_by_whoever_placed_it_or_a_regulator() {
        String serial = "ACC" + System.nanoTime() % 1_000_000_000_000L;
        String body =
                Api.json(Map.of("gtin", "06901234500035", "lotCode", "R5-2026-1005", "serial", serial, "reason", "抽检"));
        Api.Response byRegulator = api().post("regulator", "/api/qr/freezes", body);
        assertThat(byRegulator.status()).as(byRegulator.toString()).isEqualTo(201);
        String regulatorsFreeze =
                "/api/qr/freezes/" + byRegulator.json().path("id").asLong();

        Api.Response liftedByOwner = api().raw("miller", "DELETE", regulatorsFreeze, null, new byte[0]);
        assertThat(liftedByOwner.status()).as(liftedByOwner.toString()).isEqualTo(403);
        assertThat(liftedByOwner.code()).isEqualTo("FREEZE_NOT_YOURS");
        assertThat(api().raw("regulator", "DELETE", regulatorsFreeze, null, new byte[0])
                        .status())
                .isEqualTo(204);

        Api.Response byOwner = api().post("miller", "/api/qr/freezes", body);
        assertThat(byOwner.status()).as(byOwner.toString()).isEqualTo(201);
        String ownersFreeze = "/api/qr/freezes/" + byOwner.json().path("id").asLong();
        assertThat(api().raw("miller", "DELETE", ownersFreeze, null, new byte[0])
                        .status())
                .isEqualTo(204);
    }
}
