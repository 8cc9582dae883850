package io.heitu.chaincode.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.epcis.Quantity;
import io.heitu.chaincode.epcis.Uom;
import io.heitu.chaincode.event.Observe;
import io.heitu.chaincode.location.Geo;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The one codec: exact bytes out, strict and bounded in. */
class JsonTest {

    @Nested
    class Write {

        @Test
        void sorts_the_fields_of_records_at_every_level() {
            Change change = new Change("event", "ni:///sha-256;ab", List.of("z-lot", "a-lot"), "ni:///sha-256;ab");

            assertThat(Json.write(change))
                    .isEqualTo("{\"eventId\":\"ni:///sha-256;ab\",\"id\":\"ni:///sha-256;ab\",\"kind\":\"event\","
                            + "\"lots\":[\"z-lot\",\"a-lot\"]}");
        }

        @Test
        void sorts_map_keys_and_tree_fields_whatever_the_insertion_order() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("zeta", 1);
            map.put("alpha", Map.of("y", 2, "b", 3));
            ObjectNode tree = Json.object();
            tree.put("uom", "KGM");
            tree.putObject("nested").put("z", 1).put("a", 2);
            tree.put("epcClass", "https://id.gs1.org/01/06901234500011/10/A");
            map.put("tree", tree);

            assertThat(Json.write(map))
                    .isEqualTo("{\"alpha\":{\"b\":3,\"y\":2},\"tree\":{\"epcClass\":"
                            + "\"https://id.gs1.org/01/06901234500011/10/A\",\"nested\":{\"a\":2,\"z\":1},"
                            + "\"uom\":\"KGM\"},\"zeta\":1}");
        }

        @Test
        void omits_nulls_and_keeps_empty_lists() {
            assertThat(Json.write(Change.of("org", "ShulanRiceCoopMSP")))
                    .isEqualTo("{\"id\":\"ShulanRiceCoopMSP\",\"kind\":\"org\",\"lots\":[]}");
        }

        @Test
        void writes_equal_quantities_as_the_same_plain_decimal() {
            for (String written : List.of("12000.50", "1.200050E+4", "12000.5", "0012000.500000")) {
                assertThat(Json.write(new Quantity(new BigDecimal(written), Uom.KGM)))
                        .as(written)
                        .isEqualTo("{\"uom\":\"KGM\",\"value\":12000.5}");
            }
            assertThat(Json.write(new Quantity(new BigDecimal("1E+3"), Uom.TNE)))
                    .isEqualTo("{\"uom\":\"TNE\",\"value\":1000}");
            assertThat(Json.write(new Quantity(new BigDecimal("0.000"), Uom.GRM)))
                    .isEqualTo("{\"uom\":\"GRM\",\"value\":0}");
        }

        @Test
        void writes_enums_as_their_lowercase_words() {
            assertThat(Json.write(Map.of("role", Role.REGULATOR))).isEqualTo("{\"role\":\"regulator\"}");
        }

