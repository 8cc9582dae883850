package io.heitu.chaincode.evidence;

import static io.heitu.chaincode.support.J.of;
import static io.heitu.chaincode.support.ResultAssert.assertThat;
import static io.heitu.chaincode.support.World.GINSENG;
import static io.heitu.chaincode.support.World.MILL;
import static io.heitu.chaincode.support.World.MILLED_RICE;
import static io.heitu.chaincode.support.World.PADDY;
import static io.heitu.chaincode.support.World.RICE_BAG_5KG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.support.J;
import io.heitu.chaincode.support.Result;
import io.heitu.chaincode.support.World;
import io.heitu.identity.Enrollment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EvidenceContractTest {

    private final World world = World.standard();
    private final World.RiceChain chain = world.riceChain("E");

    @Nested
    class Attach {

        @Test
        void records_the_hash_type_and_size_of_a_product_photo_from_the_products_owner() {
            Result attached = attach(world.miller, photo(RICE_BAG_5KG, null, "ab"));

            assertThat(attached).isOk();
            JsonNode record = attached.json();
            assertThat(record.path("sha256").asText()).isEqualTo("ab".repeat(32));
            assertThat(record.path("kind").asText()).isEqualTo("product_photo");
            assertThat(record.path("mediaType").asText()).isEqualTo("image/jpeg");
            assertThat(record.path("bytes").asLong()).isEqualTo(48_000);
            assertThat(record.path("attachedBy").asText()).isEqualTo(MILL);
            assertThat(record.has("lotCode")).isFalse();
            assertThat(attached.event().getEventName()).isEqualTo("EvidenceAttached");
            assertThat(list(of("gtin", RICE_BAG_5KG))).containsExactly("ab".repeat(32));
        }

        @Test
        void a_products_photos_come_from_its_owner_only() {
            assertThat(attach(world.farmer, photo(RICE_BAG_5KG, null, "ab")))
                    .isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
            assertThat(attach(world.inspector, photo(RICE_BAG_5KG, null, "ab")))
                    .isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
            assertThat(list(of("gtin", RICE_BAG_5KG))).isEmpty();
        }

        @Test
        void the_farm_attaches_field_photos_and_its_certificate_to_the_lot_it_produced_and_names_the_lot() {
            Result field = attach(world.farmer, file(PADDY, chain.paddy(), "field_photo", "01", "image/jpeg"));
            Result commitment = attach(world.farmer, file(PADDY, chain.paddy(), "commitment", "02", "image/png"));

            assertThat(field).isOk();
            assertThat(commitment).isOk();
            assertThat(field.event().getPayload().toStringUtf8())
                    .contains("\"lots\":[\"https://id.gs1.org/01/" + PADDY + "/10/" + chain.paddy() + "\"]");
            assertThat(list(of("gtin", PADDY, "lotCode", chain.paddy())))
                    .containsExactly("01".repeat(32), "02".repeat(32));
        }

        @Test
        void a_field_photo_or_certificate_of_someone_elses_lot_is_refused() {
            assertThat(attach(world.miller, file(MILLED_RICE, chain.milled(), "field_photo", "01", "image/jpeg")))
                    .isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
            assertThat(attach(world.miller, file(PADDY, chain.paddy(), "commitment", "01", "image/jpeg")))
                    .isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
            assertThat(attach(world.ginsengFarmer, file(PADDY, chain.paddy(), "field_photo", "01", "image/jpeg")))
                    .isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
        }

        @Test
        void inspection_reports_come_from_inspectors_as_pdf_or_image() {
            Result pdf = attach(
                    world.inspector, file(RICE_BAG_5KG, chain.bags(), "inspection_report", "0a", "application/pdf"));
            Result image =
                    attach(world.inspector, file(RICE_BAG_5KG, chain.bags(), "inspection_report", "0b", "image/png"));

            assertThat(pdf).isOk();
            assertThat(image).isOk();
            assertThat(attach(world.miller, file(RICE_BAG_5KG, chain.bags(), "inspection_report", "0c", "image/png")))
                    .isRefusedWith(ErrorCode.FORBIDDEN_ROLE);
        }

        @Test
        void a_holder_may_show_the_lot_it_bought_but_a_stranger_may_not() {
            world.require(world.harvest("E-X", "500"));
            world.require(world.ship(world.farmer, MILL, PADDY, "E-X", "500", "KGM"));
            world.require(world.receive(world.miller, PADDY, "E-X", "500", "KGM"));

            assertThat(attach(world.miller, photo(PADDY, "E-X", "aa"))).isOk();
            assertThat(attach(world.carrier, photo(PADDY, "E-X", "bb"))).isRefusedWith(ErrorCode.FORBIDDEN_ROLE);
            assertThat(attach(world.ginsengFarmer, photo(PADDY, "E-X", "bb")))
                    .isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
        }

        @Test
        void the_same_file_is_recorded_once_per_lot_but_may_show_another_lot_too() {
            assertThat(attach(world.miller, photo(RICE_BAG_5KG, chain.bags(), "ab")))
                    .isOk();

            assertThat(attach(world.miller, photo(RICE_BAG_5KG, chain.bags(), "ab")))
                    .isRefusedWith(ErrorCode.EVIDENCE_EXISTS);
            assertThat(attach(world.miller, photo(MILLED_RICE, chain.milled(), "ab")))
                    .isOk();
        }

        @Test
        void refuses_what_is_not_an_image_where_an_image_is_due_and_anything_malformed() {
            String lot = chain.paddy();
            assertThat(attach(world.farmer, file(PADDY, lot, "field_photo", "01", "application/pdf")))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(attach(world.farmer, file(PADDY, lot, "field_photo", "01", "image/svg+xml")))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(attach(world.farmer, file(PADDY, lot, "video", "01", "image/jpeg")))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            Map<String, Object> upperCaseHash = file(PADDY, lot, "field_photo", "01", "image/jpeg");
            upperCaseHash.put("sha256", "AB".repeat(32));
            assertThat(attach(world.farmer, upperCaseHash)).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            Map<String, Object> huge = file(PADDY, lot, "field_photo", "01", "image/jpeg");
            huge.put("bytes", 20L * 1024 * 1024 + 1);
            assertThat(attach(world.farmer, huge)).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            Map<String, Object> wide = file(PADDY, lot, "field_photo", "01", "image/jpeg");
            wide.put("width", 0);
            assertThat(attach(world.farmer, wide)).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(attach(world.farmer, file(PADDY, "NO-SUCH-LOT", "field_photo", "01", "image/jpeg")))
                    .isRefusedWith(ErrorCode.LOT_NOT_FOUND);
            assertThat(attach(world.farmer, file(PADDY, null, "field_photo", "01", "image/jpeg")))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(list(of("gtin", PADDY, "lotCode", lot))).isEmpty();
        }

        @Test
        void a_lot_holds_at_most_twenty_four_files() {
            for (int i = 0; i < Attachments.MAX_PER_SUBJECT; i++) {
                assertThat(attach(
                                world.farmer,
                                file(PADDY, chain.paddy(), "field_photo", "%02x".formatted(i), "image/jpeg")))
                        .isOk();
            }
            assertThat(attach(world.farmer, file(PADDY, chain.paddy(), "field_photo", "ff", "image/jpeg")))
                    .isRefusedWith(ErrorCode.LIMIT_EXCEEDED);
            assertThat(list(of("gtin", PADDY, "lotCode", chain.paddy()))).hasSize(Attachments.MAX_PER_SUBJECT);
        }
    }

    @Nested
    class List_ {

        @Test
        void keeps_a_lots_files_apart_from_its_products_and_other_lots() {
            world.ok(world.miller, "evidence:Attach", J.write(photo(RICE_BAG_5KG, null, "aa")));
            world.ok(world.miller, "evidence:Attach", J.write(photo(RICE_BAG_5KG, chain.bags(), "bb")));

            assertThat(list(of("gtin", RICE_BAG_5KG))).containsExactly("aa".repeat(32));
            assertThat(list(of("gtin", RICE_BAG_5KG, "lotCode", chain.bags()))).containsExactly("bb".repeat(32));
            assertThat(list(of("gtin", MILLED_RICE, "lotCode", chain.milled()))).isEmpty();
        }

        @Test
        void names_an_unknown_lot_or_product_rather_than_answering_nothing() {
            assertThat(world.query(world.grocer, "evidence:List", of("gtin", PADDY, "lotCode", "NOPE")))
                    .isRefusedWith(ErrorCode.LOT_NOT_FOUND);
            assertThat(world.query(world.grocer, "evidence:List", of("gtin", "06901234500097")))
                    .isRefusedWith(ErrorCode.PRODUCT_NOT_FOUND);
            assertThat(world.query(world.grocer, "evidence:List", of("gtin", GINSENG)))
                    .isOk();
        }
    }

    private Result attach(Enrollment user, Map<String, Object> request) {
        return world.ledger.submit(user, "evidence:Attach", J.write(request));
    }

    private List<String> list(String request) {
        Result result = world.query(world.grocer, "evidence:List", request);
        assertThat(result).isOk();
        List<String> hashes = new ArrayList<>();
        result.json().forEach(item -> hashes.add(item.path("sha256").asText()));
        return hashes;
    }

    private static Map<String, Object> photo(String gtin, String lotCode, String hashByte) {
        return file(gtin, lotCode, "product_photo", hashByte, "image/jpeg");
    }

    private static Map<String, Object> file(String gtin, String lotCode, String kind, String hashByte, String type) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("gtin", gtin);
        if (lotCode != null) {
            request.put("lotCode", lotCode);
        }
        request.put("kind", kind);
        request.put("sha256", hashByte.repeat(32));
        request.put("mediaType", type);
        request.put("bytes", 48_000);
        request.put("width", 1200);
        request.put("height", 900);
        return request;
    }
}
