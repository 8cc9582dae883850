package io.heitu.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.ledger.embedded.blocks.TxStatus;
import io.heitu.ledger.embedded.commit.TxResult;
import io.heitu.ledger.embedded.proposal.Proposals;
import io.heitu.ledger.embedded.state.StateStore;
import io.heitu.ledger.sim.PrivateKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Private data on the embedded ledger: the value reaches the chaincode through the transient map
 * and the private store, the block holds only its hash, and both survive a restart.
 */
class PrivateDataTest {

    private static final String SECRET = "price 4.3719 CNY/jin, contract HT-SECRET-42";

    @TempDir
    Path dir;

    TestLedger t;

    @BeforeEach
    void open() {
        t = TestLedger.open(dir);
    }

    @AfterEach
    void close() {
        t.close();
    }

    private TxResult putPrivate(String key, String secret) throws Exception {
        Map<String, byte[]> transientData = Map.of("secret", secret.getBytes(StandardCharsets.UTF_8));
        SignedProposal proposal = Proposals.create(
                t.user,
                TestLedger.CHANNEL,
                TestLedger.CHAINCODE,
                List.of("putPrivate", "terms_A_B", key),
                transientData,
                Instant.now());
        return t.ledger.submit(proposal, transientData).get(30, TimeUnit.SECONDS);
    }

    @Test
    void the_block_holds_the_hash_of_a_private_value_and_never_the_value() throws Exception {
        assertThat(putPrivate("s1", SECRET).status()).isEqualTo(TxStatus.VALID);

        byte[] blocks = Files.readAllBytes(dir.resolve("blocks.dat"));
        byte[] hash = PrivateKeys.sha256(SECRET.getBytes(StandardCharsets.UTF_8));
        assertThat(new String(blocks, StandardCharsets.ISO_8859_1)).doesNotContain("HT-SECRET-42", "4.3719");
        assertThat(new String(blocks, StandardCharsets.ISO_8859_1))
                .contains(new String(hash, StandardCharsets.ISO_8859_1));
        assertThat(t.read("privateHash", "terms_A_B", "s1"))
                .isEqualTo(HexFormat.of().formatHex(hash));
        assertThat(t.read("getPrivate", "terms_A_B", "s1")).isEqualTo(SECRET);
        assertThat(t.ledger.verify().ok()).isTrue();
    }

    @Test
    void private_values_and_their_hashes_survive_a_restart_and_the_chain_still_verifies() throws Exception {
        putPrivate("s1", SECRET);
        putPrivate("s1", SECRET + " amended");

        t.reopen();

        assertThat(t.read("getPrivate", "terms_A_B", "s1")).isEqualTo(SECRET + " amended");
        assertThat(t.ledger.verify().ok()).isTrue();
    }

    @Test
    void transient_values_must_be_the_ones_whose_digests_the_user_signed() throws Exception {
        Map<String, byte[]> signed = Map.of("secret", SECRET.getBytes(StandardCharsets.UTF_8));
        SignedProposal proposal = Proposals.create(
                t.user,
                TestLedger.CHANNEL,
                TestLedger.CHAINCODE,
                List.of("putPrivate", "terms_A_B", "s2"),
                signed,
                Instant.now());

        TxResult swapped = t.ledger
                .submit(proposal, Map.of("secret", "price 1.00".getBytes(StandardCharsets.UTF_8)))
                .get(30, TimeUnit.SECONDS);
        TxResult missing = t.ledger.submit(proposal, Map.of()).get(30, TimeUnit.SECONDS);

        assertThat(swapped.status()).isEqualTo(TxStatus.BAD_PROPOSAL);
        assertThat(missing.status()).isEqualTo(TxStatus.BAD_PROPOSAL);
        assertThat(t.read("getPrivate", "terms_A_B", "s2")).isNull();
    }

    @Test
    void a_private_value_altered_in_the_store_is_not_served() throws Exception {
        putPrivate("s3", SECRET);
        t.ledger.close();
        try (var store = StateStore.open(dir.resolve("state"))) {
            try (var keys = store.db().newIterator()) {
                for (keys.seekToFirst(); keys.isValid(); keys.next()) {
                    if (keys.key()[0] == 'p') {
                        store.db().put(keys.key(), "price 0.01".getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
        t.ledger = EmbeddedLedger.open(t.config(), TestLedger.chaincode());

        assertThat(t.read("getPrivate", "terms_A_B", "s3")).isNull();
        assertThat(t.read("privateHash", "terms_A_B", "s3"))
                .isEqualTo(HexFormat.of().formatHex(PrivateKeys.sha256(SECRET.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void a_chaincode_cannot_read_or_forge_a_hash_through_the_public_state() {
        String reserved = PrivateKeys.hashKey("terms_A_B", "s1");

        assertThat(t.submit("put", reserved, "forged").status()).isEqualTo(TxStatus.ENDORSEMENT_FAILED);
    }
}
