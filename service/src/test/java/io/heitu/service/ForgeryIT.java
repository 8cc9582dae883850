package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.identity.Identities;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.qr.CodeSignature;
import io.heitu.service.qr.CodeSigner;
import io.heitu.service.qr.DigitalLink;
import io.heitu.service.qr.Gs1;
import io.heitu.service.qr.QrAlgorithm;
import io.heitu.service.qr.QrKeyPair;
import io.heitu.service.qr.QrKeys;
import io.heitu.service.qr.SignedLink;
import io.heitu.service.qr.SigningKeys;
import io.heitu.service.support.Codes;
import io.heitu.service.support.ServiceTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Forgeries through the resolver, as a counterfeiter would try them: every one is answered, and
 * none is ever "genuine".
 */
class ForgeryIT extends ServiceTest {

    @Autowired
    SigningKeys keys;

    @Autowired
    TraceLedger ledger;

    @Autowired
    Identities identities;

    String genuine;
    DigitalLink link;
    CodeSignature signature;

    Codes codes() {
        return new Codes(api());
    }

    @BeforeEach
    void aGenuineCode() {
        JsonNode issuance = codes().issue("miller", Codes.BAGS, Codes.RICE_LOT, 1, true);
        genuine = codes().codes("miller", issuance.path("id").asString()).get(0);
        SignedLink code = SignedLink.parse(genuine);
        link = code.link();
        signature = code.signature();
        assertThat(codes().verdict(genuine)).isEqualTo("GENUINE");
    }

    @Test
    void a_changed_lot_is_a_bad_signature() {
        assertForged(new DigitalLink(link.gtin(), "R5-2026-1006", link.serial()), signature, "SIGNATURE_INVALID");
    }

    @Test
    void a_changed_serial_is_a_bad_signature() {
        String serial =
                (link.serial().charAt(0) == 'A' ? "B" : "A") + link.serial().substring(1);
        assertForged(new DigitalLink(link.gtin(), link.lot(), serial), signature, "SIGNATURE_INVALID");
    }

    @Test
    void a_changed_gtin_with_a_valid_check_digit_is_a_bad_signature() {
        String body = "0690123450004";
        String gtin = body + Gs1.checkDigit(body);
        assertForged(new DigitalLink(gtin, link.lot(), link.serial()), signature, "SIGNATURE_INVALID");
    }

    @Test
    void a_flipped_signature_bit_is_a_bad_signature() {
        byte[] bytes = signature.bytes();
        bytes[10] ^= 0x01;
        assertForged(link, CodeSignature.of(signature.keyId(), bytes), "SIGNATURE_INVALID");
    }

    @Test
    void a_code_without_a_signature_is_unknown() {
        assertForged(link, null, "UNKNOWN_CODE");
    }

    @Test
    void a_garbled_signature_parameter_is_a_bad_signature() {
        String garbled = Codes.local(genuine).replaceAll("\\?s=.*", "?s=not-a-signature");
        assertThat(api().withHeaders(null, garbled, "Accept", "application/json")
                        .json()
                        .path("verdict")
                        .asString())
                .isEqualTo("SIGNATURE_INVALID");
    }

    @Test
    void a_code_signed_with_an_unregistered_key_is_unknown() {
        CodeSigner stranger = new CodeSigner(QrKeys.generate("RiceMillMSP", QrAlgorithm.ED25519));
        SignedLink forged = stranger.sign(link);
        assertForged(forged.link(), forged.signature(), "UNKNOWN_CODE");
    }

    @Test
    void a_serial_never_issued_even_under_the_real_key_is_unknown() {
        // What a thief of the mill's signing key could print: signed right, but never issued.
        CodeSigner stolen = keys.signer("RiceMillMSP", signature.keyId());
        SignedLink forged = stolen.sign(DigitalLink.ofUnit(link.gtin(), link.lot(), "ZZZZZZZZZZZZ"));
        JsonNode answer = assertForged(forged.link(), forged.signature(), "UNKNOWN_CODE");
        assertThat(answer.path("reason").asString()).isEqualTo("NOT_ISSUED");
    }

    @Test
    void another_organisations_registered_key_minting_codes_for_the_mills_rice_is_unknown() {
        // The ginseng farm registers a key of its own on the ledger and signs rice codes with it;
        // it never recorded an issuance for the mill's lot, so its codes are not issued.
        QrKeyPair farmKey = QrKeys.generate("FusongGinsengMSP", QrAlgorithm.ED25519);
        ledger.registerSigningKey(
                identities.enrollment(identities.user("ginseng").orElseThrow()), farmKey.registration());
        SignedLink minted =
                new CodeSigner(farmKey).sign(DigitalLink.ofUnit(Codes.BAGS, Codes.RICE_LOT, "ABCDEFGHJKLM"));
        QrFlowIT.await(() -> !"UNKNOWN_KEY"
                .equals(codes().scan(new SignedLink(minted.link(), minted.signature()).toUri("q.heitu.cn"))
                        .path("reason")
                        .asString()));
        JsonNode answer = assertForged(minted.link(), minted.signature(), "UNKNOWN_CODE");
        assertThat(answer.path("reason").asString()).isEqualTo("NOT_ISSUED");
    }

    @Test
    void codes_of_a_revoked_key_are_no_longer_genuine() {
        var created = api().post("miller", "/api/qr/keys", Map.of());
        String keyId = created.json().path("keyId").asString();
        JsonNode issuance = codes().issue(
                        "miller",
                        Map.of(
                                "gtin",
                                Codes.BAGS,
                                "lotCode",
                                Codes.RICE_LOT,
                                "count",
                                1,
                                "perUnit",
                                true,
                                "keyId",
                                keyId));
        String code = codes().codes("miller", issuance.path("id").asString()).get(0);
        assertThat(codes().verdict(code)).isEqualTo("GENUINE");

        var revoked = api().post("miller", "/api/qr/keys/" + keyId + "/revoke", Map.of("reason", "key leaked"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(201);
        QrFlowIT.await(() -> "KEY_REVOKED".equals(codes().verdict(code)));
        JsonNode answer = codes().scan(code);
        assertThat(answer.path("genuine").asBoolean()).isFalse();
        assertThat(answer.path("title").asString()).contains("非正品");
        assertThat(answer.has("product"))
                .as("no product story for a code that does not check out")
                .isFalse();
    }

    private JsonNode assertForged(DigitalLink forgedLink, CodeSignature forgedSignature, String verdict) {
        String uri = new SignedLink(forgedLink, forgedSignature).toUri("q.heitu.cn");
        JsonNode answer = codes().scan(uri);
        assertThat(answer.path("verdict").asString()).as(uri).isEqualTo(verdict);
        assertThat(answer.path("genuine").asBoolean()).isFalse();
        assertThat(answer.has("scans")).as("forgeries are not counted as scans").isFalse();
        return answer;
    }
}
