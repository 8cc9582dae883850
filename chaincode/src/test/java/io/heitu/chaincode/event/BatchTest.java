package io.heitu.chaincode.event;

import static io.heitu.chaincode.support.J.list;
import static io.heitu.chaincode.support.J.map;
import static io.heitu.chaincode.support.J.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.chaincode.support.J;
import io.heitu.chaincode.support.Result;
import io.heitu.chaincode.support.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class BatchTest {

    private World world;

    @BeforeEach
    void harvest() {
        world = World.standard();
        world.harvest("B-P", "1000", "2026-09-28T09:00:00+08:00");
    }

    private static Map<String, Object> storing(String time) {
        return map(
                "action",
                "observe",
                "request",
                map("bizStep", "storing", "lots", list(map("gtin", World.PADDY, "lotCode", "B-P")), "eventTime", time));
    }

    private static Map<String, Object> shipping(String kilograms, String time) {
        return map(
                "action",
                "ship",
                "request",
                map("lots", list(J.lot(World.PADDY, "B-P", kilograms, "KGM")), "toMsp", World.MILL, "eventTime", time));
    }

    @Test
    void records_every_entry_as_its_own_event_in_one_transaction_with_one_chaincode_event() {
        List<Object> entries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            entries.add(storing(String.format("2026-09-29T08:%02d:00+08:00", i)));
        }
        entries.add(shipping("300", "2026-09-29T09:00:00+08:00"));
        Result result = world.ledger.submit(world.farmer, "event:Batch", of("entries", entries));
        assertThat(result.ok()).as(result.toString()).isTrue();
        var results = result.json().path("results");
        assertThat(results).hasSize(21);
        assertThat(results.findValuesAsText("eventId")).doesNotHaveDuplicates();
        assertThat(result.event().getEventName()).isEqualTo("EventsRecorded");
        assertThat(result.event().getPayload().toStringUtf8())
                .contains("https://id.gs1.org/01/" + World.PADDY + "/10/B-P");
        var lot = world.query(world.farmer, "lot:Get", of("gtin", World.PADDY, "lotCode", "B-P"))
                .json();
        assertThat(lot.at("/holdings/0/quantity/value").asText()).isEqualTo("700");
    }

    @Test
    void a_refused_entry_refuses_the_whole_batch_and_names_the_entry() {
        Result result = world.ledger.submit(
                world.farmer,
                "event:Batch",
                of(
                        "entries",
                        list(
                                shipping("600", "2026-09-29T09:00:00+08:00"),
                                shipping("600", "2026-09-29T10:00:00+08:00"))));
        assertThat(result.code()).isEqualTo("INSUFFICIENT_QUANTITY");
        assertThat(result.message()).contains("entry 1");
        var lot = world.query(world.farmer, "lot:Get", of("gtin", World.PADDY, "lotCode", "B-P"))
                .json();
        assertThat(lot.at("/holdings/0/quantity/value").asText()).isEqualTo("1000");
        assertThat(lot.path("inTransit")).isEmpty();
    }

    @Test
    void each_entry_is_held_to_the_callers_role() {
        Result result = world.ledger.submit(
                world.grocer,
                "event:Batch",
                of("entries", list(map("action", "transform", "request", map("kind", "milling")))));
        assertThat(result.code()).isEqualTo("FORBIDDEN_ROLE");
        assertThat(result.message()).contains("entry 0").contains("event:Transform");
    }

    @Test
    void two_equal_entries_are_refused_unless_a_line_number_tells_them_apart() {
        Result result = world.ledger.submit(
                world.farmer,
                "event:Batch",
                of("entries", list(storing("2026-09-29T08:00:00+08:00"), storing("2026-09-29T08:00:00+08:00"))));
        assertThat(result.code()).isEqualTo("DUPLICATE_EVENT");
        assertThat(result.message()).contains("entry 1");

        Map<String, Object> first = storing("2026-09-29T08:00:00+08:00");
        Map<String, Object> second = storing("2026-09-29T08:00:00+08:00");
        ((Map<String, Object>) first.get("request")).put("line", 1);
        ((Map<String, Object>) second.get("request")).put("line", 2);
        var results = world.ledger
                .submit(world.farmer, "event:Batch", of("entries", list(first, second)))
                .json()
                .path("results");
        assertThat(results.findValuesAsText("duplicate")).containsExactly("false", "false");
        assertThat(results.get(1).path("eventId").asText())
                .isNotEqualTo(results.get(0).path("eventId").asText());
    }

    @Test
    void an_unknown_action_or_an_empty_batch_is_invalid() {
        assertThat(world.ledger
                        .submit(
                                world.farmer,
                                "event:Batch",
                                of("entries", list(map("action", "teleport", "request", map()))))
                        .code())
                .isEqualTo("INVALID_ARGUMENT");
        assertThat(world.ledger
                        .submit(world.farmer, "event:Batch", of("entries", list()))
                        .code())
                .isEqualTo("INVALID_ARGUMENT");
    }
}
