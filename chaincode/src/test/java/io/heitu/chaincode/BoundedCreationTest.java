package io.heitu.chaincode;

import static io.heitu.chaincode.support.J.list;
import static io.heitu.chaincode.support.J.map;
import static io.heitu.chaincode.support.J.of;
import static io.heitu.chaincode.support.J.qty;
import static io.heitu.chaincode.support.ResultAssert.assertThat;
import static io.heitu.chaincode.support.World.MILL;
import static io.heitu.chaincode.support.World.MILLED_RICE;
import static io.heitu.chaincode.support.World.PADDY;
import static io.heitu.chaincode.support.World.PLOT;
import static io.heitu.chaincode.support.World.RICE_BAG_5KG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Json;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.lot.Ancestry;
import io.heitu.chaincode.support.Epcis;
import io.heitu.chaincode.support.J;
import io.heitu.chaincode.support.Result;
import io.heitu.chaincode.support.SigningKeys;
import io.heitu.chaincode.support.World;
import io.heitu.ledger.sim.Version;
import io.heitu.ledger.sim.Write;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Nothing comes into being beyond what could have: harvests within the plot's registered yield per
 * season, outputs within the registered yield of their inputs, GI products only from plots inside
 * the GI's area, codes only for the units a lot has, and ancestries of bounded size.
 */
class BoundedCreationTest {

    private final World world = World.standard();

    @Nested
    class Harvests {

        /** 85.5 mu at 800 kg per mu. */
        private static final String SEASON_KG = "68400";

        @Test
        void fill_the_plots_season_to_its_registered_yield_and_no_further() {
            assertThat(world.harvest("H-1", "68000")).isOk();
            assertThat(world.harvest("H-2", "400")).isOk();

            Result beyond = world.harvest("H-3", "0.001");

            assertThat(beyond).isRefusedWith(ErrorCode.YIELD_EXCEEDED);
            assertThat(beyond.error().at("/details/allowed").asText()).isEqualTo(SEASON_KG);
            assertThat(beyond.error().at("/details/season").asText()).isEqualTo("2026");
        }

        @Test
        void start_again_the_next_season() {
            assertThat(world.harvest("H-4", SEASON_KG)).isOk();
            world.ledger.setNow(Instant.parse("2027-09-30T02:00:00Z"));

            assertThat(world.harvest("H-5", SEASON_KG, "2027-09-29T08:00:00+08:00"))
                    .isOk();
            assertThat(world.harvest("H-6", "1", "2027-09-29T09:00:00+08:00")).isRefusedWith(ErrorCode.YIELD_EXCEEDED);
        }

        @Test
        void of_a_product_bounded_in_pieces_are_counted_in_pieces() {
            world.ok(world.regulator, "product:SetPolicy", of("gtin", PADDY, "maxYieldPerMu", qty("2", "H87")));

            assertThat(world.harvest("H-7", "100")).isRefusedWith(ErrorCode.UNIT_MISMATCH);
            assertThat(world.ledger.submit(
                            world.farmer,
                            "lot:Commission",
                            of(
                                    "gtin",
                                    PADDY,
                                    "lotCode",
                                    "H-8",
                                    "quantity",
                                    qty("171", "H87"),
                                    "plotId",
                                    PLOT,
                                    "eventTime",
                                    world.nextTime())))
                    .isOk();
            assertThat(world.ledger.submit(
                            world.farmer,
                            "lot:Commission",
                            of(
                                    "gtin",
                                    PADDY,
                                    "lotCode",
                                    "H-9",
                                    "quantity",
                                    qty("1", "H87"),
                                    "plotId",
                                    PLOT,
                                    "eventTime",
                                    world.nextTime())))
                    .isRefusedWith(ErrorCode.YIELD_EXCEEDED);
        }

        @Test
        void of_a_product_without_a_registered_yield_are_refused() {
            world.ok(
                    world.farmer,
                    "product:Register",
                    of("gtin", "06901234500004", "nameZh", "舒兰玉米", "category", "maize"));

            assertThat(world.ledger.submit(
                            world.farmer,
                            "lot:Commission",
                            of(
                                    "gtin",
                                    "06901234500004",
                                    "lotCode",
                                    "H-10",
                                    "quantity",
                                    qty("10", "KGM"),
                                    "plotId",
                                    PLOT,
                                    "eventTime",
                                    world.nextTime())))
                    .isRefusedWith(ErrorCode.YIELD_NOT_REGISTERED);
        }
    }

