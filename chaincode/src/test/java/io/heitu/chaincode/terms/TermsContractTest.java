package io.heitu.chaincode.terms;

import static io.heitu.chaincode.support.J.of;
import static io.heitu.chaincode.support.ResultAssert.assertThat;
import static io.heitu.chaincode.support.World.CARRIER;
import static io.heitu.chaincode.support.World.MART;
import static io.heitu.chaincode.support.World.MILL;
import static io.heitu.chaincode.support.World.RICE_BAG_5KG;
import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.support.Result;
import io.heitu.chaincode.support.World;
import io.heitu.identity.Enrollment;
import io.heitu.ledger.sim.PrivateKeys;
import io.heitu.ledger.sim.PrivateWrite;
import io.heitu.ledger.sim.Write;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The terms of the mill's shipment of rice bags to the supermarket (through the carrier): private
 * to the mill and the supermarket, with only their hash on the channel.
 */
class TermsContractTest {

    private static final String TERMS = "{\"price\":{\"amount\":\"3.20\",\"currency\":\"CNY\",\"unit\":\"jin\"},"
            + "\"contractNumber\":\"HT-2026-0042\",\"invoiceNumber\":\"FP-88001\","
            + "\"customer\":{\"name\":\"长春超市采购部\",\"phone\":\"0431-8888\"},\"salt\":\"5f1e\"}";
    /** The same terms, fields in another order. */
    private static final String TERMS_JUMBLED = "{\"salt\":\"5f1e\",\"invoiceNumber\":\"FP-88001\","
            + "\"customer\":{\"phone\":\"0431-8888\",\"name\":\"长春超市采购部\"},"
            + "\"contractNumber\":\"HT-2026-0042\",\"price\":{\"unit\":\"jin\",\"currency\":\"CNY\",\"amount\":\"3.20\"}}";

    private World world;
    private String shipment;
    private String receipt;

    @BeforeEach
    void shipment() {
        world = World.standard();
        World.RiceChain chain = world.riceChain("A");
        shipment = world.require(world.shipVia(world.miller, MART, CARRIER, RICE_BAG_5KG, chain.bags(), "10", "H87"))
                .eventId();
        receipt = world.require(world.receive(world.grocer, RICE_BAG_5KG, chain.bags(), "10", "H87"))
                .eventId();
    }

    private Result record(Enrollment who, String terms) {
        return world.ledger.submit(who, "terms:Record", request(), transientTerms(terms));
    }

    private Result get(Enrollment who) {
        return world.query(who, "terms:Get", request());
    }

    private Result verify(Enrollment who, String terms) {
        return world.ledger.evaluate(who, "terms:Verify", request(), transientTerms(terms));
    }

    private String request() {
        return of("shipmentEventId", shipment);
    }

    private static Map<String, byte[]> transientTerms(String terms) {
        return Map.of("terms", terms.getBytes(StandardCharsets.UTF_8));
    }

    @Nested
    class Record {

        @Test
        void the_seller_records_the_terms_and_the_channel_gets_only_their_hash() {
            Result recorded = record(world.miller, TERMS);

            assertThat(recorded).isOk();
            var rwSet = world.ledger.lastSubmitted().readWriteSet();
            List<PrivateWrite> privateWrites = rwSet.privateWrites();
            assertThat(privateWrites).hasSize(1);
            PrivateWrite stored = privateWrites.get(0);
            assertThat(stored.collection()).isEqualTo("terms_ChangchunMartMSP_RiceMillMSP");
            String hash = HexFormat.of().formatHex(PrivateKeys.sha256(stored.value()));
            assertThat(recorded.json().path("hash").asText()).isEqualTo(hash);
            // What goes to the block: no price, no contract, no customer, only the hashed write.
            for (Write write : rwSet.writes()) {
                String text =
                        write.key() + (write.value() == null ? "" : new String(write.value(), StandardCharsets.UTF_8));
                assertThat(text).doesNotContain("3.20", "HT-2026-0042", "FP-88001", "长春超市采购部");
            }
            assertThat(rwSet.writes())
                    .extracting(Write::key)
                    .containsExactly(PrivateKeys.hashKey(stored.collection(), stored.key()));
            assertThat(recorded.payload()).doesNotContain("3.20", "HT-2026-0042");
            assertThat(recorded.event()).isNull();
        }

        @Test
        void the_buyer_may_replace_the_terms_and_the_seller_reads_the_new_ones() {
            record(world.miller, TERMS);

            assertThat(record(world.grocer, TERMS.replace("FP-88001", "FP-88002")))
                    .isOk();

            assertThat(get(world.miller).json().at("/terms/invoiceNumber").asText())
                    .isEqualTo("FP-88002");
        }

