package io.heitu.service.qr;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Checks scanned codes against published keys and issuance records. A valid signature alone is not
 * enough: every registered organisation has a key, so the signer must also have recorded issuing
 * codes for the lot. Both lookups can be served from the ledger or from downloaded copies, so
 * codes can be checked offline. Thread-safe.
 */
public final class CodeVerifier {

    private final Function<String, Optional<PublishedKey>> keys;
    private final BiPredicate<DigitalLink, PublishedKey> issued;

    /**
     * @param keys key id → published key, e.g. {@code keySet::find}
     * @param issued whether the key's organisation recorded an issuance for the code's GTIN and lot
     *     with that key (the ledger's {@code qr:Issuances}); it may also check a unit's serial
     */
    public CodeVerifier(Function<String, Optional<PublishedKey>> keys, BiPredicate<DigitalLink, PublishedKey> issued) {
        this.keys = keys;
        this.issued = issued;
    }

    /** Checks a scanned URI; never throws for bad input, which is {@link CodeFinding#MALFORMED}. */
    public CodeCheck verify(String uri) {
        SignedLink code;
        try {
            code = SignedLink.parse(uri);
        } catch (QrException e) {
            return new CodeCheck(CodeFinding.MALFORMED, null, null, null);
        }
        return verify(code);
    }

    /**
     * The order matters for what the shopper is told, not for safety: every path but the last
     * returns something other than {@link CodeFinding#GENUINE}.
     */
    public CodeCheck verify(SignedLink code) {
        Optional<PublishedKey> key = code.signature() == null
                ? Optional.empty()
                : keys.apply(code.signature().keyId());
        CodeCheck signed = signature(code, key);
        if (!signed.genuine() || issued.test(code.link(), key.orElseThrow())) {
            return signed;
        }
        return new CodeCheck(CodeFinding.NOT_ISSUED, signed.link(), signed.keyId(), signed.org());
    }

    /**
     * The code's own check, before any issuance: signed over exactly this code by a known key that is
     * still active. {@link CodeFinding#GENUINE} here means only that; whether the key's organisation
     * issued the code is the next step ({@link #verify(SignedLink)} or the service's scan path).
     */
    public static CodeCheck signature(SignedLink code, Function<String, Optional<PublishedKey>> keys) {
        return signature(
                code,
                code.signature() == null
                        ? Optional.empty()
                        : keys.apply(code.signature().keyId()));
    }

    private static CodeCheck signature(SignedLink code, Optional<PublishedKey> found) {
        DigitalLink link = code.link();
        if (code.signature() == null) {
            return new CodeCheck(CodeFinding.UNSIGNED, link, null, null);
        }
        String keyId = code.signature().keyId();
        if (found.isEmpty()
                || !found.get().keyId().equals(keyId)
                || !found.get().bound()) {
            return new CodeCheck(CodeFinding.UNKNOWN_KEY, link, keyId, null);
        }
        PublishedKey key = found.get();
        if (!signatureValid(key, link, code.signature().bytes())) {
            return new CodeCheck(CodeFinding.SIGNATURE_INVALID, link, keyId, key.org());
        }
        if (key.status() != KeyStatus.ACTIVE) {
            return new CodeCheck(CodeFinding.KEY_REVOKED, link, keyId, key.org());
        }
        return new CodeCheck(CodeFinding.GENUINE, link, keyId, key.org());
    }

    private static boolean signatureValid(PublishedKey key, DigitalLink link, byte[] signature) {
        if (signature.length != QrAlgorithm.SIGNATURE_LENGTH) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(key.algorithm().signatureAlgorithm(), QrKeys.PROVIDER);
            verifier.initVerify(key.publicKey());
            verifier.update(link.elementString().getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // A signature that makes the provider throw (bad encoding, r or s out of range) is not valid.
            return false;
        }
    }
}
