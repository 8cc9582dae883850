package io.heitu.chaincode;

import static io.heitu.chaincode.support.J.list;
import static io.heitu.chaincode.support.J.lot;
import static io.heitu.chaincode.support.J.of;
import static io.heitu.chaincode.support.ResultAssert.assertThat;
import static io.heitu.chaincode.support.World.COOP;
import static io.heitu.chaincode.support.World.PADDY;
import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.chaincode.core.Action;
import io.heitu.chaincode.support.Result;
import io.heitu.chaincode.support.Samples;
import io.heitu.chaincode.support.World;
import io.heitu.ledger.sim.ReadWriteSet;
import io.heitu.ledger.sim.Simulation;
import io.heitu.ledger.sim.Write;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endorsing peer must produce the same read/write set, byte for byte, or the transaction
 * fails: the same transaction on two fresh ledgers at the same transaction time writes the same
 * bytes, and the same content written another way is the same event.
 */
class DeterminismTest {

    @Nested
    class TwoLedgers {

        private static Samples left;
        private static Samples right;

        @BeforeAll
        static void prepare() {
            left = Samples.prepare();
            right = Samples.prepare();
        }

        @Test
        void built_the_same_way_hold_byte_identical_states() {
            assertThat(left.world().ledger.snapshot())
                    .isNotEmpty()
                    .isEqualTo(right.world().ledger.snapshot());
        }

        @ParameterizedTest
        @MethodSource("io.heitu.chaincode.DeterminismTest#writes")
        void read_and_write_the_same_keys_and_bytes_and_answer_the_same(Action action) {
            Simulation one = simulate(left, action);
            Simulation other = simulate(right, action);

            assertThat(one.response().getStatusCode()).as(action + " succeeds").isEqualTo(200);
            assertThat(writes(one.readWriteSet())).isNotEmpty().isEqualTo(writes(other.readWriteSet()));
            assertThat(one.readWriteSet().reads())
                    .isEqualTo(other.readWriteSet().reads());
            assertThat(one.readWriteSet().rangeReads())
                    .isEqualTo(other.readWriteSet().rangeReads());
            assertThat(one.response().getPayload()).isEqualTo(other.response().getPayload());
            assertThat(one.event()).isEqualTo(other.event());
        }

        @Test
        void answer_queries_with_the_same_bytes() {
            for (Action action : Action.values()) {
                if (!action.isWrite()) {
                    assertThat(simulate(left, action).response().getPayload())
                            .as(action.transaction())
                            .isEqualTo(simulate(right, action).response().getPayload());
                }
            }
        }

        private static Simulation simulate(Samples samples, Action action) {
            var user = samples.world()
                    .user(Samples.doer(action) == null ? io.heitu.chaincode.core.Role.RETAILER : Samples.doer(action));
            return samples.world()
                    .ledger
                    .simulate(user, action.transaction(), samples.request(action), samples.transientData(action));
        }
    }

    static Stream<Action> writes() {
        return Arrays.stream(Action.values()).filter(Action::isWrite);
    }

    @Nested
    class SameContentWrittenAnotherWay {

        private static final String HARVEST = "{\"gtin\":\"06901234500011\",\"lotCode\":\"SL2026-001\","
                + "\"quantity\":{\"value\":12000,\"uom\":\"KGM\"},\"plotId\":\"SL-PLOT-07\","
                + "\"eventTime\":\"2026-10-01T08:00:00+08:00\",\"ilmd\":{\"variety\":\"稻花香2号\",\"moisturePct\":14.5}}";

        /** The same harvest: fields in reverse order, the number spelt differently, GTIN-13. */
        private static final String JUMBLED = "{\"ilmd\":{\"moisturePct\":1.450E1,\"variety\":\"稻花香2号\"},"
                + "\"eventTime\":\"2026-10-01T08:00:00+08:00\",\"plotId\":\"SL-PLOT-07\","
                + "\"quantity\":{\"uom\":\"KGM\",\"value\":12000.000},\"lotCode\":\"SL2026-001\","
                + "\"gtin\":\"6901234500011\"}";

