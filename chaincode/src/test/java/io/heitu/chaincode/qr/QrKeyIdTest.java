package io.heitu.chaincode.qr;

import static io.heitu.chaincode.support.J.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.chaincode.support.SigningKeys;
import io.heitu.chaincode.support.World;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Key ids are base64url, as the service derives them from the public key: '-' and '_' may lead. */
class QrKeyIdTest {

    @ParameterizedTest
    @CsvSource({"_x9Fq-2bZ0a,true", "-AbC_123,true", "k.1,false", "'',false", "has space,false"})
    void key_ids_are_base64url(String keyId, boolean accepted) {
        World world = World.standard();
        var result = world.ledger.submit(
                world.miller,
                "qr:RegisterKey",
                of("keyId", keyId, "algorithm", "Ed25519", "publicKey", SigningKeys.ED25519));
        assertThat(result.ok()).as(result.toString()).isEqualTo(accepted);
        if (!accepted) {
            assertThat(result.code()).isIn("INVALID_ARGUMENT", "MALFORMED_REQUEST");
        }
    }
}
