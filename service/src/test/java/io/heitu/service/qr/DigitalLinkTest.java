package io.heitu.service.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heitu.service.qr.QrException.Error;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

public class DigitalLinkTest {

    static final String GTIN = "06901234500035";
    static final String HOST = "q.heitu.cn";

    @Nested
    class Building {

        @Test
        void writes_a_per_lot_uri_with_the_gtin_then_the_lot() {
            assertThat(DigitalLink.ofLot(GTIN, "R5-2026-1005").toUri(HOST))
                    .isEqualTo("https://q.heitu.cn/01/06901234500035/10/R5-2026-1005");
        }

        @Test
        void writes_a_per_unit_uri_with_the_serial_last() {
            assertThat(DigitalLink.ofUnit(GTIN, "R5-2026-1005", "7KQ2M9XW4HJD").toUri(HOST))
                    .isEqualTo("https://q.heitu.cn/01/06901234500035/10/R5-2026-1005/21/7KQ2M9XW4HJD");
        }

        @Test
        void pads_a_gtin_13_to_14_digits() {
            assertThat(DigitalLink.ofLot("6901234500035", "L1").gtin()).isEqualTo(GTIN);
        }

        @Test
        void refuses_a_gtin_with_a_wrong_check_digit() {
            assertError(() -> DigitalLink.ofLot("06901234500036", "L1"), Error.INVALID_GTIN);
        }

        @Test
        void refuses_a_lot_longer_than_20_characters() {
            assertError(() -> DigitalLink.ofLot(GTIN, "X".repeat(21)), Error.INVALID_LOT_CODE);
        }

