package io.heitu.chaincode.location;

import static io.heitu.chaincode.support.J.list;
import static io.heitu.chaincode.support.J.map;
import static io.heitu.chaincode.support.J.of;
import static io.heitu.chaincode.support.J.write;
import static io.heitu.chaincode.support.ResultAssert.assertThat;
import static io.heitu.chaincode.support.World.COOP;
import static io.heitu.chaincode.support.World.MILL;
import static io.heitu.chaincode.support.World.PLOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.support.Result;
import io.heitu.chaincode.support.World;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LocationContractTest {

    private final World world = World.standard();

    @Nested
    class Register {

        @Test
        void registers_a_plot_with_its_black_soil_data_in_exact_decimals() {
            JsonNode plot =
                    world.query(world.grocer, "location:Get", of("id", PLOT)).json();

            assertThat(plot.path("ownerMsp").asText()).isEqualTo(COOP);
            assertThat(plot.path("kind").asText()).isEqualTo("plot");
            assertThat(plot.path("areaMu").toString()).isEqualTo("85.5");
            assertThat(plot.path("soil").toString())
                    .isEqualTo("{\"organicMatterPct\":3.8,\"practice\":\"梨树模式\",\"tillage\":\"straw_mulch\"}");
            assertThat(plot.path("geo").toString())
                    .isEqualTo("{\"coordinates\":[126.9652,44.4097],\"type\":\"Point\"}");
            assertThat(plot.path("registeredAt").asText()).isEqualTo("2026-10-05T02:00:00.000Z");
        }

        @Test
        void registers_a_plot_drawn_as_a_closed_polygon() {
            List<Object> ring = list(
                    list(dec("126.96"), dec("44.40")),
                    list(dec("126.97"), dec("44.40")),
                    list(dec("126.97"), dec("44.41")),
                    list(dec("126.96"), dec("44.40")));

            assertThat(register(world.farmer, plot("SL-PLOT-08", map("type", "Polygon", "coordinates", list(ring)))))
                    .isOk();
        }

        @Test
        void refuses_shapes_that_are_not_a_point_or_a_closed_polygon() {
            List<Object> open = list(
                    list(dec("126.96"), dec("44.40")),
                    list(dec("126.97"), dec("44.40")),
                    list(dec("126.97"), dec("44.41")),
                    list(dec("126.96"), dec("44.41")));
            List<Object> tooShort = list(list(1, 2), list(2, 3), list(1, 2));
            for (Map<String, Object> geo : List.of(
                    map("type", "Polygon", "coordinates", list(open)),
                    map("type", "Polygon", "coordinates", list(tooShort)),
                    map("type", "Polygon", "coordinates", list()),
                    map("type", "Polygon", "coordinates", list(list(), list(), list(), list(), list(), list())),
                    map("type", "Polygon", "coordinates", "ring"),
                    map("type", "Point", "coordinates", list(dec("181"), dec("44"))),
                    map("type", "Point", "coordinates", list(dec("126"), dec("-90.5"))),
                    map("type", "Point", "coordinates", list(dec("126"))),
                    map("type", "Point", "coordinates", list("126", "44")),
                    map("type", "LineString", "coordinates", list(list(1, 2), list(2, 3))),
                    map("coordinates", list(1, 2)),
                    map("type", "Point"))) {
                assertThat(register(world.farmer, plot("SL-PLOT-09", geo)))
                        .as(geo.toString())
                        .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            }
        }

        @Test
        void refuses_a_plot_without_an_area() {
            Map<String, Object> request =
                    map("id", "SL-PLOT-10", "kind", "plot", "nameZh", "地块", "address", map("county", "舒兰市"));

            assertThat(register(world.farmer, request)).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            request.put("areaMu", 0);
            assertThat(register(world.farmer, request)).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void refuses_soil_values_outside_their_physical_range() {
            for (Map<String, Object> soil : List.of(
                    map("ph", dec("14.1")),
                    map("organicMatterPct", dec("-1")),
                    map("blackSoilDepthCm", dec("1000.5")),
                    map("tillage", "ploughing"))) {
                Map<String, Object> request = plot("SL-PLOT-11", null);
                request.put("soil", soil);

                assertThat(register(world.farmer, request))
                        .as(soil.toString())
                        .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            }
        }

        @Test
        void lets_only_farms_and_cooperatives_register_plots_and_pastures() {
            Map<String, Object> pasture = plot("MILL-PASTURE", null);
            pasture.put("kind", "pasture");

            Result result = register(world.miller, pasture);

            assertThat(result).isRefusedWith(ErrorCode.FORBIDDEN_ORGANISATION);
        }

        @Test
        void refuses_an_id_registered_before() {
            assertThat(register(world.farmer, plot(PLOT, null))).isRefusedWith(ErrorCode.LOCATION_EXISTS);
        }

        @Test
        void requires_the_county_of_the_address() {
            Map<String, Object> request = plot("SL-PLOT-12", null);
            request.put("address", map("province", "吉林省"));

            assertThat(register(world.farmer, request)).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void lets_administrators_register_for_another_organisation_and_no_one_else() {
            Map<String, Object> warehouse = map(
                    "id",
                    "WH-1",
                    "ownerMsp",
                    MILL,
                    "kind",
                    "warehouse",
                    "nameZh",
                    "仓库",
                    "gln",
                    "6901234500202",
                    "address",
                    map("county", "舒兰市"));

            assertThat(register(world.grocer, warehouse)).isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
            assertThat(register(world.admin, warehouse)).isOk();
            JsonNode registered =
                    world.query(world.grocer, "location:Get", of("id", "WH-1")).json();
            assertThat(registered.path("ownerMsp").asText()).isEqualTo(MILL);
            assertThat(registered.path("gln").asText()).isEqualTo("6901234500202");
        }

        @Test
        void refuses_an_owner_that_is_not_registered() {
            Map<String, Object> warehouse = map(
                    "id",
                    "WH-2",
                    "ownerMsp",
                    "NoSuchMSP",
                    "kind",
                    "warehouse",
                    "nameZh",
                    "仓库",
                    "address",
                    map("county", "x"));

            assertThat(register(world.admin, warehouse)).isRefusedWith(ErrorCode.ORGANISATION_NOT_FOUND);
        }

        @Test
        void takes_the_callers_own_msp_as_owner_when_named() {
            Map<String, Object> store = map(
                    "id",
                    "MART-2",
                    "ownerMsp",
                    World.MART,
                    "kind",
                    "store",
                    "nameZh",
                    "二店",
                    "address",
                    map("county", "x"));

            assertThat(register(world.grocer, store)).isOk();
        }

        @Test
        void refuses_a_gln_with_a_wrong_check_digit() {
            Map<String, Object> request = plot("SL-PLOT-13", null);
            request.put("gln", "6901234500201");

            assertThat(register(world.farmer, request)).isRefusedWith(ErrorCode.INVALID_GLN);
        }

        @Test
        void announces_the_registration_in_one_chaincode_event() {
            Result result = register(world.farmer, plot("SL-PLOT-14", null));

            assertThat(result.event().getEventName()).isEqualTo("LocationRegistered");
            assertThat(result.event().getPayload().toStringUtf8())
                    .isEqualTo("{\"id\":\"SL-PLOT-14\",\"kind\":\"location\",\"lots\":[]}");
        }
    }

    @Nested
    class Get {

        @Test
        void answers_not_found_for_an_unknown_location() {
            assertThat(world.query(world.farmer, "location:Get", of("id", "NOWHERE")))
                    .isRefusedWith(ErrorCode.LOCATION_NOT_FOUND);
        }

        @Test
        void refuses_an_id_that_cannot_be_one() {
            assertThat(world.query(world.farmer, "location:Get", of("id", "no where")))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }
    }

    @Nested
    class ListLocations {

        @Test
        void lists_the_locations_of_one_owner() {
            world.ok(world.farmer, "location:Register", write(plot("SL-PLOT-15", null)));

            JsonNode page = world.query(world.grocer, "location:List", of("ownerMsp", COOP))
                    .json();

            assertThat(ids(page)).containsExactly(PLOT, "SL-PLOT-15");
        }

        @Test
        void pages_through_every_location() {
            JsonNode first = world.query(world.grocer, "location:List", of("pageSize", 2))
                    .json();
            JsonNode second = world.query(
                            world.grocer,
                            "location:List",
                            of("pageSize", 2, "bookmark", first.path("bookmark").asText()))
                    .json();

            assertThat(ids(first)).containsExactly("MART-CC-01", "MILL-SHULAN");
            assertThat(ids(second)).containsExactly(PLOT);
            assertThat(second.path("bookmark").asText()).isEmpty();
        }

        @Test
        void refuses_a_page_size_out_of_bounds() {
            assertThat(world.query(world.grocer, "location:List", of("pageSize", 0)))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }

        private List<String> ids(JsonNode page) {
            List<String> ids = new ArrayList<>();
            page.path("items").forEach(item -> ids.add(item.path("id").asText()));
            return ids;
        }
    }

    private Result register(io.heitu.identity.Enrollment user, Map<String, Object> request) {
        return world.ledger.submit(user, "location:Register", write(request));
    }

    private static Map<String, Object> plot(String id, Map<String, Object> geo) {
        Map<String, Object> plot =
                map("id", id, "kind", "plot", "nameZh", "地块", "areaMu", dec("12.5"), "address", map("county", "舒兰市"));
        if (geo != null) {
            plot.put("geo", geo);
        }
        return plot;
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