    @Nested
    class Yields {

        @Test
        void bound_an_output_product_by_the_registered_yield_of_its_inputs_exactly() {
            World.RiceChain chain = world.riceChain("Y");
            world.ok(
                    world.regulator,
                    "product:SetYield",
                    of("inputGtin", PADDY, "outputGtin", MILLED_RICE, "maxRatio", new BigDecimal("0.5")));
            world.require(world.harvest("Y-P2", "1000"));
            world.require(world.ship(world.farmer, MILL, PADDY, "Y-P2", "1000", "KGM"));
            world.require(world.receive(world.miller, PADDY, "Y-P2", "1000", "KGM"));

            Result over = world.transform(
                    world.miller,
                    "milling",
                    list(J.lot(PADDY, "Y-P2", "1000", "KGM")),
                    list(J.lot(MILLED_RICE, "Y-M2", "500.001", "KGM")));
            assertThat(over).isRefusedWith(ErrorCode.YIELD_EXCEEDED);
            assertThat(over.error().at("/details/allowedKg").asText()).isEqualTo("500");
            assertThat(world.transform(
                            world.miller,
                            "milling",
                            list(J.lot(PADDY, "Y-P2", "1000", "KGM")),
                            list(J.lot(MILLED_RICE, "Y-M2", "500", "KGM"))))
                    .isOk();
            assertThat(chain.milled()).isNotBlank();
        }
    }

    @Nested
    class GeographicalIndications {

        @Test
        void a_gi_product_is_not_made_from_a_plot_outside_the_gi_area() {
            world.ok(
                    world.farmer,
                    "location:Register",
                    of(
                            "id",
                            "FAR-PLOT",
                            "kind",
                            "plot",
                            "nameZh",
                            "外县地块",
                            "areaMu",
                            100,
                            "address",
                            map("county", "榆树市"),
                            "geo",
                            map(
                                    "type",
                                    "Point",
                                    "coordinates",
                                    list(new BigDecimal("126.1"), new BigDecimal("44.8")))));
            world.require(world.ledger.submit(
                    world.farmer,
                    "lot:Commission",
                    of(
                            "gtin",
                            PADDY,
                            "lotCode",
                            "F-P",
                            "quantity",
                            qty("1000", "KGM"),
                            "plotId",
                            "FAR-PLOT",
                            "eventTime",
                            world.nextTime())));
            World.RiceChain chain = world.riceChain("G");
            world.require(world.ship(world.farmer, MILL, PADDY, "F-P", "1000", "KGM"));
            world.require(world.receive(world.miller, PADDY, "F-P", "1000", "KGM"));
            world.require(world.transform(
                    world.miller,
                    "milling",
                    list(J.lot(PADDY, "F-P", "1000", "KGM")),
                    list(J.lot(MILLED_RICE, "F-M", "600", "KGM"))));

            Result outside = world.transform(
                    world.miller,
                    "packing",
                    list(J.lot(MILLED_RICE, "F-M", "100", "KGM")),
                    list(J.lot(RICE_BAG_5KG, "F-B", "20", "H87")));
            Result blended = world.transform(
                    world.miller,
                    "packing",
                    list(J.lot(MILLED_RICE, "F-M", "100", "KGM"), J.lot(MILLED_RICE, chain.milled(), "100", "KGM")),
                    list(J.lot(RICE_BAG_5KG, "F-B2", "40", "H87")));

            assertThat(outside).isRefusedWith(ErrorCode.NOT_IN_GI_AREA);
            assertThat(outside.message()).contains("FAR-PLOT");
            assertThat(blended).isRefusedWith(ErrorCode.NOT_IN_GI_AREA);
            assertThat(world.transform(
                            world.miller,
                            "packing",
                            list(J.lot(MILLED_RICE, chain.milled(), "100", "KGM")),
                            list(J.lot(RICE_BAG_5KG, "F-B3", "20", "H87"))))
                    .isOk();
        }

