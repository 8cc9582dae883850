package io.heitu.service.qr;

import static io.heitu.service.qr.Fixtures.FARM_ED25519;
import static io.heitu.service.qr.Fixtures.FARM_ES256;
import static io.heitu.service.qr.Fixtures.GTIN;
import static io.heitu.service.qr.Fixtures.HOST;
import static io.heitu.service.qr.Fixtures.LOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

class QrKeysTest {

    @Nested
    class KeyIds {

        @ParameterizedTest
        @EnumSource(QrAlgorithm.class)
        void are_11_base64url_characters_that_survive_the_ledgers_encoding(QrAlgorithm algorithm) {
            QrKeyPair key = Fixtures.farmKey(algorithm);
            PublicKey fromLedger = QrKeys.fromSpki(algorithm, key.registration().publicKey());

            assertThat(key.keyId()).matches("[A-Za-z0-9_-]{11}");
            assertThat(QrKeys.keyId("ShulanFarmMSP", algorithm, fromLedger)).isEqualTo(key.keyId());
        }

        @Test
        void differ_for_the_same_key_under_another_organisation() {
            assertThat(QrKeys.keyId("FusongGinsengMSP", QrAlgorithm.ED25519, FARM_ED25519.publicKey()))
                    .isNotEqualTo(FARM_ED25519.keyId());
        }

        @Test
        void differ_between_fresh_keys() {
            assertThat(QrKeys.generate("ShulanFarmMSP", QrAlgorithm.ED25519).keyId())
                    .isNotEqualTo(FARM_ED25519.keyId());
        }
    }

    @Nested
    class Registration {

        @Test
        void names_the_algorithm_as_the_ledger_expects() {
            assertThat(FARM_ED25519.registration().algorithm()).isEqualTo("Ed25519");
            assertThat(FARM_ES256.registration().algorithm()).isEqualTo("ES256");
            assertThat(FARM_ED25519.registration().keyId()).isEqualTo(FARM_ED25519.keyId());
        }

        @Test
        void publishes_a_subject_public_key_info_the_jdk_reads_as_the_chaincode_does() throws Exception {
            byte[] ed = Base64.getDecoder().decode(FARM_ED25519.registration().publicKey());
            byte[] ec = Base64.getDecoder().decode(FARM_ES256.registration().publicKey());

            assertThat(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(ed)))
                    .isNotNull();
            ECPublicKey p256 = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(ec));
            assertThat(p256.getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        }

        @Test
        void reads_back_from_the_ledgers_fields() {
            KeyRegistration registration = FARM_ES256.registration();

            PublishedKey key = PublishedKey.fromLedger(
                    "ShulanFarmMSP", registration.keyId(), "ES256", registration.publicKey(), "active");

            assertThat(key.bound()).isTrue();
            assertThat(key.status()).isEqualTo(KeyStatus.ACTIVE);
        }

