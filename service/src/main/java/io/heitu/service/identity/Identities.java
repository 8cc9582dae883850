package io.heitu.service.identity;

import io.heitu.identity.CertificateAuthority;
import io.heitu.identity.Enrollment;
import io.heitu.identity.Pem;
import io.heitu.service.membership.Membership;
import io.heitu.service.membership.MembershipChanged;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisations' certificate authorities and their users. Each user gets an EC P-256 key and a
 * certificate from their organisation's CA carrying the Fabric role attribute; the key is encrypted
 * at rest and signs every transaction the user submits. The ledger adapters see it as the {@link
 * Membership} port.
 */
@Service
public class Identities implements Membership {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final OrgCaRepository cas;
    private final UserRepository users;
    private final TokenRepository tokens;
    private final KeyVault vault;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Map<String, List<X509Certificate>> trusted = new ConcurrentHashMap<>();
    private final Map<Long, Enrollment> enrollments = new ConcurrentHashMap<>();
    private final Map<String, CachedToken> tokenCache = new ConcurrentHashMap<>();

    /** A token's account, remembered briefly so a busy client costs no database read per request. */
    private record CachedToken(UserAccount account, long expiresAtNanos) {}

    private static final long TOKEN_CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    private static final int TOKEN_CACHE_MAX = 10_000;

    public Identities(
            OrgCaRepository cas,
            UserRepository users,
            TokenRepository tokens,
            KeyVault vault,
            PasswordEncoder passwords,
            ApplicationEventPublisher events) {
        this.cas = cas;
        this.users = users;
        this.tokens = tokens;
        this.vault = vault;
        this.passwords = passwords;
        this.events = events;
        cas.findAll().forEach(ca -> trusted.put(ca.mspId(), List.of(Pem.certificate(ca.certPem()))));
    }

    @Override
    public Map<String, List<X509Certificate>> trustedCas() {
        return trusted;
    }

    public boolean hasCa(String mspId) {
        return trusted.containsKey(mspId);
    }

    /** The organisation's CA, created on first use. */
    @Transactional
    public CertificateAuthority ensureCa(String mspId, String name) {
        return cas.findById(mspId).map(this::authority).orElseGet(() -> {
            CertificateAuthority ca = CertificateAuthority.create(mspId, name);
            store(mspId, name, ca.certificate(), ca.privateKey());
            return ca;
        });
    }

    @Override
    @Transactional
    public void importCa(String mspId, String name, X509Certificate certificate, PrivateKey key) {
        if (cas.findById(mspId).isEmpty()) {
            store(mspId, name, certificate, key);
        }
    }

    @Transactional
    public UserAccount enroll(String username, String displayName, String mspId, String role, String password) {
        if (users.findByUsername(username).isPresent()) {
            throw new IllegalArgumentException("user " + username + " exists");
        }
        OrgCa stored = cas.findById(mspId).orElseThrow(() -> new IllegalArgumentException("no CA for " + mspId));
        Enrollment enrollment = authority(stored).enroll(username, role);
        return users.save(new UserAccount(
                null,
                username,
                displayName,
                mspId,
                role,
                passwords.encode(password),
                Pem.encode(enrollment.certificate()),
                vault.encrypt(Pem.encode(enrollment.privateKey()).getBytes(StandardCharsets.UTF_8)),
                true,
                Instant.now()));
    }

    public Optional<UserAccount> user(String username) {
        return users.findByUsername(username);
    }

    public List<UserAccount> allUsers() {
        return users.findAll();
    }

    @Override
    public Optional<Enrollment> anyEnrollment(String role) {
        return allUsers().stream()
                .filter(user -> user.role().equals(role))
                .findFirst()
                .map(this::enrollment);
    }

    /** The user's signing identity, decrypted once and kept in memory. */
    public Enrollment enrollment(UserAccount account) {
        return enrollments.computeIfAbsent(
                account.id(),
                id -> new Enrollment(
                        account.mspId(),
                        Pem.certificate(account.certPem()),
                        Pem.privateKey(new String(vault.decrypt(account.keyEnc()), StandardCharsets.UTF_8))));
    }

    /** A new personal token; returned once, only its hash is kept. */
    @Transactional
    public String issueToken(UserAccount account, String name) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "hk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        tokens.save(new ApiToken(null, account.id(), name, sha256(token), Instant.now(), false));
        return token;
    }

    /** The account a bearer token belongs to; a revoked token may keep working for up to 30 s. */
    public Optional<UserAccount> byToken(String token) {
        String hash = sha256(token);
        long now = System.nanoTime();
        CachedToken cached = tokenCache.get(hash);
        if (cached != null && now - cached.expiresAtNanos() < 0) {
            return Optional.of(cached.account());
        }
        Optional<UserAccount> account = tokens.findByTokenHashAndRevokedFalse(hash)
                .flatMap(found -> users.findById(found.userId()))
                .filter(UserAccount::enabled);
        if (account.isPresent()) {
            if (tokenCache.size() >= TOKEN_CACHE_MAX) {
                tokenCache.clear();
            }
            tokenCache.put(hash, new CachedToken(account.get(), now + TOKEN_CACHE_NANOS));
        } else {
            tokenCache.remove(hash);
        }
        return account;
    }

    private void store(String mspId, String name, X509Certificate certificate, PrivateKey key) {
        cas.save(new OrgCa(
                mspId,
                name,
                Pem.encode(certificate),
                vault.encrypt(Pem.encode(key).getBytes(StandardCharsets.UTF_8)),
                Instant.now(),
                null));
        trusted.put(mspId, List.of(certificate));
        events.publishEvent(new MembershipChanged(mspId));
    }

    private CertificateAuthority authority(OrgCa stored) {
        return new CertificateAuthority(
                stored.mspId(),
                Pem.certificate(stored.certPem()),
                Pem.privateKey(new String(vault.decrypt(stored.keyEnc()), StandardCharsets.UTF_8)));
    }

    static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
