package io.heitu.service.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Gs1Test {

    @Nested
    class CheckDigits {

        @Test
        void computes_the_mod_10_check_digit_of_a_gtin() {
            assertThat(Gs1.checkDigit("0690123450003")).isEqualTo(5);
            assertThat(Gs1.checkDigit("0001234560001")).isEqualTo(2);
        }

        @Test
        void accepts_digits_ending_in_their_check_digit() {
            assertThat(Gs1.checkDigitValid("06901234500035")).isTrue();
            assertThat(Gs1.checkDigitValid("4006381333931")).isTrue();
            assertThat(Gs1.checkDigitValid("96385074")).isTrue();
        }

        @Test
        void rejects_digits_with_any_other_last_digit() {
            for (int digit = 0; digit <= 9; digit++) {
                if (digit != 5) {
                    assertThat(Gs1.checkDigitValid("0690123450003" + digit)).isFalse();
                }
            }
        }
    }

    @Nested
    class Gtins {

        @Test
        void pads_gtin_8_12_and_13_to_gtin_14() {
            assertThat(Gs1.gtin14("96385074")).isEqualTo("00000096385074");
            assertThat(Gs1.gtin14("036000291452")).isEqualTo("00036000291452");
            assertThat(Gs1.gtin14("6901234500035")).isEqualTo("06901234500035");
            assertThat(Gs1.gtin14("06901234500035")).isEqualTo("06901234500035");
        }

        @ParameterizedTest
        @ValueSource(strings = {"06901234500036", "6901234500034", "", "1234567", "123456789", "0690123450003X"})
        void rejects_a_wrong_check_digit_or_length(String gtin) {
            assertThatThrownBy(() -> Gs1.gtin14(gtin))
                    .isInstanceOfSatisfying(
                            QrException.class, e -> assertThat(e.error()).isEqualTo(QrException.Error.INVALID_GTIN));
        }

        @Test
        void rejects_a_missing_gtin_with_the_same_code() {
            assertThatThrownBy(() -> Gs1.gtin14(null))
                    .isInstanceOfSatisfying(
                            QrException.class, e -> assertThat(e.code()).isEqualTo("INVALID_GTIN"));
        }
    }

    @Nested
    class LotsAndSerials {

        @ParameterizedTest
        @ValueSource(strings = {"R5-2026-1005", "A", "AB/12%3", "!\"%&'()*+,-./:;<=>?_", "12345678901234567890"})
        void accept_1_to_20_characters_of_set_82(String value) {
            assertThat(Gs1.lot(value)).isEqualTo(value);
            assertThat(Gs1.serial(value)).isEqualTo(value);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "123456789012345678901", "a b", "批号", "lot#1", "x@y", "[1]", "a\u001Db", "é"})
        void reject_other_characters_or_lengths(String value) {
            assertThatThrownBy(() -> Gs1.lot(value))
                    .isInstanceOfSatisfying(
                            QrException.class,
                            e -> assertThat(e.error()).isEqualTo(QrException.Error.INVALID_LOT_CODE));
            assertThatThrownBy(() -> Gs1.serial(value))
                    .isInstanceOfSatisfying(
                            QrException.class, e -> assertThat(e.error()).isEqualTo(QrException.Error.INVALID_SERIAL));
        }
    }
}
