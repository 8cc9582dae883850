package io.heitu.service.qr;

import io.heitu.service.qr.QrException.Error;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A code's signature as it travels in the URI: the one query parameter {@code
 * s=<keyId>.<base64url signature>}. Key ids are base64url, which has no '.', so the split is
 * unambiguous; 11 + 1 + 86 characters in all.
 *
 * @param keyId the id of the signing key
 * @param value the 64-byte signature, unpadded base64url
 */
public record CodeSignature(String keyId, String value) {

    /** The query parameter's name. */
    public static final String PARAM = "s";

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{86}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /**
     * Only the canonical encoding of 64 bytes is accepted: the JDK decoder ignores the last
     * character's spare bits, which would let several strings stand for one signature.
     */
    public CodeSignature {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw invalid("the key id is 1-64 base64url characters");
        }
        if (value == null || !VALUE.matcher(value).matches() || !canonical(value)) {
            throw invalid("the signature is 64 bytes of unpadded base64url");
        }
    }

    public static CodeSignature of(String keyId, byte[] signature) {
        return new CodeSignature(keyId, ENCODER.encodeToString(signature));
    }

    /** Reads the value of the {@code s} parameter. */
    public static CodeSignature parse(String param) {
        int dot = param.indexOf('.');
        if (dot < 0) {
            throw invalid("the signature parameter is <keyId>.<signature>");
        }
        return new CodeSignature(param.substring(0, dot), param.substring(dot + 1));
    }

    public byte[] bytes() {
        return Base64.getUrlDecoder().decode(value);
    }

    /** The value of the {@code s} parameter. */
    public String toParam() {
        return keyId + "." + value;
    }

    private static boolean canonical(String value) {
        try {
            return ENCODER.encodeToString(Base64.getUrlDecoder().decode(value)).equals(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static QrException invalid(String message) {
        return new QrException(Error.INVALID_DIGITAL_LINK, message);
    }
}