        @Test
        void writes_chinese_text_as_utf8_without_escapes() {
            assertThat(Json.bytes(Map.of("nameZh", "舒兰大米")))
                    .isEqualTo("{\"nameZh\":\"舒兰大米\"}".getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void writes_a_refusal_as_code_then_message_with_the_same_json_in_the_payload() {
            TraceException refusal =
                    new TraceException(ErrorCode.LOT_ON_HOLD, "lot x is on hold", Map.of("z", "1", "a", "2"));

            assertThat(refusal.getMessage()).isEqualTo("LOT_ON_HOLD: lot x is on hold");
            assertThat(new String(refusal.getPayload(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"code\":\"LOT_ON_HOLD\",\"details\":{\"a\":\"2\",\"z\":\"1\"},"
                            + "\"message\":\"lot x is on hold\"}");
            assertThat(refusal.code()).isEqualTo(ErrorCode.LOT_ON_HOLD);
        }
    }

    @Nested
    class Read {

        @Test
        void reads_the_same_content_in_any_field_order_to_the_same_bytes() {
            Quantity one = Json.read("{\"value\":12000.50,\"uom\":\"KGM\"}", Quantity.class);
            Quantity other = Json.read("{\"uom\":\"KGM\",\"value\":1.20005E4}", Quantity.class);

            assertThat(Json.bytes(one)).isEqualTo(Json.bytes(other));
        }

        @Test
        void passes_on_the_refusal_of_a_request_type_that_checks_itself() {
            assertRefused(
                    () -> Json.read("{\"gtin\":\"06901234500012\",\"lotCode\":\"A\"}", LotRef.class),
                    ErrorCode.INVALID_GTIN,
                    "wrong check digit");
            assertRefused(
                    () -> Json.read("{\"value\":1,\"uom\":\"LBR\"}", Quantity.class),
                    ErrorCode.INVALID_ARGUMENT,
                    "unit 'LBR'");
        }

        @Test
        void refuses_empty_and_null_requests() {
            assertRefused(() -> Json.read(null, Quantity.class), ErrorCode.MALFORMED_REQUEST, "empty");
            assertRefused(() -> Json.read("  ", Quantity.class), ErrorCode.MALFORMED_REQUEST, "empty");
            assertRefused(() -> Json.read("null", Quantity.class), ErrorCode.MALFORMED_REQUEST, "null");
        }

        @Test
        void refuses_unknown_and_duplicate_fields_naming_them() {
            assertRefused(
                    () -> Json.read("{\"value\":1,\"uom\":\"KGM\",\"colour\":\"red\"}", Quantity.class),
                    ErrorCode.MALFORMED_REQUEST,
                    "unknown field colour");
            assertRefused(
                    () -> Json.read("{\"value\":1,\"uom\":\"KGM\",\"value\":2}", Quantity.class),
                    ErrorCode.MALFORMED_REQUEST,
                    "duplicate field value");
        }

        @Test
        void refuses_values_of_the_wrong_json_type_instead_of_converting_them() {
            assertRefused(
                    () -> Json.read("{\"value\":\"1\",\"uom\":\"KGM\"}", Quantity.class),
                    ErrorCode.MALFORMED_REQUEST,
                    "wrong type or shape at value");
            assertRefused(
                    () -> Json.read("{\"value\":1,\"uom\":7}", Quantity.class), ErrorCode.MALFORMED_REQUEST, "at uom");
            assertRefused(
                    () -> Json.read("{\"gtin\":6901234500011,\"lotCode\":\"A\"}", LotRef.class),
                    ErrorCode.MALFORMED_REQUEST,
                    "at gtin");
            assertRefused(
                    () -> Json.read("{\"gtin\":\"06901234500011\",\"lotCode\":true}", LotRef.class),
                    ErrorCode.MALFORMED_REQUEST,
                    "at lotCode");
            assertRefused(
                    () -> Json.read("{\"pageSize\":1.5}", PageRequest.class),
                    ErrorCode.MALFORMED_REQUEST,
                    "at pageSize");
            assertRefused(
                    () -> Json.read("{\"pageSize\":\"5\"}", PageRequest.class),
                    ErrorCode.MALFORMED_REQUEST,
                    "at pageSize");
            assertRefused(
                    () -> Json.read("{\"pageSize\":[5]}", PageRequest.class),
                    ErrorCode.MALFORMED_REQUEST,
                    "at pageSize");
        }

        @Test
        void names_the_place_of_a_wrong_type_inside_a_list() {
            assertRefused(
                    () -> Json.read(
                            "{\"bizStep\":\"storing\",\"lots\":[{\"gtin\":\"06901234500011\",\"lotCode\":\"A\"},"
                                    + "{\"gtin\":6901234500011,\"lotCode\":\"B\"}],\"eventTime\":\"2026-10-01T08:00:00Z\"}",
                            Observe.class),
                    ErrorCode.MALFORMED_REQUEST,
                    "wrong type or shape at lots[1].gtin");
        }

        @Test
        void refuses_a_request_its_type_cannot_be_made_from_without_naming_a_cause_it_does_not_know() {
            assertRefused(
                    () -> Json.read(
                            "{\"bizStep\":\"storing\",\"lots\":[null],\"eventTime\":\"2026-10-01T08:00:00Z\"}",
                            Observe.class),
                    ErrorCode.INVALID_ARGUMENT,
                    "invalid value in the request");
        }

        @Test
        void refuses_a_missing_lot_code_as_an_invalid_one() {
            assertRefused(
                    () -> Json.read("{\"gtin\":\"06901234500011\"}", LotRef.class),
                    ErrorCode.INVALID_LOT_CODE,
                    "got 'null'");
        }

        @Test
        void refuses_numbers_of_more_than_40_digits() {
            assertRefused(
                    () -> Json.read("{\"value\":" + "1".repeat(41) + ",\"uom\":\"KGM\"}", Quantity.class),
                    ErrorCode.MALFORMED_REQUEST,
                    "beyond the limits");
        }

        @Test
        void refuses_json_extensions_and_trailing_content() {
            for (String lenient : List.of(
                    "{'pageSize':5}",
                    "{pageSize:5}",
                    "{\"pageSize\":05}",
                    "{\"pageSize\":5,}",
                    "{\"pageSize\":5} // five",
                    "{\"pageSize\":5}{}",
                    "{\"pageSize\":NaN}",
                    "{\"pageSize\":Infinity}")) {
                assertRefused(() -> Json.read(lenient, PageRequest.class), ErrorCode.MALFORMED_REQUEST, "");
            }
        }

        @Test
        void refuses_nesting_deeper_than_32_levels_even_where_any_json_is_welcome() {
            String deep = "[".repeat(40) + "]".repeat(40);

            assertRefused(
                    () -> Json.read("{\"type\":\"Point\",\"coordinates\":" + deep + "}", Geo.class),
                    ErrorCode.MALFORMED_REQUEST,
                    "deeper than 32 levels");
        }

        @Test
        void refuses_requests_over_256_kib_counted_in_utf8_bytes() {
            String bookmark = "稻".repeat(90_000);

            assertRefused(
                    () -> Json.read("{\"bookmark\":\"" + bookmark + "\"}", PageRequest.class),
                    ErrorCode.MALFORMED_REQUEST,
                    "larger than 256 KiB");
        }

        @Test
        void refuses_strings_over_64_k_characters() {
            String bookmark = "x".repeat(70_000);

            assertRefused(
                    () -> Json.read("{\"bookmark\":\"" + bookmark + "\"}", PageRequest.class),
                    ErrorCode.MALFORMED_REQUEST,
                    "beyond the limits");
        }

        @Test
        @Timeout(5)
        void refuses_numbers_whose_plain_digits_would_not_fit_in_memory_quickly() {
            for (String huge : List.of("1e99999999", "1E+999999999", "-7e2147483647")) {
                assertRefused(
                        () -> Json.read("{\"value\":" + huge + ",\"uom\":\"KGM\"}", Quantity.class),
                        ErrorCode.INVALID_ARGUMENT,
                        "10^64");
            }
        }

        @Test
        void reads_tiny_exponents_without_expanding_them() {
            Quantity tiny = Json.read("{\"value\":1e-99999999,\"uom\":\"KGM\"}", Quantity.class);

            assertThat(tiny.value().scale()).isEqualTo(99_999_999);
        }
    }

    @Nested
    class Decode {

        @Test
        void reads_back_what_it_wrote() {
            Quantity quantity = new Quantity(new BigDecimal("12.5"), Uom.KGM);

            assertThat(Json.decode(Json.bytes(quantity), Quantity.class)).isEqualTo(quantity);
        }

        @Test
        void treats_a_stored_value_it_cannot_read_as_an_internal_error() {
            assertRefused(
                    () -> Json.decode("not json".getBytes(StandardCharsets.UTF_8), Quantity.class),
                    ErrorCode.INTERNAL_ERROR,
                    "Quantity");
        }
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        TraceException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(code))
                .hasMessageContaining(message);
    }
}