        @Test
        void nobody_but_the_two_parties_records_terms() {
            for (Enrollment outsider : List.of(world.carrier, world.farmer, world.ginsengFarmer)) {
                assertThat(record(outsider, TERMS)).isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
            }
            assertThat(record(world.regulator, TERMS)).isRefusedWith(ErrorCode.FORBIDDEN_ROLE);
            assertThat(record(world.inspector, TERMS)).isRefusedWith(ErrorCode.FORBIDDEN_ROLE);
        }

        @Test
        void terms_in_the_arguments_are_refused_because_arguments_are_on_the_channel() {
            String inArguments =
                    "{\"shipmentEventId\":\"" + shipment + "\",\"price\":{\"amount\":\"3.20\",\"unit\":\"jin\"}}";

            assertThat(world.ledger.submit(world.miller, "terms:Record", inArguments, transientTerms(TERMS)))
                    .isRefusedWith(ErrorCode.MALFORMED_REQUEST);
            assertThat(world.ledger.submit(world.miller, "terms:Record", request()))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void a_price_must_be_a_decimal_with_a_currency_and_a_unit() {
            assertThat(record(world.miller, TERMS.replace("\"3.20\"", "\"3,20\"")))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(record(world.miller, TERMS.replace("\"jin\"", "\"bushel\"")))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(record(world.miller, TERMS.replace("\"CNY\"", "\"yuan\"")))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(record(world.miller, "{\"contractNumber\":\"HT-1\"}")).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void only_a_shipment_carries_terms() {
            String onReceipt = of("shipmentEventId", receipt);

            assertThat(world.ledger.submit(world.grocer, "terms:Record", onReceipt, transientTerms(TERMS)))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(world.ledger.submit(
                            world.miller,
                            "terms:Record",
                            of("shipmentEventId", "ni:///sha-256;" + "0".repeat(64) + "?ver=CBV2.0"),
                            transientTerms(TERMS)))
                    .isRefusedWith(ErrorCode.EVENT_NOT_FOUND);
        }
    }

    @Nested
    class Get {

        @Test
        void the_seller_and_the_buyer_read_the_terms() {
            String hash = record(world.miller, TERMS).json().path("hash").asText();

            for (Enrollment party : List.of(world.miller, world.grocer)) {
                Result read = get(party);
                assertThat(read).isOk();
                assertThat(read.json().at("/terms/price/amount").asText()).isEqualTo("3.20");
                assertThat(read.json().at("/terms/price/unit").asText()).isEqualTo("jin");
                assertThat(read.json().at("/terms/customer/name").asText()).isEqualTo("长春超市采购部");
                assertThat(read.json().path("seller").asText()).isEqualTo(MILL);
                assertThat(read.json().path("buyer").asText()).isEqualTo(MART);
                assertThat(read.json().path("hash").asText()).isEqualTo(hash);
            }
        }

        @Test
        void everyone_else_is_refused_the_carrier_the_source_farm_the_inspector_and_the_regulator_too() {
            record(world.miller, TERMS);

            for (Enrollment outsider : List.of(
                    world.carrier, world.farmer, world.inspector, world.regulator, world.admin, world.ginsengFarmer)) {
                assertThat(get(outsider)).isRefusedWith(ErrorCode.FORBIDDEN_TERMS);
            }
        }

        @Test
        void a_shipment_without_terms_has_none_to_read() {
            assertThat(get(world.grocer)).isRefusedWith(ErrorCode.TERMS_NOT_FOUND);
            assertThat(get(world.carrier)).isRefusedWith(ErrorCode.FORBIDDEN_TERMS);
        }
    }

    @Nested
    class Verify {

        @Test
        void the_same_terms_in_any_field_order_match_the_hash_on_the_channel() {
            record(world.miller, TERMS);

            Result checked = verify(world.grocer, TERMS_JUMBLED);

            assertThat(checked).isOk();
            assertThat(checked.json().path("matches").asBoolean()).isTrue();
            assertThat(checked.payload()).doesNotContain("3.20");
        }

        @Test
        void altered_terms_do_not_match() {
            record(world.miller, TERMS);

            assertThat(verify(world.miller, TERMS.replace("3.20", "2.80"))
                            .json()
                            .path("matches")
                            .asBoolean())
                    .isFalse();
        }

        @Test
        void whoever_may_read_the_shipment_checks_a_copy_and_others_may_not() {
            record(world.miller, TERMS);

            assertThat(verify(world.regulator, TERMS).json().path("matches").asBoolean())
                    .isTrue();
            assertThat(verify(world.carrier, TERMS).json().path("matches").asBoolean())
                    .isTrue();
            assertThat(verify(world.ginsengFarmer, TERMS)).isRefusedWith(ErrorCode.FORBIDDEN_READ);
        }

        @Test
        void nothing_recorded_is_nothing_to_match() {
            assertThat(verify(world.grocer, TERMS)).isRefusedWith(ErrorCode.TERMS_NOT_FOUND);
        }
    }
}
