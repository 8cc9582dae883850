package io.heitu.service.qr;

import io.heitu.identity.Enrollment;
import io.heitu.service.identity.KeyVault;
import io.heitu.service.ledger.Receipt;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.ledger.wire.SigningKey;
import io.heitu.service.problem.ApiException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Organisations' QR signing keys: made here, the public half registered on the ledger as the user
 * who asks, the private half kept encrypted under the master key and decrypted once into a signer.
 */
@Service
public class SigningKeys {

    private final TraceLedger ledger;
    private final JdbcClient jdbc;
    private final KeyVault vault;
    private final Map<String, CodeSigner> signers = new ConcurrentHashMap<>();

    SigningKeys(TraceLedger ledger, JdbcClient jdbc, KeyVault vault) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.vault = vault;
    }

    /** A key as this service holds it (the private half never leaves this class). */
    public record StoredKey(
            String keyId,
            String mspId,
            String algorithm,
            String publicKey,
            String status,
            OffsetDateTime createdAt,
            String txId) {}

    /** A key just registered, with where the ledger put the registration. */
    public record Created(StoredKey key, long blockNumber) {}

    /**
     * Registers first: if the ledger refuses (wrong role, organisation not registered) nothing is
     * stored; if storing fails afterwards, the ledger holds a public key no code will ever use.
     */
    public Created create(Enrollment actor, String username, QrAlgorithm algorithm) {
        QrKeyPair pair = QrKeys.generate(actor.mspId(), algorithm);
        KeyRegistration registration = pair.registration();
        Receipt<SigningKey> committed = ledger.registerSigningKey(actor, registration);
        StoredKey key = new StoredKey(
                registration.keyId(),
                actor.mspId(),
                registration.algorithm(),
                registration.publicKey(),
                KeyStatus.ACTIVE.wire(),
                OffsetDateTime.now(ZoneOffset.UTC),
                committed.txId());
        jdbc.sql("""
                        INSERT INTO qr_key (key_id, msp_id, algorithm, public_key, private_key_enc, status,
                                            created_by, created_at, tx_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        key.keyId(),
                        key.mspId(),
                        key.algorithm(),
                        key.publicKey(),
                        vault.encrypt(pair.privateKey().getEncoded()),
                        key.status(),
                        username,
                        key.createdAt(),
                        key.txId())
                .update();
        return new Created(key, committed.blockNumber());
    }

    /** Revokes on the ledger (the chaincode checks owner or regulator), then marks the local copy. */
    public Receipt<SigningKey> revoke(Enrollment actor, String mspId, String keyId, String reason) {
        Receipt<SigningKey> committed =
                ledger.revokeSigningKey(actor, Map.of("mspId", mspId, "keyId", keyId, "reason", reason));
        jdbc.sql("UPDATE qr_key SET status = ?, revoked_at = ? WHERE key_id = ? AND msp_id = ?")
                .params(KeyStatus.REVOKED.wire(), OffsetDateTime.now(ZoneOffset.UTC), keyId, mspId)
                .update();
        signers.remove(keyId);
        return committed;
    }

    public List<StoredKey> of(String mspId) {
        return jdbc.sql("SELECT * FROM qr_key WHERE msp_id = ? ORDER BY created_at DESC")
                .param(mspId)
                .query(SigningKeys::row)
                .list();
    }

    public Optional<StoredKey> find(String keyId) {
        return jdbc.sql("SELECT * FROM qr_key WHERE key_id = ?")
                .param(keyId)
                .query(SigningKeys::row)
                .optional();
    }

    /** The organisation's newest active key, the one issuance uses unless told otherwise. */
    public Optional<StoredKey> newestActive(String mspId) {
        return of(mspId).stream()
                .filter(key -> KeyStatus.ACTIVE.wire().equals(key.status()))
                .findFirst();
    }

    /** A signer for one of the organisation's own active keys. */
    public CodeSigner signer(String mspId, String keyId) {
        StoredKey key = find(keyId)
                .filter(found -> found.mspId().equals(mspId))
                .orElseThrow(() -> new ApiException(
                        "SIGNING_KEY_NOT_FOUND", "no QR signing key " + keyId + " of " + mspId + " here"));
        if (!KeyStatus.ACTIVE.wire().equals(key.status())) {
            throw new ApiException("SIGNING_KEY_REVOKED", "QR signing key " + keyId + " is revoked");
        }
        return signers.computeIfAbsent(keyId, id -> new CodeSigner(pair(key)));
    }

    private QrKeyPair pair(StoredKey key) {
        QrAlgorithm algorithm = QrAlgorithm.fromLedgerName(key.algorithm());
        String encrypted = jdbc.sql("SELECT private_key_enc FROM qr_key WHERE key_id = ?")
                .param(key.keyId())
                .query(String.class)
                .single();
        return new QrKeyPair(
                key.mspId(),
                algorithm,
                QrKeys.fromSpki(algorithm, key.publicKey()),
                QrKeys.privateFromPkcs8(algorithm, vault.decrypt(encrypted)));
    }

    private static StoredKey row(ResultSet rs, int row) throws SQLException {
        return new StoredKey(
                rs.getString("key_id"),
                rs.getString("msp_id"),
                rs.getString("algorithm"),
                rs.getString("public_key"),
                rs.getString("status"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("tx_id"));
    }
}
