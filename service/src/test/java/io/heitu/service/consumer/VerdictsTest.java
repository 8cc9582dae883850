package io.heitu.service.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.lot.page.LotPage;
import io.heitu.service.qr.CodeCheck;
import io.heitu.service.qr.CodeFinding;
import io.heitu.service.qr.DigitalLink;
import io.heitu.service.qr.QrSettings;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VerdictsTest {

    static final QrSettings SETTINGS = new QrSettings("https://q.heitu.cn", 100_000, 1000, 5, 3, Duration.ofSeconds(2));
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final DigitalLink UNIT = DigitalLink.ofUnit("06901234500035", "R5-2026-1005", "ABCDEFGHJKLM");
    static final DigitalLink LOT = DigitalLink.ofLot("06901234500035", "R5-2026-1005");
    static final CodeCheck SIGNED = new CodeCheck(CodeFinding.GENUINE, UNIT, "kid", "RiceMillMSP");
    static final LotPage.Org MILL = new LotPage.Org("RiceMillMSP", "稻香米业", "Daoxiang");

    static LotPage page(String state, List<LotPage.Certificate> certificates) {
        LotPage.StatusChange recall =
                "recalled".equals(state) ? new LotPage.StatusChange("镉超标", OffsetDateTime.now(), MILL, null) : null;
        return new LotPage(
                new LotPage.Product("06901234500035", "舒兰大米", null, "rice", null, false, null, null, MILL),
                new LotPage.Lot("06901234500035", "R5-2026-1005", state, null, null, null, null, null, recall, MILL),
                null,
                List.of(),
                List.of(),
                null,
                certificates,
                List.of(),
                List.of(),
                Set.of());
    }

    static LotPage fine() {
        return page("active", List.of(certificate("active", TODAY)));
    }

    static LotPage.Certificate certificate(String status, LocalDate validUntil) {
        return new LotPage.Certificate(
                "green_food", "LB-1", MILL, null, null, validUntil, status, "product", null, null);
    }

    static Verdicts.Decision decide(CodeCheck code, LotPage page, Scans.Stats scans) {
        return Verdicts.decide(code, true, page, Optional.empty(), scans, SETTINGS, TODAY);
    }

    /** Requests from one client in one place. */
    static Scans.Stats scans(long count, long afterSoldOut) {
        return seen(count, afterSoldOut, 1, 1, afterSoldOut > 0 ? 1 : 0, Duration.ZERO);
    }

    static Scans.Stats seen(
            long count, long afterSoldOut, int clients, int places, int clientsAfterSoldOut, Duration over) {
        OffsetDateTime first = OffsetDateTime.now().minus(over);
        return new Scans.Stats(count, afterSoldOut, first, clients, places, clientsAfterSoldOut, first.plus(over));
    }

    @Test
    void a_signed_issued_code_of_a_sound_lot_is_genuine() {
        assertThat(decide(SIGNED, fine(), scans(1, 0)).verdict()).isEqualTo(Verdict.GENUINE);
    }

    @Nested
    class TheCodeComesFirst {

        @ParameterizedTest
        @EnumSource(value = CodeFinding.class, names = "GENUINE", mode = EnumSource.Mode.EXCLUDE)
        void no_code_that_fails_its_check_is_ever_genuine_whatever_the_lot(CodeFinding verdict) {
            CodeCheck code = new CodeCheck(verdict, UNIT, "kid", "RiceMillMSP");
            assertThat(decide(code, fine(), scans(1, 0)).verdict()).isNotEqualTo(Verdict.GENUINE);
        }

        @Test
        void unknown_keys_missing_signatures_and_codes_never_issued_are_unknown_codes() {
            for (CodeFinding verdict : List.of(CodeFinding.UNKNOWN_KEY, CodeFinding.UNSIGNED, CodeFinding.NOT_ISSUED)) {
                Verdicts.Decision decision = decide(new CodeCheck(verdict, UNIT, null, null), fine(), null);
                assertThat(decision.verdict()).isEqualTo(Verdict.UNKNOWN_CODE);
                assertThat(decision.reason()).isEqualTo(verdict.name());
            }
        }

        @Test
        void a_bad_or_garbled_signature_is_a_signature_invalid() {
            assertThat(decide(new CodeCheck(CodeFinding.SIGNATURE_INVALID, UNIT, "kid", "RiceMillMSP"), fine(), null)
                            .verdict())
                    .isEqualTo(Verdict.SIGNATURE_INVALID);
            assertThat(decide(new CodeCheck(CodeFinding.MALFORMED, UNIT, null, null), fine(), null)
                            .verdict())
                    .isEqualTo(Verdict.SIGNATURE_INVALID);
        }

        @Test
        void a_revoked_key_beats_everything_about_the_lot() {
            CodeCheck revoked = new CodeCheck(CodeFinding.KEY_REVOKED, UNIT, "kid", "RiceMillMSP");
            assertThat(decide(revoked, page("recalled", List.of()), null).verdict())
                    .isEqualTo(Verdict.KEY_REVOKED);
        }
    }

    @Nested
    class ThenTheLedgerAndTheLot {

        @Test
        void nothing_is_genuine_while_the_ledger_fails_verification() {
            var decision = Verdicts.decide(SIGNED, false, fine(), Optional.empty(), scans(1, 0), SETTINGS, TODAY);
            assertThat(decision.verdict()).isEqualTo(Verdict.UNVERIFIED);
        }

        @Test
        void a_frozen_code_says_so_with_the_reason() {
            var freeze = new Freezes.Freeze(
                    1L, UNIT.gtin(), UNIT.lot(), UNIT.serial(), "label stolen", "miller", "RiceMillMSP", null);
            var decision = Verdicts.decide(SIGNED, true, fine(), Optional.of(freeze), scans(1, 0), SETTINGS, TODAY);
            assertThat(decision.verdict()).isEqualTo(Verdict.FROZEN);
            assertThat(decision.reason()).isEqualTo("label stolen");
        }

        @Test
        void a_recall_and_a_hold_are_shown_before_certificates_and_scans() {
            var recalled = decide(SIGNED, page("recalled", List.of(certificate("revoked", null))), scans(99, 9));
            assertThat(recalled.verdict()).isEqualTo(Verdict.RECALLED);
            assertThat(recalled.reason()).isEqualTo("镉超标");
            assertThat(decide(SIGNED, page("on_hold", List.of()), scans(99, 9)).verdict())
                    .isEqualTo(Verdict.ON_HOLD);
        }

        @Test
        void a_certificate_past_its_end_date_or_revoked_is_flagged() {
            assertThat(decide(SIGNED, page("active", List.of(certificate("active", TODAY.minusDays(1)))), null)
                            .verdict())
                    .isEqualTo(Verdict.CERTIFICATE_EXPIRED);
            assertThat(decide(SIGNED, page("active", List.of(certificate("revoked", null))), null)
                            .verdict())
                    .isEqualTo(Verdict.CERTIFICATE_EXPIRED);
            assertThat(decide(SIGNED, page("active", List.of(certificate("active", TODAY))), null)
                            .verdict())
                    .isEqualTo(Verdict.GENUINE);
        }

        @Test
        void a_lot_the_ledger_no_longer_has_is_unknown() {
            assertThat(decide(SIGNED, null, null).verdict()).isEqualTo(Verdict.UNKNOWN_CODE);
        }
    }

    @Nested
    class ScanPattern {

        @Test
        void one_client_asking_any_number_of_times_never_makes_a_genuine_code_suspicious() {
            assertThat(decide(SIGNED, fine(), scans(21, 0)).verdict()).isEqualTo(Verdict.GENUINE);
            assertThat(decide(SIGNED, fine(), scans(1_000_000, 0)).verdict()).isEqualTo(Verdict.GENUINE);
            assertThat(decide(SIGNED, fine(), scans(1_000, 1_000)).verdict()).isEqualTo(Verdict.GENUINE);
        }

        @Test
        void a_unit_code_scanned_in_more_than_five_places_is_suspicious_and_says_where_and_how_long() {
            assertThat(decide(SIGNED, fine(), seen(40, 0, 9, 5, 0, Duration.ofHours(30)))
                            .verdict())
                    .isEqualTo(Verdict.GENUINE);
            Verdicts.Decision flagged = decide(SIGNED, fine(), seen(40, 0, 20, 14, 0, Duration.ofHours(30)));
            assertThat(flagged.verdict()).isEqualTo(Verdict.SUSPICIOUS);
            assertThat(flagged.reason()).isEqualTo("SCANNED_IN_14_PLACES_IN_2_DAYS");
        }

        @Test
        void many_clients_in_one_place_are_a_shop_not_a_copied_code() {
            assertThat(decide(SIGNED, fine(), seen(200, 0, 50, 1, 0, Duration.ofDays(3)))
                            .verdict())
                    .isEqualTo(Verdict.GENUINE);
        }

        @Test
        void more_than_three_clients_after_the_lot_sold_out_are_suspicious() {
            assertThat(decide(SIGNED, fine(), seen(9, 9, 3, 1, 3, Duration.ZERO))
                            .verdict())
                    .isEqualTo(Verdict.GENUINE);
            Verdicts.Decision flagged = decide(SIGNED, fine(), seen(9, 9, 4, 1, 4, Duration.ZERO));
            assertThat(flagged.verdict()).isEqualTo(Verdict.SUSPICIOUS);
            assertThat(flagged.reason()).isEqualTo("SCANNED_BY_4_CLIENTS_AFTER_SOLD_OUT");
        }

        @Test
        void a_lot_code_is_on_every_bag_so_its_scans_are_never_suspicious() {
            CodeCheck lotCode = new CodeCheck(CodeFinding.GENUINE, LOT, "kid", "RiceMillMSP");
            assertThat(decide(lotCode, fine(), seen(10_000, 500, 900, 300, 200, Duration.ofDays(9)))
                            .verdict())
                    .isEqualTo(Verdict.GENUINE);
        }
    }
}
