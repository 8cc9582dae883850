package io.heitu.service.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SerialsTest {

    @Nested
    class Drawing {

        @Test
        void draws_12_unambiguous_characters_that_are_a_valid_ai_21() {
            String serial = Serials.next();

            assertThat(serial).matches("[2-9A-HJ-NP-Z]{12}");
            assertThat(Gs1.serial(serial)).isEqualTo(serial);
        }

        @Test
        void draws_a_batch_of_distinct_serials() {
            List<String> batch = Serials.batch(10_000);

            assertThat(batch).hasSize(10_000);
            assertThat(new HashSet<>(batch)).hasSize(10_000);
        }

        @Test
        void uses_every_symbol_of_the_alphabet() {
            String many = String.join("", Serials.batch(1_000));

            for (char symbol : Serials.ALPHABET.toCharArray()) {
                assertThat(many).contains(String.valueOf(symbol));
            }
        }

        @Test
        void refuses_an_empty_or_oversized_batch() {
            assertThatThrownBy(() -> Serials.batch(0)).isInstanceOf(QrException.class);
            assertThatThrownBy(() -> Serials.batch(Serials.MAX_BATCH + 1)).isInstanceOf(QrException.class);
        }
    }

    @Nested
    class Digest {

        @Test
        void is_the_sha256_of_the_sorted_serials_joined_by_newlines() {
            // printf 'A2\nB3\nC4' | sha256sum
            assertThat(Serials.digest(List.of("C4", "A2", "B3")))
                    .isEqualTo("c98e690774847fa6c37719a2c5930c4c176fcf6e05c1a54e22d855780b5f9dc7");
        }

        @Test
        void does_not_depend_on_the_order_of_the_serials() {
            List<String> serials = Serials.batch(500);
            List<String> reversed = new ArrayList<>(serials);
            Collections.reverse(reversed);

            assertThat(Serials.digest(reversed))
                    .isEqualTo(Serials.digest(serials))
                    .matches("[0-9a-f]{64}");
        }

        @Test
        void refuses_duplicates_and_empty_lists() {
            assertThatThrownBy(() -> Serials.digest(List.of("A2", "A2"))).isInstanceOf(QrException.class);
            assertThatThrownBy(() -> Serials.digest(List.of())).isInstanceOf(QrException.class);
        }
    }
}
