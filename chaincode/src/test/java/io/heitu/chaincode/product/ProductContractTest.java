package io.heitu.chaincode.product;

import static io.heitu.chaincode.support.J.map;
import static io.heitu.chaincode.support.J.of;
import static io.heitu.chaincode.support.J.qty;
import static io.heitu.chaincode.support.J.write;
import static io.heitu.chaincode.support.ResultAssert.assertThat;
import static io.heitu.chaincode.support.World.MILL;
import static io.heitu.chaincode.support.World.RICE_BAG_5KG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.support.Result;
import io.heitu.chaincode.support.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProductContractTest {

    private final World world = World.standard();

    @Nested
    class Register {

        @Test
        void registers_a_product_with_its_net_content_standard_and_inspection_rule() {
            JsonNode bag = world.query(world.grocer, "product:Get", of("gtin", RICE_BAG_5KG))
                    .json();

            assertThat(bag.toString())
                    .isEqualTo("{\"category\":\"rice\",\"giName\":\"舒兰大米\",\"gtin\":\"06901234500035\","
                            + "\"inspectionRequired\":true,\"nameEn\":\"Shulan rice 5 kg\",\"nameZh\":\"舒兰大米 5kg\","
                            + "\"netContent\":{\"uom\":\"KGM\",\"value\":5},\"ownerMsp\":\"RiceMillMSP\","
                            + "\"registeredAt\":\"2026-10-05T02:00:00.000Z\",\"standard\":\"GB/T 1354\"}");
        }

        @Test
        void keeps_a_gtin_13_as_its_gtin_14_and_finds_it_by_either() {
            Result result = register(world.miller, product("6901234500080"));

            assertThat(result).isOk();
            assertThat(result.json().path("gtin").asText()).isEqualTo("06901234500080");
            assertThat(world.query(world.grocer, "product:Get", of("gtin", "6901234500080")))
                    .isOk();
            assertThat(result.json().path("inspectionRequired").asBoolean()).isFalse();
        }

        @Test
        void refuses_a_gtin_with_a_wrong_check_digit_or_length() {
            for (String gtin : List.of("06901234500081", "690123450008", "0690123450008A", "069012345000800", "")) {
                assertThat(register(world.miller, product(gtin))).as(gtin).isRefusedWith(ErrorCode.INVALID_GTIN);
            }
        }

        @Test
        void refuses_a_net_content_that_is_not_a_positive_mass() {
            for (Map<String, Object> netContent : List.of(qty("5", "H87"), qty("0", "KGM"), qty("-1", "KGM"))) {
                Map<String, Object> request = product("06901234500059");
                request.put("netContent", netContent);

                assertThat(register(world.miller, request))
                        .as(netContent.toString())
                        .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            }
        }

        @Test
        void refuses_shelf_lives_outside_one_day_to_ten_years() {
            for (int days : new int[] {0, 3651}) {
                Map<String, Object> request = product("06901234500059");
                request.put("shelfLifeDays", days);

                assertThat(register(world.miller, request)).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            }
        }

        @Test
        void refuses_an_unknown_category() {
            Map<String, Object> request = product("06901234500059");
            request.put("category", "durian");

            assertThat(register(world.miller, request)).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void refuses_a_gtin_registered_before() {
            assertThat(register(world.miller, product(RICE_BAG_5KG))).isRefusedWith(ErrorCode.PRODUCT_EXISTS);
        }

        @Test
        void lets_administrators_register_for_another_organisation_and_no_one_else() {
            Map<String, Object> request = product("06901234500059");
            request.put("ownerMsp", MILL);

            assertThat(register(world.farmer, request)).isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
            Result byAdmin = register(world.admin, request);
            assertThat(byAdmin).isOk();
            assertThat(byAdmin.json().path("ownerMsp").asText()).isEqualTo(MILL);
        }

        @Test
        void refuses_an_owner_that_is_not_registered() {
            Map<String, Object> request = product("06901234500059");
            request.put("ownerMsp", "NoSuchMSP");

            assertThat(register(world.admin, request)).isRefusedWith(ErrorCode.ORGANISATION_NOT_FOUND);
        }

        @Test
        void announces_the_registration_in_one_chaincode_event() {
            Result result = register(world.miller, product("06901234500059"));

            assertThat(result.event().getEventName()).isEqualTo("ProductRegistered");
            assertThat(result.event().getPayload().toStringUtf8())
                    .isEqualTo("{\"id\":\"06901234500059\",\"kind\":\"product\",\"lots\":[]}");
        }
    }

    @Nested
    class Get {

        @Test
        void answers_not_found_for_a_valid_gtin_never_registered() {
            assertThat(world.query(world.grocer, "product:Get", of("gtin", "06901234500066")))
                    .isRefusedWith(ErrorCode.PRODUCT_NOT_FOUND);
        }

        @Test
        void refuses_an_invalid_gtin() {
            assertThat(world.query(world.grocer, "product:Get", of("gtin", "06901234500067")))
                    .isRefusedWith(ErrorCode.INVALID_GTIN);
        }
    }

    @Nested
    class ListProducts {

        @Test
        void pages_through_the_catalogue_in_gtin_order() {
            JsonNode first =
                    world.query(world.grocer, "product:List", of("pageSize", 3)).json();
            JsonNode second = world.query(
                            world.grocer,
                            "product:List",
                            of("pageSize", 3, "bookmark", first.path("bookmark").asText()))
                    .json();

            assertThat(gtins(first)).containsExactly(World.PADDY, World.MILLED_RICE, RICE_BAG_5KG);
            assertThat(gtins(second)).containsExactly(World.GINSENG);
            assertThat(second.path("bookmark").asText()).isEmpty();
        }

        private List<String> gtins(JsonNode page) {
            List<String> gtins = new ArrayList<>();
            page.path("items").forEach(item -> gtins.add(item.path("gtin").asText()));
            return gtins;
        }
    }

    private Result register(io.heitu.identity.Enrollment user, Map<String, Object> request) {
        return world.ledger.submit(user, "product:Register", write(request));
    }

    private static Map<String, Object> product(String gtin) {
        return map("gtin", gtin, "nameZh", "吉林大米", "category", "rice");
    }
}