        @Test
        void a_gi_product_is_not_made_from_sources_the_ledger_does_not_know() {
            world.require(world.harvest("G-Q", "1000"));
            world.ok(world.miller, "product:License", of("gtin", MILLED_RICE, "mspId", World.COOP));
            world.ok(world.miller, "product:License", of("gtin", RICE_BAG_5KG, "mspId", World.COOP));
            ObjectNode milling = Epcis.event("TransformationEvent", "commissioning", world.nextTime());
            milling.putArray("inputQuantityList")
                    .add(Epcis.line(PADDY, "G-Q", "1000", "KGM"))
                    .add(Epcis.element("urn:epc:class:lgtin:4012345.012345.FOREIGN", "500", "KGM"));
            milling.putArray("outputQuantityList").add(Epcis.line(MILLED_RICE, "G-QM", "600", "KGM"));
            world.ok(world.farmer, "event:Capture", Epcis.capture(List.of(milling)));

            assertThat(world.transform(
                            world.farmer,
                            "packing",
                            list(J.lot(MILLED_RICE, "G-QM", "100", "KGM")),
                            list(J.lot(RICE_BAG_5KG, "G-QB", "20", "H87"))))
                    .isRefusedWith(ErrorCode.NOT_IN_GI_AREA);
        }

        @Test
        void a_gi_product_needs_its_area_registered() {
            world.ok(
                    world.miller,
                    "product:Register",
                    of("gtin", "06901234500080", "nameZh", "五常大米", "category", "rice", "giName", "五常大米"));
            World.RiceChain chain = world.riceChain("G2");

            assertThat(world.transform(
                            world.miller,
                            "packing",
                            list(J.lot(MILLED_RICE, chain.milled(), "100", "KGM")),
                            list(J.lot("06901234500080", "G2-W", "100", "KGM"))))
                    .isRefusedWith(ErrorCode.NOT_IN_GI_AREA);
        }
    }

    @Nested
    class Codes {

        @Test
        void of_a_lot_counted_by_weight_are_as_many_as_its_net_content_divides_into_it() {
            World.RiceChain chain = world.riceChain("C");
            world.require(world.transform(
                    world.miller,
                    "packing",
                    list(J.lot(MILLED_RICE, chain.milled(), "102", "KGM")),
                    list(J.lot(RICE_BAG_5KG, "C-W", "102", "KGM"))));
            world.require(world.labResult(RICE_BAG_5KG, "C-W", "0.05"));
            world.ok(
                    world.miller,
                    "qr:RegisterKey",
                    of("keyId", "k-c", "algorithm", "Ed25519", "publicKey", SigningKeys.ED25519));

            assertThat(issue("C-W", 19)).isOk();
            assertThat(issue("C-W", 1)).isOk();
            Result more = issue("C-W", 1);

            assertThat(more).isRefusedWith(ErrorCode.CODES_EXCEED_UNITS);
            assertThat(more.error().at("/details/units").asText()).isEqualTo("20");
            assertThat(more.error().at("/details/coded").asText()).isEqualTo("20");
        }

        private Result issue(String lotCode, int count) {
            return world.ledger.submit(
                    world.miller,
                    "qr:RecordIssuance",
                    of("gtin", RICE_BAG_5KG, "lotCode", lotCode, "keyId", "k-c", "count", count, "perUnit", true));
        }
    }

    @Nested
    class Ancestries {

        @Test
        void a_lot_is_made_from_at_most_5000_lots() {
            seedAncestry("A-FULL", Ancestry.MAX_ANCESTORS - 1);
            seedAncestry("A-OVER", Ancestry.MAX_ANCESTORS);

            assertThat(dry("A-FULL", "A-FULL-D")).isOk();
            assertThat(world.lot(PADDY, "A-FULL-D").path("state").asText()).isEqualTo("active");
            assertThat(dry("A-OVER", "A-OVER-D")).isRefusedWith(ErrorCode.LIMIT_EXCEEDED);
        }

        /** A harvested lot whose recorded ancestry names {@code ancestors} other lots. */
        private void seedAncestry(String lotCode, int ancestors) {
            world.require(world.harvest(lotCode, "10"));
            List<LotRef> lots = new ArrayList<>();
            for (int i = 0; i < ancestors; i++) {
                lots.add(new LotRef(PADDY, lotCode + "-" + i));
            }
            world.ledger
                    .state()
                    .apply(
                            List.of(new Write(
                                    new CompositeKey("ancestry", PADDY, lotCode).toString(),
                                    Json.bytes(new Ancestry(lots, List.of(PLOT), false)))),
                            new Version(2_000_000, 0),
                            "seed",
                            world.ledger.now());
        }

        private Result dry(String input, String output) {
            return world.transform(
                    world.farmer,
                    "drying",
                    list(J.lot(PADDY, input, "10", "KGM")),
                    list(J.lot(PADDY, output, "9", "KGM")));
        }
    }
}