        @Test
        void is_the_same_event_with_the_same_bytes_on_another_ledger() {
            World one = World.standard();
            World other = World.standard();

            Result first = one.ledger.submit(one.farmer, "lot:Commission", HARVEST);
            Result second = other.ledger.submit(other.farmer, "lot:Commission", JUMBLED);

            assertThat(first).isOk();
            assertThat(second.payload()).isEqualTo(first.payload());
            assertThat(writes(other.ledger.lastSubmitted().readWriteSet()))
                    .isEqualTo(writes(one.ledger.lastSubmitted().readWriteSet()));
            assertThat(other.ledger.snapshot()).isEqualTo(one.ledger.snapshot());
        }

        @Test
        void is_a_duplicate_on_the_same_ledger() {
            World world = World.standard();
            Result first = world.ledger.submit(world.farmer, "lot:Commission", HARVEST);

            Result again = world.ledger.submit(world.farmer, "lot:Commission", JUMBLED);

            assertThat(again).isDuplicate(true);
            assertThat(again.eventId()).isEqualTo(first.eventId());
            assertThat(world.ledger.lastSubmitted().readWriteSet().writes()).isEmpty();
        }

        @Test
        void lists_of_inputs_in_another_order_are_the_same_transformation() {
            World world = World.standard();
            world.harvest("A", "100");
            world.harvest("B", "100");
            List<Object> inputs = list(lot(PADDY, "A", "100", "KGM"), lot(PADDY, "B", "100", "KGM"));
            List<Object> reversed = list(inputs.get(1), inputs.get(0));
            List<Object> output = list(lot(PADDY, "AB", "200", "KGM"));
            String time = "2026-10-02T08:00:00+08:00";

            Result merged = world.ledger.submit(
                    world.farmer,
                    "event:Transform",
                    of("kind", "merge", "inputs", inputs, "outputs", output, "eventTime", time));
            Result again = world.ledger.submit(
                    world.farmer,
                    "event:Transform",
                    of("kind", "merge", "inputs", reversed, "outputs", output, "eventTime", time));

            assertThat(merged).isDuplicate(false);
            assertThat(again).isDuplicate(true);
            assertThat(again.eventId()).isEqualTo(merged.eventId());
            assertThat(world.held(PADDY, "AB", COOP)).isEqualTo("200");
        }
    }

    /** Exact bytes of what a harvest stores and answers: any change here is a change of the ledger format. */
    @Nested
    class GoldenBytes {

        private static final String EVENT_ID =
                "ni:///sha-256;b8c20ae9260ba8d995b2dc0093214ed48460ef3ea98ca1c220b2a99721682eca?ver=CBV2.0";
        private static final String DIGEST = "b8c20ae9260ba8d995b2dc0093214ed48460ef3ea98ca1c220b2a99721682eca";
        private static final String LOT = "https://id.gs1.org/01/06901234500011/10/SL2026-001";

        private final World world = World.standard();
        private final Result harvest = world.harvest("SL2026-001", "12000", "2026-10-01T08:00:00+08:00");

        @Test
        void of_the_transaction_result() {
            assertThat(harvest.payload())
                    .isEqualTo("{\"duplicate\":false,\"eventId\":\"" + EVENT_ID + "\",\"lots\":[\"" + LOT + "\"]}");
        }

        @Test
        void of_the_chaincode_event() {
            assertThat(harvest.event().getEventName()).isEqualTo("EventRecorded");
            assertThat(harvest.event().getPayload().toStringUtf8())
                    .isEqualTo("{\"eventId\":\"" + EVENT_ID + "\",\"id\":\"" + EVENT_ID
                            + "\",\"kind\":\"event\",\"lots\":[\"" + LOT + "\"]}");
        }