        @Test
        void never_prints_the_private_key() {
            String printed = FARM_ED25519.toString();

            assertThat(printed).contains(FARM_ED25519.keyId()).doesNotContainIgnoringCase("private");
            assertThat(printed)
                    .doesNotContain(Base64.getEncoder()
                            .encodeToString(FARM_ED25519.privateKey().getEncoded())
                            .substring(20, 40));
        }
    }

    @Nested
    class ForeignKeys {

        @Test
        void refuses_a_p384_key_as_es256() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp384r1"));
            String p384 = QrKeys.spki(generator.generateKeyPair().getPublic());

            assertThatThrownBy(() -> QrKeys.fromSpki(QrAlgorithm.ES256, p384))
                    .isInstanceOfSatisfying(
                            QrException.class, e -> assertThat(e.error()).isEqualTo(QrException.Error.INVALID_KEY));
        }

        @Test
        void refuses_an_ed25519_key_as_es256_and_garbage_as_either() {
            String ed = FARM_ED25519.registration().publicKey();

            assertThatThrownBy(() -> QrKeys.fromSpki(QrAlgorithm.ES256, ed)).isInstanceOf(QrException.class);
            assertThatThrownBy(() -> QrKeys.fromSpki(QrAlgorithm.ED25519, "not base64!"))
                    .isInstanceOf(QrException.class);
            assertThatThrownBy(() -> PublishedKey.fromLedger("X", "k", "RS256", ed, "active"))
                    .isInstanceOf(QrException.class);
        }

        @Test
        void reads_an_unknown_status_as_revoked() {
            assertThat(KeyStatus.fromWire("suspended")).isEqualTo(KeyStatus.REVOKED);
            assertThat(KeyStatus.fromWire(null)).isEqualTo(KeyStatus.REVOKED);
        }
    }

    @Nested
    class KeySets {

        private final JsonMapper json = JsonMapper.builder().build();

        @Test
        void publish_okp_and_ec_entries_with_status_and_owner() {
            KeySet keys = KeySet.of(
                    List.of(FARM_ED25519.published(KeyStatus.ACTIVE), FARM_ES256.published(KeyStatus.REVOKED)));

            String published = json.writeValueAsString(keys.toJwks());
            Jwk ed = keys.find(FARM_ED25519.keyId()).orElseThrow().toJwk();
            Jwk ec = keys.find(FARM_ES256.keyId()).orElseThrow().toJwk();

            assertThat(published).startsWith("{\"keys\":[");
            assertThat(ed.kty()).isEqualTo("OKP");
            assertThat(ed.crv()).isEqualTo("Ed25519");
            assertThat(ed.x()).hasSize(43);
            assertThat(ed.y()).isNull();
            assertThat(ed.status()).isEqualTo("active");
            assertThat(ec.kty()).isEqualTo("EC");
            assertThat(ec.crv()).isEqualTo("P-256");
            assertThat(ec.x()).hasSize(43);
            assertThat(ec.y()).hasSize(43);
            assertThat(ec.status()).isEqualTo("revoked");
            assertThat(ec.org()).isEqualTo("ShulanFarmMSP");
            assertThat(published).contains("\"alg\":\"EdDSA\"").doesNotContain("\"y\":null");
        }

        @Test
        void list_keys_sorted_by_id() {
            List<String> ids =
                    Fixtures.activeKeys().toJwks().keys().stream().map(Jwk::kid).toList();

            assertThat(ids).isSorted().hasSize(3);
        }

        @Test
        void check_codes_offline_from_a_downloaded_key_set() {
            String published = json.writeValueAsString(Fixtures.activeKeys().toJwks());
            KeySet downloaded = KeySet.fromJwks(json.readValue(published, Jwks.class));
            CodeVerifier offline = new CodeVerifier(downloaded::find, Fixtures::issued);

            for (QrKeyPair key : List.of(FARM_ED25519, FARM_ES256)) {
                String uri =
                        new CodeSigner(key).sign(DigitalLink.ofLot(GTIN, LOT)).toUri(HOST);

                assertThat(offline.verify(uri).finding()).isEqualTo(CodeFinding.GENUINE);
            }
        }

        @Test
        void let_a_revocation_win_over_an_active_copy_of_the_same_key() {
            KeySet keys = KeySet.of(
                    List.of(FARM_ED25519.published(KeyStatus.REVOKED), FARM_ED25519.published(KeyStatus.ACTIVE)));

            assertThat(keys.find(FARM_ED25519.keyId()).orElseThrow().status()).isEqualTo(KeyStatus.REVOKED);
        }

        @Test
        void refuse_an_entry_on_another_curve() {
            Jwk ed = FARM_ED25519.published(KeyStatus.ACTIVE).toJwk();
            Jwk wrongCurve = new Jwk(ed.kid(), "OKP", "X25519", ed.x(), null, "EdDSA", "active", ed.org());

            assertThatThrownBy(() -> PublishedKey.fromJwk(wrongCurve)).isInstanceOf(QrException.class);
        }

        @Test
        void refuse_a_point_that_is_not_on_p256() {
            Jwk ec = FARM_ES256.published(KeyStatus.ACTIVE).toJwk();
            Jwk offCurve = new Jwk(ec.kid(), "EC", "P-256", ec.x(), ec.x(), "ES256", "active", ec.org());

            assertThatThrownBy(() -> PublishedKey.fromJwk(offCurve)).isInstanceOf(QrException.class);
        }
    }
}
