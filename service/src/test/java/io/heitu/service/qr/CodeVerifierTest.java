package io.heitu.service.qr;

import static io.heitu.service.qr.Fixtures.FARM_ED25519;
import static io.heitu.service.qr.Fixtures.GINSENG_ORG;
import static io.heitu.service.qr.Fixtures.GTIN;
import static io.heitu.service.qr.Fixtures.HOST;
import static io.heitu.service.qr.Fixtures.LOT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CodeVerifierTest {

    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final CodeVerifier verifier = Fixtures.verifier();

    @Nested
    class GenuineCodes {

        @ParameterizedTest
        @EnumSource(QrAlgorithm.class)
        void a_per_lot_code_signed_by_the_issuing_farm_is_genuine(QrAlgorithm algorithm) {
            String uri = new CodeSigner(Fixtures.farmKey(algorithm))
                    .sign(DigitalLink.ofLot(GTIN, LOT))
                    .toUri(HOST);

            CodeCheck verification = verifier.verify(uri);

            assertThat(verification.finding()).isEqualTo(CodeFinding.GENUINE);
            assertThat(verification.org()).isEqualTo("ShulanFarmMSP");
            assertThat(verification.link()).isEqualTo(DigitalLink.ofLot(GTIN, LOT));
        }

        @ParameterizedTest
        @EnumSource(QrAlgorithm.class)
        void a_per_unit_code_signed_by_the_issuing_farm_is_genuine(QrAlgorithm algorithm) {
            String uri = new CodeSigner(Fixtures.farmKey(algorithm))
                    .sign(Fixtures.unit(Serials.next()))
                    .toUri(HOST);

            assertThat(verifier.verify(uri).genuine()).isTrue();
        }

        @Test
        void another_host_and_extra_query_parameters_do_not_matter() {
            SignedLink code = new CodeSigner(FARM_ED25519).sign(Fixtures.unit("7KQ2M9XW4HJD"));
            String moved = code.toUri("id.gs1.org").replace("?", "?linkType=gs1%3Apip&") + "#label";

            assertThat(verifier.verify(moved).finding()).isEqualTo(CodeFinding.GENUINE);
        }

        @Test
        void the_signature_is_one_short_query_parameter() {
            String uri = new CodeSigner(FARM_ED25519)
                    .sign(Fixtures.unit("7KQ2M9XW4HJD"))
                    .toUri(HOST);

            assertThat(uri)
                    .matches("https://q\\.heitu\\.cn/01/\\d{14}/10/[^/?]+/21/[^/?]+\\?s=[\\w-]{11}\\.[\\w-]{86}");
            assertThat(uri.length()).isLessThan(180);
        }
    }

    @Nested
    class Forgeries {

        private final SignedLink genuine = new CodeSigner(FARM_ED25519).sign(Fixtures.unit("7KQ2M9XW4HJD"));
        private final String uri = genuine.toUri(HOST);

        @Test
        void a_changed_lot_is_not_genuine() {
            assertThat(verifier.verify(uri.replace("/10/" + LOT, "/10/R5-2026-1006"))
                            .finding())
                    .isEqualTo(CodeFinding.SIGNATURE_INVALID);
        }

        @Test
        void a_changed_serial_is_not_genuine() {
            assertThat(verifier.verify(uri.replace("7KQ2M9XW4HJD", "7KQ2M9XW4HJE"))
                            .finding())
                    .isEqualTo(CodeFinding.SIGNATURE_INVALID);
        }

        @Test
        void a_changed_gtin_is_not_genuine() {
            assertThat(verifier.verify(uri.replace(GTIN, "06901234500042")).finding())
                    .isEqualTo(CodeFinding.SIGNATURE_INVALID);
        }

        @Test
        void a_per_lot_code_lifted_from_a_unit_code_is_not_genuine() {
            String lifted = uri.replace("/21/7KQ2M9XW4HJD", "");

            assertThat(verifier.verify(lifted).finding()).isEqualTo(CodeFinding.SIGNATURE_INVALID);
        }

        @ParameterizedTest
        @EnumSource(QrAlgorithm.class)
        void any_flipped_signature_bit_is_not_genuine(QrAlgorithm algorithm) {
            SignedLink code = new CodeSigner(Fixtures.farmKey(algorithm)).sign(Fixtures.unit("7KQ2M9XW4HJD"));
            byte[] signature = code.signature().bytes();

            for (int bit = 0; bit < signature.length * 8; bit++) {
                byte[] flipped = signature.clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                SignedLink forged = new SignedLink(
                        code.link(), CodeSignature.of(code.signature().keyId(), flipped));

                assertThat(verifier.verify(forged.toUri(HOST)).finding())
                        .as("bit %d", bit)
                        .isEqualTo(CodeFinding.SIGNATURE_INVALID);
            }
        }

        @Test
        void another_organisations_signature_under_the_farms_key_id_is_not_genuine() {
            SignedLink byOther = new CodeSigner(GINSENG_ORG).sign(genuine.link());
            SignedLink forged = new SignedLink(
                    genuine.link(),
                    new CodeSignature(FARM_ED25519.keyId(), byOther.signature().value()));

            assertThat(verifier.verify(forged).finding()).isEqualTo(CodeFinding.SIGNATURE_INVALID);
        }

        @Test
        void another_organisation_signing_the_farms_product_with_its_own_key_is_not_genuine() {
            String minted = new CodeSigner(GINSENG_ORG).sign(genuine.link()).toUri(HOST);

            CodeCheck verification = verifier.verify(minted);

            assertThat(verification.finding()).isEqualTo(CodeFinding.NOT_ISSUED);
            assertThat(verification.org()).isEqualTo("FusongGinsengMSP");
        }

        @Test
        void a_key_nobody_registered_is_not_genuine() {
            QrKeyPair stranger = QrKeys.generate("ShulanFarmMSP", QrAlgorithm.ED25519);

            assertThat(verifier.verify(new CodeSigner(stranger).sign(genuine.link()))
                            .finding())
                    .isEqualTo(CodeFinding.UNKNOWN_KEY);
        }

        @Test
        void an_unknown_key_id_is_not_genuine() {
            String unknown = uri.replace("s=" + FARM_ED25519.keyId(), "s=AAAAAAAAAAA");

            assertThat(verifier.verify(unknown).finding()).isEqualTo(CodeFinding.UNKNOWN_KEY);
        }

        @Test
        void a_revoked_key_is_not_genuine() {
            KeySet keys = KeySet.of(List.of(FARM_ED25519.published(KeyStatus.REVOKED)));

            assertThat(new CodeVerifier(keys::find, Fixtures::issued)
                            .verify(uri)
                            .finding())
                    .isEqualTo(CodeFinding.KEY_REVOKED);
        }

        @Test
        void a_key_registered_under_an_id_not_derived_from_it_is_not_trusted() {
            // The ledger lets an organisation name its key; the ginseng company borrows the farm's id.
            PublishedKey impostor = new PublishedKey(
                    FARM_ED25519.keyId(),
                    "FusongGinsengMSP",
                    QrAlgorithm.ED25519,
                    GINSENG_ORG.publicKey(),
                    KeyStatus.ACTIVE);
            String minted = new SignedLink(
                            genuine.link(),
                            new CodeSignature(
                                    FARM_ED25519.keyId(),
                                    new CodeSigner(GINSENG_ORG)
                                            .sign(genuine.link())
                                            .signature()
                                            .value()))
                    .toUri(HOST);

            CodeVerifier trusting = new CodeVerifier(id -> Optional.of(impostor), (link, key) -> true);

            assertThat(trusting.verify(minted).finding()).isEqualTo(CodeFinding.UNKNOWN_KEY);
            assertThat(KeySet.of(List.of(impostor)).find(FARM_ED25519.keyId())).isEmpty();
        }

        @Test
        void the_farms_own_key_copied_by_another_organisation_is_not_trusted() {
            PublishedKey copied = new PublishedKey(
                    QrKeys.keyId("FusongGinsengMSP", QrAlgorithm.ED25519, FARM_ED25519.publicKey()),
                    "FusongGinsengMSP",
                    QrAlgorithm.ED25519,
                    FARM_ED25519.publicKey(),
                    KeyStatus.ACTIVE);

            assertThat(copied.keyId()).isNotEqualTo(FARM_ED25519.keyId());
        }
    }

    @Nested
    class UnsignedAndMalformed {

        @Test
        void a_code_without_a_signature_is_unsigned() {
            CodeCheck verification =
                    verifier.verify(DigitalLink.ofLot(GTIN, LOT).toUri(HOST));

            assertThat(verification.finding()).isEqualTo(CodeFinding.UNSIGNED);
            assertThat(verification.link()).isEqualTo(DigitalLink.ofLot(GTIN, LOT));
        }

        @Test
        void two_signature_parameters_are_malformed() {
            String uri = new CodeSigner(FARM_ED25519)
                    .sign(DigitalLink.ofLot(GTIN, LOT))
                    .toUri(HOST);
            String doubled = uri + "&s=" + uri.substring(uri.indexOf("s=") + 2);

            assertThat(verifier.verify(doubled).finding()).isEqualTo(CodeFinding.MALFORMED);
        }

        @Test
        void a_truncated_signature_or_one_without_its_key_id_is_malformed() {
            String uri = new CodeSigner(FARM_ED25519)
                    .sign(DigitalLink.ofLot(GTIN, LOT))
                    .toUri(HOST);

            assertThat(verifier.verify(uri.substring(0, uri.length() - 2)).finding())
                    .isEqualTo(CodeFinding.MALFORMED);
            assertThat(verifier.verify(uri.replace(FARM_ED25519.keyId() + ".", ""))
                            .finding())
                    .isEqualTo(CodeFinding.MALFORMED);
        }

        @Test
        void a_signature_spelled_with_spare_bits_set_is_malformed() {
            String uri = new CodeSigner(FARM_ED25519)
                    .sign(DigitalLink.ofLot(GTIN, LOT))
                    .toUri(HOST);
            // 64 bytes fill 86 characters with 4 bits over; the JDK decoder would ignore them.
            int last = BASE64URL.indexOf(uri.charAt(uri.length() - 1));
            String respelled = uri.substring(0, uri.length() - 1) + BASE64URL.charAt((last & 0x30) | 0x01);

            assertThat(verifier.verify(respelled).finding()).isEqualTo(CodeFinding.MALFORMED);
        }

        @Test
        void garbage_is_malformed_and_never_throws() {
            for (String garbage : new String[] {null, "", "hello", "https://q.heitu.cn/", "https://q.heitu.cn/01/x"}) {
                assertThat(verifier.verify(garbage).finding()).isEqualTo(CodeFinding.MALFORMED);
            }
        }
    }
}
