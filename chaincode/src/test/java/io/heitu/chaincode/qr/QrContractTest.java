package io.heitu.chaincode.qr;

import static io.heitu.chaincode.support.J.of;
import static io.heitu.chaincode.support.ResultAssert.assertThat;
import static io.heitu.chaincode.support.World.MILL;
import static io.heitu.chaincode.support.World.MILLED_RICE;
import static io.heitu.chaincode.support.World.PADDY;
import static io.heitu.chaincode.support.World.RICE_BAG_5KG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.support.Result;
import io.heitu.chaincode.support.SigningKeys;
import io.heitu.chaincode.support.World;
import io.heitu.identity.Enrollment;
import java.security.KeyPairGenerator;
import java.security.Security;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QrContractTest {

    private final World world = World.standard();
    private final World.RiceChain chain = world.riceChain("Q");

    @Nested
    class RegisterKey {

        @Test
        void publishes_an_ed25519_or_p256_key_for_anyone_to_check_codes_with() {
            Result ed25519 = register(world.miller, "k-1", "Ed25519", SigningKeys.ED25519);
            Result es256 = register(world.farmer, "k-1", "ES256", SigningKeys.ES256);

            assertThat(ed25519).isOk();
            assertThat(es256).isOk();
            assertThat(ed25519.json().path("status").asText()).isEqualTo("active");
            assertThat(ed25519.json().path("publicKey").asText()).isEqualTo(SigningKeys.ED25519);
            assertThat(ed25519.event().getEventName()).isEqualTo("SigningKeyRegistered");
            assertThat(ed25519.event().getPayload().toStringUtf8())
                    .isEqualTo("{\"id\":\"RiceMillMSP/k-1\",\"kind\":\"qrkey\",\"lots\":[]}");
            assertThat(keyIds(of("mspId", MILL))).containsExactly("k-1");
            assertThat(keyIds("{}")).containsExactly("k-1", "k-1");
        }

        @Test
        void refuses_a_key_that_is_not_what_its_algorithm_says() {
            String p384 = SigningKeys.ec("secp384r1");
            String garbage = Base64.getEncoder().encodeToString("not a key".getBytes());

            assertThat(register(world.miller, "k-2", "ES256", p384)).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(register(world.miller, "k-2", "ES256", SigningKeys.ED25519))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(register(world.miller, "k-2", "Ed25519", SigningKeys.ES256))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(register(world.miller, "k-2", "Ed25519", garbage)).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(register(world.miller, "k-2", "Ed25519", "%%%")).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(register(world.miller, "k-2", "RS256", SigningKeys.ES256))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void refuses_another_256_bit_curve_as_es256_even_where_a_provider_knows_it() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
            generator.initialize(new ECGenParameterSpec("brainpoolP256r1"));
            String brainpool = Base64.getEncoder()
                    .encodeToString(generator.generateKeyPair().getPublic().getEncoded());
            // A peer whose JVM lists Bouncy Castle first decodes brainpool keys as EC keys.
            Security.insertProviderAt(new BouncyCastleProvider(), 1);
            try {
                assertThat(register(world.miller, "k-4", "ES256", brainpool)).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
                assertThat(register(world.miller, "k-5", "ES256", SigningKeys.ES256))
                        .isOk();
            } finally {
                Security.removeProvider(BouncyCastleProvider.PROVIDER_NAME);
            }
        }

        @Test
        void refuses_a_key_id_the_organisation_used_before() {
            register(world.miller, "k-3", "Ed25519", SigningKeys.ED25519);

            assertThat(register(world.miller, "k-3", "ES256", SigningKeys.ES256))
                    .isRefusedWith(ErrorCode.SIGNING_KEY_EXISTS);
        }

        private List<String> keyIds(String request) {
            List<String> ids = new ArrayList<>();
            world.query(world.grocer, "qr:Keys", request)
                    .json()
                    .forEach(key -> ids.add(key.path("keyId").asText()));
            return ids;
        }
    }

    @Nested
    class RevokeKey {

        @Test
        void the_owner_revokes_its_key_once() {
            register(world.miller, "k-10", "Ed25519", SigningKeys.ED25519);

            Result result = revoke(world.miller, MILL, "k-10");

            assertThat(result).isOk();
            assertThat(result.json().path("status").asText()).isEqualTo("revoked");
            assertThat(result.json().path("revokedReason").asText()).isEqualTo("泄露");
            assertThat(result.json().path("revokedAt").asText()).isEqualTo("2026-10-05T02:00:00.000Z");
            assertThat(result.event().getEventName()).isEqualTo("SigningKeyRevoked");
            assertThat(revoke(world.miller, MILL, "k-10")).isRefusedWith(ErrorCode.SIGNING_KEY_REVOKED);
        }

        @Test
        void a_regulator_revokes_any_key_and_another_organisation_none() {
            register(world.miller, "k-11", "Ed25519", SigningKeys.ED25519);

            assertThat(revoke(world.farmer, MILL, "k-11")).isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
            assertThat(revoke(world.regulator, MILL, "k-11")).isOk();
        }

        @Test
        void answers_not_found_for_an_unknown_key() {
            assertThat(revoke(world.miller, MILL, "k-none")).isRefusedWith(ErrorCode.SIGNING_KEY_NOT_FOUND);
        }

        private Result revoke(Enrollment user, String mspId, String keyId) {
            return world.ledger.submit(user, "qr:RevokeKey", of("mspId", mspId, "keyId", keyId, "reason", "泄露"));
        }
    }

    @Nested
    class RecordIssuance {

        @Test
        void refuses_codes_before_a_passing_inspection_where_the_product_requires_one() {
            register(world.miller, "k-20", "Ed25519", SigningKeys.ED25519);

            assertThat(issue(world.miller, RICE_BAG_5KG, chain.bags(), "k-20"))
                    .isRefusedWith(ErrorCode.INSPECTION_REQUIRED);
            world.labResult(RICE_BAG_5KG, chain.bags(), "0.05");
            Result issued = issue(world.miller, RICE_BAG_5KG, chain.bags(), "k-20");

            assertThat(issued).isOk();
            assertThat(issued.json().toString())
                    .isEqualTo("{\"count\":1000,\"gtin\":\"06901234500035\",\"issuanceId\":\""
                            + issued.event().getTxId()
                            + "\",\"issuedAt\":\"2026-10-05T02:00:00.000Z\",\"issuerMsp\":\"RiceMillMSP\","
                            + "\"keyId\":\"k-20\",\"lotCode\":\"Q-B\",\"perUnit\":true,\"serialsDigest\":\""
                            + "b".repeat(64) + "\"}");
            assertThat(issued.event().getEventName()).isEqualTo("CodesIssued");
            JsonNode issuances = world.query(
                            world.grocer, "qr:Issuances", of("gtin", RICE_BAG_5KG, "lotCode", chain.bags()))
                    .json();
            assertThat(issuances.size()).isEqualTo(1);
        }

        @Test
        void refuses_codes_after_a_failing_inspection_even_once_the_hold_is_released() {
            register(world.miller, "k-21", "Ed25519", SigningKeys.ED25519);
            world.labResult(RICE_BAG_5KG, chain.bags(), "0.5");

            assertThat(issue(world.miller, RICE_BAG_5KG, chain.bags(), "k-21")).isRefusedWith(ErrorCode.LOT_ON_HOLD);
            world.release(world.inspector, RICE_BAG_5KG, chain.bags(), "复检");
            assertThat(issue(world.miller, RICE_BAG_5KG, chain.bags(), "k-21"))
                    .isRefusedWith(ErrorCode.INSPECTION_REQUIRED);
        }

        @Test
        void issues_codes_for_products_that_need_no_inspection() {
            register(world.miller, "k-22", "Ed25519", SigningKeys.ED25519);

            assertThat(issue(world.miller, MILLED_RICE, chain.milled(), "k-22")).isOk();
        }

        @Test
        void lets_a_holder_that_did_not_produce_the_lot_issue_codes() {
            register(world.miller, "k-23", "Ed25519", SigningKeys.ED25519);
            world.harvest("Q-P3", "100");
            world.ship(world.farmer, MILL, PADDY, "Q-P3", "100", "KGM");
            world.receive(world.miller, PADDY, "Q-P3", "100", "KGM");

            Result issued = issue(world.miller, PADDY, "Q-P3", "k-23");

            assertThat(issued).isOk();
            assertThat(issued.json().path("issuerMsp").asText()).isEqualTo(MILL);
        }

        @Test
        void refuses_an_organisation_that_neither_produced_nor_holds_the_lot() {
            register(world.farmer, "k-24", "Ed25519", SigningKeys.ED25519);

            assertThat(issue(world.farmer, MILLED_RICE, chain.milled(), "k-24"))
                    .isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
        }

        @Test
        void refuses_a_revoked_or_unknown_key() {
            register(world.miller, "k-25", "Ed25519", SigningKeys.ED25519);
            world.ledger.submit(world.miller, "qr:RevokeKey", of("mspId", MILL, "keyId", "k-25", "reason", "轮换"));

            assertThat(issue(world.miller, MILLED_RICE, chain.milled(), "k-25"))
                    .isRefusedWith(ErrorCode.SIGNING_KEY_REVOKED);
            assertThat(issue(world.miller, MILLED_RICE, chain.milled(), "k-none"))
                    .isRefusedWith(ErrorCode.SIGNING_KEY_NOT_FOUND);
        }

        @Test
        void refuses_a_lot_on_hold_or_recalled_or_unknown() {
            register(world.farmer, "k-26", "Ed25519", SigningKeys.ED25519);
            world.harvest("Q-P2", "100");
            world.hold(world.inspector, PADDY, "Q-P2", "抽检");
            world.recall(world.regulator, PADDY, chain.dried(), "霉变");

            assertThat(issue(world.farmer, PADDY, "Q-P2", "k-26")).isRefusedWith(ErrorCode.LOT_ON_HOLD);
            assertThat(issue(world.farmer, PADDY, chain.dried(), "k-26")).isRefusedWith(ErrorCode.LOT_RECALLED);
            assertThat(issue(world.farmer, PADDY, "NONE", "k-26")).isRefusedWith(ErrorCode.LOT_NOT_FOUND);
        }

        @Test
        void lists_no_issuances_of_a_lot_not_on_the_ledger_but_says_so() {
            assertThat(world.query(world.grocer, "qr:Issuances", of("gtin", PADDY, "lotCode", "NONE")))
                    .isRefusedWith(ErrorCode.LOT_NOT_FOUND);
        }

        @Test
        void refuses_counts_and_digests_out_of_shape() {
            register(world.miller, "k-27", "Ed25519", SigningKeys.ED25519);

            for (String request : List.of(
                    of("gtin", MILLED_RICE, "lotCode", chain.milled(), "keyId", "k-27", "count", 0),
                    of("gtin", MILLED_RICE, "lotCode", chain.milled(), "keyId", "k-27", "count", 1_000_001),
                    of("gtin", MILLED_RICE, "lotCode", chain.milled(), "keyId", "k-27"),
                    of(
                            "gtin",
                            MILLED_RICE,
                            "lotCode",
                            chain.milled(),
                            "keyId",
                            "k-27",
                            "count",
                            5,
                            "serialsDigest",
                            "B".repeat(64)))) {
                assertThat(world.ledger.submit(world.miller, "qr:RecordIssuance", request))
                        .as(request)
                        .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            }
        }
    }

    private Result register(Enrollment user, String keyId, String algorithm, String publicKey) {
        return world.ledger.submit(
                user, "qr:RegisterKey", of("keyId", keyId, "algorithm", algorithm, "publicKey", publicKey));
    }

    private Result issue(Enrollment user, String gtin, String lotCode, String keyId) {
        return world.ledger.submit(
                user,
                "qr:RecordIssuance",
                of(
                        "gtin",
                        gtin,
                        "lotCode",
                        lotCode,
                        "keyId",
                        keyId,
                        "count",
                        1000,
                        "perUnit",
                        true,
                        "serialsDigest",
                        "b".repeat(64)));
    }
}
