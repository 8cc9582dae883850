package io.heitu.chaincode.qr;

import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.epcis.LotRef;

/** Requests of the QR contract. */
final class QrRequests {

    /** Most codes one issuance may cover. */
    static final int MAX_CODES = 1_000_000;

    private QrRequests() {}

    /** Key ids are what the issuer derives them as: base64url, 1-64 characters (may start with '-' or '_'). */
    static String validKeyId(String value) {
        if (value == null || !value.matches("[A-Za-z0-9_-]{1,64}")) {
            throw Texts.invalid("keyId must be 1-64 base64url characters (letters, digits, '-', '_')");
        }
        return value;
    }

    record RegisterKey(String keyId, String algorithm, String publicKey) {
        RegisterKey {
            keyId = validKeyId(keyId);
            if (!"Ed25519".equals(algorithm) && !"ES256".equals(algorithm)) {
                throw Texts.invalid("algorithm must be Ed25519 or ES256");
            }
            publicKey = Texts.required("publicKey", publicKey, 1024);
        }
    }

    record RevokeKey(String mspId, String keyId, String reason) {
        RevokeKey {
            mspId = Texts.required("mspId", mspId, Texts.ID_MAX);
            keyId = validKeyId(keyId);
            reason = Texts.required("reason", reason, Texts.NOTE_MAX);
        }
    }

    record Keys(String mspId) {
        Keys {
            mspId = Texts.optional("mspId", mspId, Texts.ID_MAX);
        }
    }

    record RecordIssuance(
            String gtin, String lotCode, String keyId, Integer count, Boolean perUnit, String serialsDigest) {
        RecordIssuance {
            new LotRef(gtin, lotCode);
            keyId = validKeyId(keyId);
            if (count == null || count < 1 || count > MAX_CODES) {
                throw Texts.invalid("count must be between 1 and " + MAX_CODES);
            }
            perUnit = Boolean.TRUE.equals(perUnit);
            if (serialsDigest != null && !serialsDigest.matches("[0-9a-f]{64}")) {
                throw Texts.invalid("serialsDigest must be a lowercase hex SHA-256");
            }
        }

        LotRef ref() {
            return new LotRef(gtin, lotCode);
        }
    }

    record ByLot(String gtin, String lotCode) {
        ByLot {
            new LotRef(gtin, lotCode);
        }
    }
}
