package io.heitu.service.qr;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The QR-signing keys a verifier trusts, by key id. Use {@code keySet::find} as a {@link
 * CodeVerifier}'s key lookup.
 */
public final class KeySet {

    private static final Logger log = LoggerFactory.getLogger(KeySet.class);

    private final Map<String, PublishedKey> byId;

    private KeySet(Map<String, PublishedKey> byId) {
        this.byId = byId;
    }

    /**
     * The keys whose id is {@linkplain PublishedKey#bound() bound} to their owner and key; others
     * are dropped so they cannot shadow a real key. If one id appears twice, a revoked entry wins.
     */
    public static KeySet of(Collection<PublishedKey> keys) {
        Map<String, PublishedKey> byId = new TreeMap<>();
        int unbound = 0;
        for (PublishedKey key : keys) {
            if (!key.bound()) {
                unbound++;
                continue;
            }
            byId.merge(key.keyId(), key, (a, b) -> a.status() == KeyStatus.REVOKED ? a : b);
        }
        if (unbound > 0) {
            // Ids and owners may come from a downloaded document: counted, not logged.
            log.warn("Ignoring {} QR keys whose ids are not derived from their owner and key", unbound);
        }
        return new KeySet(byId);
    }

    /** From a downloaded key set, for checking codes offline. */
    public static KeySet fromJwks(Jwks jwks) {
        return of(jwks.keys().stream().map(PublishedKey::fromJwk).toList());
    }

    public Optional<PublishedKey> find(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    public List<PublishedKey> keys() {
        return List.copyOf(byId.values());
    }

    /** Sorted by key id, so the published document only changes when a key does. */
    public Jwks toJwks() {
        return new Jwks(byId.values().stream().map(PublishedKey::toJwk).toList());
    }
}
