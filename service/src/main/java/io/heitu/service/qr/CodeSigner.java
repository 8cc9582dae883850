package io.heitu.service.qr;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;

/**
 * Signs codes with one organisation's QR key. The signed bytes are the {@linkplain
 * DigitalLink#elementString() element string}, never the URI, so the host and any query do not
 * matter. Thread-safe: each call takes its own {@link Signature}.
 */
public final class CodeSigner {

    private final QrKeyPair key;
    private final String keyId;

    public CodeSigner(QrKeyPair key) {
        this.key = key;
        this.keyId = key.keyId();
    }

    public String keyId() {
        return keyId;
    }

    public SignedLink sign(DigitalLink link) {
        try {
            Signature signature = Signature.getInstance(key.algorithm().signatureAlgorithm(), QrKeys.PROVIDER);
            signature.initSign(key.privateKey());
            signature.update(link.elementString().getBytes(StandardCharsets.US_ASCII));
            return new SignedLink(link, CodeSignature.of(keyId, signature.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with QR key " + keyId, e);
        }
    }
}