        @Test
        void refuses_a_unit_without_a_serial() {
            assertError(() -> DigitalLink.ofUnit(GTIN, "L1", null), Error.INVALID_SERIAL);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "q.heitu.cn/x", "user@q.heitu.cn", "-bad.cn", "q.heitu.cn:port"})
        void refuses_a_host_that_is_not_a_dns_name(String host) {
            assertError(() -> DigitalLink.ofLot(GTIN, "L1").toUri(host), Error.INVALID_ARGUMENT);
        }
    }

    @Nested
    class ElementString {

        @Test
        void is_the_unbracketed_form_with_a_group_separator_before_the_serial() {
            assertThat(DigitalLink.ofLot(GTIN, "R5-2026-1005").elementString())
                    .isEqualTo("010690123450003510R5-2026-1005");
            assertThat(DigitalLink.ofUnit(GTIN, "R5-2026-1005", "7KQ2").elementString())
                    .isEqualTo("010690123450003510R5-2026-1005\u001D217KQ2");
        }

        @Test
        void tells_a_lot_with_brackets_apart_from_a_lot_and_serial() {
            DigitalLink bracketedLot = DigitalLink.ofLot(GTIN, "A(21)B");
            DigitalLink lotAndSerial = DigitalLink.ofUnit(GTIN, "A", "B");

            assertThat(bracketedLot.elementString()).isNotEqualTo(lotAndSerial.elementString());
        }

        @Test
        void does_not_depend_on_host_or_query() {
            DigitalLink one = DigitalLink.parse("https://q.heitu.cn/01/06901234500035/10/L1?s=x.y");
            DigitalLink other = DigitalLink.parse("http://id.gs1.org/01/6901234500035/10/L1?linkType=all#top");

            assertThat(one).isEqualTo(other);
            assertThat(one.elementString()).isEqualTo(other.elementString());
        }
    }

    @Nested
    class Parsing {

        @Test
        void reads_back_what_it_writes() {
            DigitalLink unit = DigitalLink.ofUnit(GTIN, "R5-2026-1005", "7KQ2M9XW4HJD");

            assertThat(DigitalLink.parse(unit.toUri(HOST))).isEqualTo(unit);
        }

        @Test
        void reads_a_per_lot_code_without_a_serial() {
            DigitalLink lot = DigitalLink.parse("https://q.heitu.cn/01/06901234500035/10/R5-2026-1005");

            assertThat(lot.perUnit()).isFalse();
            assertThat(lot.lot()).isEqualTo("R5-2026-1005");
        }

        @Test
        void refuses_the_serial_before_the_lot() {
            assertError(
                    () -> DigitalLink.parse("https://q.heitu.cn/01/06901234500035/21/S1/10/L1"),
                    Error.INVALID_DIGITAL_LINK);
        }

        @Test
        void refuses_a_code_without_a_lot() {
            assertError(() -> DigitalLink.parse("https://q.heitu.cn/01/06901234500035"), Error.INVALID_DIGITAL_LINK);
            assertError(
                    () -> DigitalLink.parse("https://q.heitu.cn/01/06901234500035/21/S1"), Error.INVALID_DIGITAL_LINK);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "https://q.heitu.cn/00/106141412345678908",
                    "https://q.heitu.cn/01/06901234500035/22/V1",
                    "https://q.heitu.cn/01/06901234500035/10/L1/17/261231",
                    "https://q.heitu.cn/01/06901234500035/10/L1/21/S1/99/x",
                    "https://q.heitu.cn/01/06901234500035/10/L1/",
                    "https://q.heitu.cn/prefix/01/06901234500035/10/L1",
                    "ftp://q.heitu.cn/01/06901234500035/10/L1",
                    "https://user@q.heitu.cn/01/06901234500035/10/L1",
                    "/01/06901234500035/10/L1",
                    "https://q.heitu.cn/01/06901234500035/10/L%1",
                    "https://q.heitu.cn/01/06901234500035/10/L%ZZ1",
                    "https://q.heitu.cn/01/06901234500035/10/a b",
                    "not a uri"
                })
        void refuses_other_ais_paths_and_schemes(String uri) {
            assertError(() -> DigitalLink.parse(uri), Error.INVALID_DIGITAL_LINK);
        }

        @Test
        void refuses_a_bad_gtin_lot_or_serial_with_their_own_codes() {
            assertError(() -> DigitalLink.parse("https://q.heitu.cn/01/06901234500036/10/L1"), Error.INVALID_GTIN);
            assertError(
                    () -> DigitalLink.parse("https://q.heitu.cn/01/06901234500035/10/" + "X".repeat(21)),
                    Error.INVALID_LOT_CODE);
            assertError(
                    () -> DigitalLink.parse("https://q.heitu.cn/01/06901234500035/10/L1/21/%23"), Error.INVALID_SERIAL);
        }

        @Test
        void refuses_non_ascii_letters_that_could_pass_for_others() {
            // 'Ł' is U+0141; taking its low byte would read it as 'A'.
            assertError(
                    () -> DigitalLink.parse("https://q.heitu.cn/01/06901234500035/10/\u0141B"),
                    Error.INVALID_DIGITAL_LINK);
            assertError(
                    () -> DigitalLink.parse("https://q.heitu.cn/01/06901234500035/10/%C5%81B"), Error.INVALID_LOT_CODE);
        }

        @Test
        void refuses_an_overlong_uri_before_parsing_it() {
            assertError(() -> DigitalLink.parse("https://q.heitu.cn/" + "a".repeat(3000)), Error.INVALID_DIGITAL_LINK);
        }
    }

    @Nested
    class PercentEncoding {

        @Test
        void encodes_reserved_characters_of_a_lot_and_reads_them_back() {
            DigitalLink link = DigitalLink.ofUnit(GTIN, "AB/12%3", "S(1)*");

            String uri = link.toUri(HOST);

            assertThat(uri).endsWith("/10/AB%2F12%253/21/S%281%29%2A");
            assertThat(DigitalLink.parse(uri)).isEqualTo(link);
        }

        @Test
        void round_trips_every_character_of_set_82() {
            String set82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
            for (int i = 0; i < set82.length(); i += 20) {
                String lot = set82.substring(i, Math.min(set82.length(), i + 20));
                DigitalLink link = DigitalLink.ofLot(GTIN, lot);

                assertThat(DigitalLink.parse(link.toUri(HOST))).isEqualTo(link);
            }
        }

        @Test
        void leaves_unreserved_characters_as_they_are() {
            assertThat(DigitalLink.ofLot(GTIN, "Ab-1._9").path()).isEqualTo("/01/06901234500035/10/Ab-1._9");
        }

        @Test
        void accepts_lowercase_escapes_and_bare_sub_delimiters_when_reading() {
            assertThat(DigitalLink.parse("https://q.heitu.cn/01/06901234500035/10/AB%2f12(3)")
                            .lot())
                    .isEqualTo("AB/12(3)");
        }
    }

    public static void assertError(ThrowingCallable call, Error error) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        QrException.class, e -> assertThat(e.error()).isEqualTo(error));
    }
}
