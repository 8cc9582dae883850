package io.heitu.chaincode.org;

import static io.heitu.chaincode.support.J.list;
import static io.heitu.chaincode.support.J.map;
import static io.heitu.chaincode.support.J.of;
import static io.heitu.chaincode.support.ResultAssert.assertThat;
import static io.heitu.chaincode.support.World.COOP;
import static io.heitu.chaincode.support.World.REGULATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Role;
import io.heitu.chaincode.support.Actors;
import io.heitu.chaincode.support.Result;
import io.heitu.chaincode.support.World;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrgContractTest {

    @Nested
    class Bootstrap {

        private final World world = new World();

        @Test
        void the_first_registration_is_an_administrator_registering_their_own_regulator() {
            Result result = world.ledger.submit(
                    world.admin,
                    "org:Register",
                    of("mspId", REGULATOR, "nameZh", "吉林省农业农村厅", "kinds", list("regulator")));

            assertThat(result).isOk();
            assertThat(result.payload())
                    .isEqualTo("{\"kinds\":[\"regulator\"],\"mspId\":\"JilinRegulatorMSP\",\"nameZh\":\"吉林省农业农村厅\","
                            + "\"registeredAt\":\"2026-10-05T02:00:00.000Z\",\"registeredBy\":\"JilinRegulatorMSP\"}");
        }

        @Test
        void refuses_a_first_registration_of_another_organisation() {
            Result result = world.ledger.submit(
                    world.admin, "org:Register", of("mspId", COOP, "nameZh", "合作社", "kinds", list("regulator")));

            assertThat(result).isRefusedWith(ErrorCode.FORBIDDEN_ORGANISATION);
            assertThat(world.ledger.snapshot()).isEmpty();
        }

        @Test
        void refuses_a_first_organisation_that_is_not_a_regulator() {
            Result result = world.ledger.submit(
                    world.admin, "org:Register", of("mspId", REGULATOR, "nameZh", "农场", "kinds", list("farm")));

            assertThat(result).isRefusedWith(ErrorCode.FORBIDDEN_ORGANISATION);
        }

        @Test
        void refuses_anyone_but_an_administrator_even_on_an_empty_ledger() {
            var producerOfTheRegulator = Actors.user(REGULATOR, Role.PRODUCER);

            Result result = world.ledger.submit(
                    producerOfTheRegulator,
                    "org:Register",
                    of("mspId", REGULATOR, "nameZh", "吉林省农业农村厅", "kinds", list("regulator")));

            assertThat(result).isRefusedWith(ErrorCode.FORBIDDEN_ROLE);
        }

        @Test
        void is_over_once_the_registry_holds_an_organisation() {
            World world = World.organisations();
            var strangerAdmin = Actors.user("StrangerMSP", Role.ADMIN);

            Result result = world.ledger.submit(
                    strangerAdmin,
                    "org:Register",
                    of("mspId", "StrangerMSP", "nameZh", "陌生", "kinds", list("regulator")));

            assertThat(result).isRefusedWith(ErrorCode.FORBIDDEN_ORGANISATION);
            assertThat(result.message()).contains("StrangerMSP is not registered");
        }
    }

    @Nested
    class Register {

        private final World world = World.organisations();

        @Test
        void registers_an_organisation_with_its_kinds_in_order_and_once_each() {
            Result result = world.ledger.submit(
                    world.admin,
                    "org:Register",
                    of(
                            "mspId",
                            "JilinCoopMartMSP",
                            "nameZh",
                            "吉林合作社超市",
                            "nameEn",
                            "Jilin co-op mart",
                            "kinds",
                            list("retailer", "cooperative", "retailer"),
                            "gln",
                            "6901234500103",
                            "uscc",
                            "91220183MA0Y12340H",
                            "county",
                            "舒兰市",
                            "companyPrefixes",
                            list("690123450011", "690123450010"),
                            "recordingDelayHours",
                            48));

            assertThat(result).isOk();
            JsonNode organisation = result.json();
            assertThat(organisation.path("kinds").toString()).isEqualTo("[\"cooperative\",\"retailer\"]");
            assertThat(organisation.path("gln").asText()).isEqualTo("6901234500103");
            assertThat(organisation.path("uscc").asText()).isEqualTo("91220183MA0Y12340H");
            assertThat(organisation.path("companyPrefixes").toString())
                    .isEqualTo("[\"690123450010\",\"690123450011\"]");
            assertThat(organisation.path("recordingDelayHours").asInt()).isEqualTo(48);
            assertThat(world.query(world.farmer, "org:Get", of("mspId", "JilinCoopMartMSP"))
                            .payload())
                    .isEqualTo(result.payload());
        }

        @Test
        void announces_the_registration_in_one_chaincode_event() {
            Result result = world.ledger.submit(
                    world.admin, "org:Register", of("mspId", "NewFarmMSP", "nameZh", "新农场", "kinds", list("farm")));

            assertThat(result.event().getEventName()).isEqualTo("OrganisationRegistered");
            assertThat(result.event().getPayload().toStringUtf8())
                    .isEqualTo("{\"id\":\"NewFarmMSP\",\"kind\":\"org\",\"lots\":[]}");
        }

        @Test
        void refuses_an_organisation_registered_before() {
            var before = world.ledger.snapshot();

            Result result = world.ledger.submit(
                    world.admin, "org:Register", of("mspId", COOP, "nameZh", "另一个", "kinds", list("farm")));

            assertThat(result).isRefusedWith(ErrorCode.ORGANISATION_EXISTS);
            assertThat(world.ledger.snapshot()).isEqualTo(before);
        }

        @Test
        void checks_gln_and_unified_social_credit_code_check_characters() {
            assertThat(register(of("mspId", "A1", "nameZh", "甲", "kinds", list("farm"), "gln", "6901234500104")))
                    .isRefusedWith(ErrorCode.INVALID_GLN);
            assertThat(register(of("mspId", "A1", "nameZh", "甲", "kinds", list("farm"), "uscc", "91220183MA0Y12340J")))
                    .isRefusedWith(ErrorCode.INVALID_USCC);
            assertThat(register(of("mspId", "A1", "nameZh", "甲", "kinds", list("farm"), "uscc", "91220183MA0Y1234")))
                    .isRefusedWith(ErrorCode.INVALID_USCC);
            assertThat(register(of("mspId", "A1", "nameZh", "甲", "kinds", list("farm"), "uscc", "91220183IA0Y12340H")))
                    .isRefusedWith(ErrorCode.INVALID_USCC);
        }

        @Test
        void refuses_missing_or_unknown_kinds_and_bad_names() {
            assertThat(register(of("mspId", "A1", "nameZh", "甲", "kinds", list())))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(register(of("mspId", "A1", "nameZh", "甲"))).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(register(of("mspId", "A1", "nameZh", "甲", "kinds", list("bank"))))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(register(of("mspId", "A1", "nameZh", " ", "kinds", list("farm"))))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(register(of("mspId", "A 1", "nameZh", "甲", "kinds", list("farm"))))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(register(of("mspId", "A1", "nameZh", "甲".repeat(201), "kinds", list("farm"))))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }

        private Result register(String request) {
            return world.ledger.submit(world.admin, "org:Register", request);
        }
    }

    @Nested
    class Membership {

        private final World world = World.standard();

        @Test
        void refuses_writes_from_an_organisation_that_is_not_registered() {
            var stranger = Actors.user("StrangerMSP", Role.PRODUCER);

            Result result = world.ledger.submit(
                    stranger,
                    "location:Register",
                    of("id", "X-1", "kind", "warehouse", "nameZh", "仓库", "address", map("county", "舒兰市")));

            assertThat(result).isRefusedWith(ErrorCode.FORBIDDEN_ORGANISATION);
        }

        @Test
        void refuses_a_role_the_organisation_kind_does_not_allow_even_when_its_ca_wrote_it() {
            var martInspector = Actors.user(World.MART, Role.INSPECTOR);

            Result result = world.ledger.submit(
                    martInspector, "lot:Hold", of("gtin", World.PADDY, "lotCode", "NONE", "reason", "looks wrong"));

            assertThat(result).isRefusedWith(ErrorCode.FORBIDDEN_ORGANISATION);
            assertThat(result.message()).contains("registered as [retailer]", "may not act as inspector");
        }

        @Test
        void allows_every_role_of_an_organisation_registered_with_several_kinds() {
            world.ok(
                    world.admin,
                    "org:Register",
                    of("mspId", "FarmShopMSP", "nameZh", "农场直营店", "kinds", list("farm", "retailer")));

            assertThat(world.ledger.submit(
                            Actors.user("FarmShopMSP", Role.RETAILER),
                            "location:Register",
                            of("id", "SHOP-1", "kind", "store", "nameZh", "门店", "address", map("county", "舒兰市"))))
                    .isOk();
            assertThat(world.ledger.submit(
                            Actors.user("FarmShopMSP", Role.PRODUCER),
                            "location:Register",
                            of(
                                    "id",
                                    "FIELD-1",
                                    "kind",
                                    "plot",
                                    "nameZh",
                                    "地块",
                                    "areaMu",
                                    3,
                                    "address",
                                    map("county", "舒兰市"))))
                    .isOk();
            assertThat(world.ledger.submit(
                            Actors.user("FarmShopMSP", Role.PROCESSOR),
                            "location:Register",
                            of("id", "MILL-1", "kind", "factory", "nameZh", "工厂", "address", map("county", "舒兰市"))))
                    .isRefusedWith(ErrorCode.FORBIDDEN_ORGANISATION);
        }

        @Test
        void refuses_a_certificate_without_a_role_even_for_reads() {
            var noRole = Actors.ca(COOP).enroll("norole@" + COOP, null);

            assertThat(world.query(noRole, "org:List", "{}")).isRefusedWith(ErrorCode.FORBIDDEN_ROLE);
        }

        @Test
        void refuses_a_role_the_chaincode_does_not_know() {
            var farmhand = Actors.user(COOP, "farmhand");

            Result result = world.query(farmhand, "org:List", "{}");

            assertThat(result).isRefusedWith(ErrorCode.FORBIDDEN_ROLE);
            assertThat(result.message()).contains("unknown role 'farmhand'");
        }

        @Test
        void lets_members_of_the_channel_read_without_a_registration() {
            var stranger = Actors.user("StrangerMSP", Role.RETAILER);

            assertThat(world.query(stranger, "org:Get", of("mspId", COOP))).isOk();
        }
    }

    @Nested
    class Get {

        private final World world = World.organisations();

        @Test
        void answers_not_found_for_an_organisation_never_registered() {
            assertThat(world.query(world.farmer, "org:Get", of("mspId", "NoSuchMSP")))
                    .isRefusedWith(ErrorCode.ORGANISATION_NOT_FOUND);
        }

        @Test
        void refuses_an_msp_id_that_cannot_be_one() {
            assertThat(world.query(world.farmer, "org:Get", of("mspId", "no such/msp")))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }
    }

    @Nested
    class ListOrganisations {

        private final World world = World.organisations();

        @Test
        void pages_through_every_organisation_once_in_key_order() {
            List<String> seen = new ArrayList<>();
            String bookmark = "";
            int pages = 0;
            do {
                JsonNode page = world.query(world.grocer, "org:List", of("pageSize", 3, "bookmark", bookmark))
                        .json();
                page.path("items").forEach(org -> seen.add(org.path("mspId").asText()));
                bookmark = page.path("bookmark").asText();
                pages++;
            } while (!bookmark.isEmpty());

            assertThat(pages).isEqualTo(3);
            assertThat(seen)
                    .containsExactly(
                            "ChangchunMartMSP",
                            "ColdChainMSP",
                            "FusongGinsengMSP",
                            "JilinInspectionMSP",
                            "JilinRegulatorMSP",
                            "RiceMillMSP",
                            "ShulanRiceCoopMSP");
        }

        @Test
        void refuses_a_bookmark_that_does_not_continue_the_query() {
            String productBookmark = "\u0000product\u000006901234500011\u0000";

            for (String bookmark : List.of(productBookmark, "\u0000", "ShulanRiceCoopMSP", "x".repeat(1025))) {
                assertThat(world.query(world.grocer, "org:List", of("pageSize", 3, "bookmark", bookmark)))
                        .as(bookmark)
                        .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            }
        }

        @Test
        void refuses_page_sizes_outside_1_to_500() {
            assertThat(world.query(world.grocer, "org:List", of("pageSize", 0)))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(world.query(world.grocer, "org:List", of("pageSize", 501)))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(world.query(world.grocer, "org:List", of("pageSize", 500)))
                    .isOk();
        }
    }
}
