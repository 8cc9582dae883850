package io.heitu.chaincode;

import static io.heitu.chaincode.support.ResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heitu.chaincode.core.Action;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Json;
import io.heitu.chaincode.core.Role;
import io.heitu.chaincode.support.Result;
import io.heitu.chaincode.support.Samples;
import io.heitu.chaincode.support.TestLedger;
import io.heitu.identity.Enrollment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every transaction against malformed input. Each sample request succeeds as written; each change
 * to it must be refused with a stable code, never an unexpected failure. Targeted cases with exact
 * codes live beside the transactions they belong to and in {@code core/JsonTest}.
 */
class BadInputTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Samples samples;

    @BeforeAll
    static void prepare() {
        samples = Samples.prepare();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("requests")
    void every_sample_request_is_accepted_as_written(Action action, String request) {
        assertThat(call(action, request)).isOk();
    }

    @Nested
    class AnyTransaction {

        @ParameterizedTest
        @EnumSource(Action.class)
        void refuses_an_empty_request(Action action) {
            assertThat(call(action, "")).isRefusedWith(ErrorCode.MALFORMED_REQUEST);
            assertThat(call(action, " \n\t")).isRefusedWith(ErrorCode.MALFORMED_REQUEST);
        }

        @ParameterizedTest
        @EnumSource(Action.class)
        void refuses_json_that_is_not_an_object(Action action) {
            for (String notAnObject :
                    List.of("null", "[]", "42", "\"text\"", "true", "[" + samples.request(action) + "]")) {
                assertThat(call(action, notAnObject)).as(notAnObject).isRefusedWith(ErrorCode.MALFORMED_REQUEST);
            }
        }

        @ParameterizedTest
        @EnumSource(Action.class)
        void refuses_text_that_is_not_json(Action action) {
            String sample = samples.request(action);
            for (String broken : List.of(
                    "{",
                    sample.substring(0, sample.length() - 1),
                    sample.replaceFirst("\"", "'"),
                    "/* note */" + sample,
                    "{\"pageSize\":NaN}",
                    "<request/>")) {
                assertThat(call(action, broken)).as(broken).isRefusedWith(ErrorCode.MALFORMED_REQUEST);
            }
        }

        @ParameterizedTest
        @EnumSource(Action.class)
        void refuses_an_unknown_field(Action action) {
            ObjectNode request = sample(action);
            request.put("extra", "value");

            Result result = call(action, request.toString());

            assertThat(result).isRefusedWith(ErrorCode.MALFORMED_REQUEST);
            assertThat(result.message()).contains("unknown field extra");
        }

        @ParameterizedTest
        @EnumSource(Action.class)
        void refuses_a_duplicate_field(Action action) {
            String field = sample(action).fieldNames().next();
            String first = "\"" + field + "\":" + sample(action).get(field);

            Result result =
                    call(action, "{" + first + "," + samples.request(action).substring(1));

            assertThat(result).isRefusedWith(ErrorCode.MALFORMED_REQUEST);
            assertThat(result.message()).contains("duplicate field");
        }

        @ParameterizedTest
        @EnumSource(Action.class)
        void refuses_trailing_content_after_the_request(Action action) {
            assertThat(call(action, samples.request(action) + " {}")).isRefusedWith(ErrorCode.MALFORMED_REQUEST);
            assertThat(call(action, samples.request(action) + "x")).isRefusedWith(ErrorCode.MALFORMED_REQUEST);
        }

        @ParameterizedTest
        @EnumSource(Action.class)
        void refuses_deep_nesting(Action action) {
            String deep = "[".repeat(200) + "]".repeat(200);
            String request =
                    "{\"nested\":" + deep + "," + samples.request(action).substring(1);

            assertThat(call(action, request)).isRefusedWith(ErrorCode.MALFORMED_REQUEST);
        }

        @ParameterizedTest
        @EnumSource(Action.class)
        void refuses_a_request_over_its_size_limit(Action action) {
            // 256 KiB, except an EPCIS capture: a partner's whole document (2 MiB), all or nothing.
            int limit = action == Action.EVENT_CAPTURE ? Json.MAX_CAPTURE_BYTES : Json.MAX_REQUEST_BYTES;
            String padding = " ".repeat(limit + 44 * 1024);

            assertThat(call(action, samples.request(action) + padding)).isRefusedWith(ErrorCode.MALFORMED_REQUEST);
        }

        @ParameterizedTest(name = "{0} {2} of {1}")
        @MethodSource("io.heitu.chaincode.BadInputTest#textFields")
        void refuses_a_huge_string_in_any_text_field(Action action, String sample, String field) {
            ObjectNode request = parse(sample);
            request.put(field, "稻".repeat(70_000));

            assertThat(call(action, request.toString())).isRefusedWith(ErrorCode.MALFORMED_REQUEST);
        }

        @ParameterizedTest(name = "{0} {2} of {1}")
        @MethodSource("io.heitu.chaincode.BadInputTest#textFields")
        void refuses_an_oversized_value_in_any_text_field(Action action, String sample, String field) {
            ObjectNode request = parse(sample);
            request.put(field, request.get(field).asText() + "稻".repeat(2_001));

            assertRefusedAsInvalid(call(action, request.toString()), field + " of 2001 more characters");
        }

        @ParameterizedTest(name = "{0} {2} of {1}")
        @MethodSource("io.heitu.chaincode.BadInputTest#textFields")
        void refuses_control_and_invisible_characters_in_any_text_field(Action action, String sample, String field) {
            // NUL, BEL, an ANSI escape, a zero-width space, a right-to-left override, a lone surrogate
            for (String control : List.of("\\u0000", "\\u0007", "\\u001b[31m", "\\u200b", "\\u202e", "\\ud800")) {
                ObjectNode request = parse(sample);
                String value = request.get(field).asText();
                request.put(field, value.substring(0, value.length() / 2) + "@@" + value.substring(value.length() / 2));
                String json = request.toString().replace("@@", control);

                assertRefusedAsInvalid(call(action, json), field + " with " + control);
            }
        }

        @ParameterizedTest(name = "{0} {2} of {1}")
        @MethodSource("io.heitu.chaincode.BadInputTest#fields")
        void refuses_a_value_of_the_wrong_json_type_in_any_field(Action action, String sample, String field) {
            ObjectNode request = parse(sample);
            JsonNode value = request.get(field);
            for (JsonNode wrong : wrongTypesFor(value)) {
                request.set(field, wrong);

                assertThat(call(action, request.toString()))
                        .as(field + " = " + wrong)
                        .isRefusedWith(ErrorCode.MALFORMED_REQUEST);
            }
        }

        @ParameterizedTest
        @EnumSource(Action.class)
        void answers_an_empty_object_without_an_unexpected_failure(Action action) {
            Result result = call(action, "{}");

            assertThat(result).isNotAnInternalError();
            assertThat(result.ok()).isEqualTo(!action.isWrite() && emptyIsEnough(action));
        }
    }

    /** Every sample request and variant, with its action. */
    static Stream<Arguments> requests() {
        return Arrays.stream(Action.values())
                .flatMap(action -> samples.requests(action).stream().map(request -> Arguments.of(action, request)));
    }

    /** Every top-level field of every sample request and variant. */
    static Stream<Arguments> fields() {
        return requests().flatMap(arguments -> {
            String request = (String) arguments.get()[1];
            List<Arguments> fields = new ArrayList<>();
            parse(request)
                    .fieldNames()
                    .forEachRemaining(field -> fields.add(Arguments.of(arguments.get()[0], request, field)));
            return fields.stream();
        });
    }

    /** Every top-level text field of every sample request and variant. */
    static Stream<Arguments> textFields() {
        return fields().filter(arguments -> parse((String) arguments.get()[1])
                .get((String) arguments.get()[2])
                .isTextual());
    }

    private static List<JsonNode> wrongTypesFor(JsonNode value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        List<JsonNode> wrong = new ArrayList<>(List.of(nodes.objectNode().put("nested", 1), nodes.arrayNode()));
        if (value.isTextual()) {
            wrong.addAll(List.of(nodes.numberNode(6901234500011L), nodes.numberNode(1.5), nodes.booleanNode(true)));
        } else if (value.isNumber()) {
            wrong.addAll(List.of(nodes.textNode("10"), nodes.booleanNode(true)));
        } else if (value.isBoolean()) {
            wrong.addAll(List.of(nodes.textNode("true"), nodes.numberNode(1)));
        } else if (value.isObject()) {
            wrong.set(0, nodes.textNode("{}"));
            wrong.add(nodes.numberNode(1));
        } else if (value.isArray()) {
            wrong.set(1, nodes.textNode("[]"));
            wrong.add(nodes.numberNode(1));
        }
        return wrong;
    }

    /** Queries whose every field is optional. */
    private static boolean emptyIsEnough(Action action) {
        return switch (action) {
            case ORG_LIST, LOCATION_LIST, PRODUCT_LIST, QR_KEYS -> true;
            default -> false;
        };
    }

    private static ObjectNode sample(Action action) {
        return parse(samples.request(action));
    }

    private static ObjectNode parse(String request) {
        try {
            return (ObjectNode) MAPPER.readTree(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Result call(Action action, String request) {
        Role role = Samples.doer(action);
        Enrollment user = samples.world().user(role);
        return TestLedger.outcome(
                samples.world().ledger.simulate(user, action.transaction(), request, samples.transientData(action)));
    }

    /** Refused for what the value says, not for the shape of the request, and never unexpectedly. */
    private static void assertRefusedAsInvalid(Result result, String what) {
        assertThat(result.ok()).as(what + ": " + result).isFalse();
        assertThat(result).as(what).isNotRefusedWith(ErrorCode.MALFORMED_REQUEST);
    }
}