        @Test
        void of_the_stored_lot_and_holding() {
            assertThat(world.ledger.stored("lot", PADDY, "SL2026-001"))
                    .isEqualTo("{\"gtin\":\"06901234500011\",\"lotCode\":\"SL2026-001\",\"provenance\":{\"eventId\":\""
                            + EVENT_ID + "\",\"eventTime\":\"2026-10-01T00:00:00.000Z\",\"ilmd\":{\"jl:plotId\":"
                            + "\"SL-PLOT-07\",\"jl:variety\":\"稻花香2号\"},\"locationId\":\"SL-PLOT-07\",\"origin\":"
                            + "\"harvest\",\"producerMsp\":\"ShulanRiceCoopMSP\",\"quantity\":{\"uom\":\"KGM\","
                            + "\"value\":12000}}}");
            assertThat(world.ledger.stored("holding", PADDY, "SL2026-001", COOP))
                    .isEqualTo("{\"mspId\":\"ShulanRiceCoopMSP\",\"quantity\":{\"uom\":\"KGM\",\"value\":12000}}");
            assertThat(world.ledger.stored("holding~msp", COOP, PADDY, "SL2026-001"))
                    .isEqualTo(world.ledger.stored("holding", PADDY, "SL2026-001", COOP));
            assertThat(world.ledger.stored("lot~producer", COOP, PADDY, "SL2026-001"))
                    .isEqualTo("1");
        }

        @Test
        void of_the_stored_event_and_its_index() {
            assertThat(world.ledger.stored("event", DIGEST))
                    .isEqualTo("{\"event\":{\"action\":\"ADD\",\"bizLocation\":{\"id\":\"urn:heitu:loc:SL-PLOT-07\"},"
                            + "\"bizStep\":\"commissioning\",\"disposition\":\"active\",\"eventID\":\"" + EVENT_ID
                            + "\",\"eventTime\":\"2026-10-01T00:00:00.000Z\",\"eventTimeZoneOffset\":\"+08:00\","
                            + "\"ilmd\":{\"jl:plotId\":\"SL-PLOT-07\",\"jl:variety\":\"稻花香2号\"},\"jl:origin\":"
                            + "\"harvest\",\"quantityList\":[{\"epcClass\":\"" + LOT + "\",\"quantity\":12000,"
                            + "\"uom\":\"KGM\"}],\"readPoint\":{\"id\":\"urn:heitu:loc:SL-PLOT-07\"},\"recordTime\":"
                            + "\"2026-10-05T02:00:00.000Z\",\"type\":\"ObjectEvent\"},\"eventId\":\"" + EVENT_ID
                            + "\",\"lots\":[\"" + LOT + "\"],\"recordedBy\":\"ShulanRiceCoopMSP\","
                            + "\"recordedByRole\":\"producer\",\"txId\":\""
                            + harvest.event().getTxId() + "\"}");
            assertThat(world.ledger.stored("event~lot", PADDY, "SL2026-001", "2026-10-01T00:00:00.000Z", DIGEST))
                    .isEqualTo("1");
        }

        @Test
        void of_a_refusal() {
            Result refusal = world.ship(world.farmer, World.MILL, PADDY, "SL2026-001", "12001", "KGM");

            assertThat(refusal.message())
                    .isEqualTo("INSUFFICIENT_QUANTITY: organisation ShulanRiceCoopMSP holds 12000 KGM of lot "
                            + "06901234500011/SL2026-001, less than 12001");
            assertThat(refusal.payload())
                    .isEqualTo("{\"code\":\"INSUFFICIENT_QUANTITY\",\"details\":{},\"message\":\"organisation "
                            + "ShulanRiceCoopMSP holds 12000 KGM of lot 06901234500011/SL2026-001, less than 12001\"}");
        }
    }

    /** Writes as key → UTF-8 text (null for a delete), in key order. */
    private static Map<String, String> writes(ReadWriteSet rwSet) {
        Map<String, String> writes = new LinkedHashMap<>();
        for (Write write : rwSet.writes()) {
            writes.put(write.key(), write.isDelete() ? null : new String(write.value(), StandardCharsets.UTF_8));
        }
        return writes;
    }
}
