package io.heitu.service.qr;

/**
 * What checking a code's signature, key and issuance found. Only {@link #GENUINE} means the code can
 * be trusted; the others are the reasons a scan's verdict ({@code consumer.Verdict}) gives for a code
 * that fails its check.
 */
public enum CodeFinding {
    /**
     * Signed over exactly this GTIN, lot and serial by an active key whose organisation recorded
     * issuing codes for the lot with it.
     */
    GENUINE,
    /** The key is known but the signature does not match the code: altered or forged. */
    SIGNATURE_INVALID,
    /** No registered key has this id, or the entry's id is not derived from its key. */
    UNKNOWN_KEY,
    /** The signature matches, but the key has been revoked. */
    KEY_REVOKED,
    /**
     * The signature matches an active key, but its organisation recorded no issuance of codes for
     * this lot with it: one registered organisation minting codes for another's product.
     */
    NOT_ISSUED,
    /** A valid Digital Link with no signature parameter. */
    UNSIGNED,
    /** Not a Digital Link this service issues, or a garbled signature parameter. */
    MALFORMED
}
