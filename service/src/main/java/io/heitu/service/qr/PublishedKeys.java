package io.heitu.service.qr;

import io.heitu.service.identity.CurrentUser;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.ledger.wire.SigningKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The signing keys every organisation registered on the ledger, read once and kept until a key is
 * registered or revoked (the ledger's events say when). Verifiers here and the published key set
 * both use this copy, so a scan never costs a ledger query for keys.
 */
@Component
public class PublishedKeys {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedKeys.class);

    private final TraceLedger ledger;
    private final CurrentUser user;
    private final JsonMapper json;
    private final AtomicLong changes = new AtomicLong();
    private volatile Snapshot current;

    PublishedKeys(TraceLedger ledger, CurrentUser user, JsonMapper json) {
        this.ledger = ledger;
        this.user = user;
        this.json = json;
    }

    /** The keys and the key-set document, with an entity tag for caches. */
    public record Snapshot(KeySet keys, String jwks, String etag) {}

    public KeySet keySet() {
        return snapshot().keys();
    }

    public Snapshot snapshot() {
        Snapshot snapshot = current;
        if (snapshot != null) {
            return snapshot;
        }
        long before = changes.get();
        snapshot = load();
        // A key registered while this read ran may be missing from it: keep it for this caller only.
        if (changes.get() == before) {
            current = snapshot;
        }
        return snapshot;
    }

    /** A key was registered or revoked. */
    public void invalidate() {
        changes.incrementAndGet();
        current = null;
    }

    private Snapshot load() {
        List<PublishedKey> keys = new ArrayList<>();
        int unreadable = 0;
        for (SigningKey entry : ledger.signingKeys(user.reader(), null)) {
            try {
                keys.add(PublishedKey.fromLedger(
                        text(entry.mspId()),
                        text(entry.keyId()),
                        text(entry.algorithm()),
                        text(entry.publicKey()),
                        text(entry.status())));
            } catch (QrException e) {
                unreadable++;
            }
        }
        if (unreadable > 0) {
            LOG.warn("Ignoring {} signing keys on the ledger that do not decode", unreadable);
        }
        KeySet keySet = KeySet.of(keys);
        String document = json.writeValueAsString(keySet.toJwks());
        byte[] hash = QrKeys.sha256(document.getBytes(StandardCharsets.UTF_8));
        return new Snapshot(keySet, document, "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
