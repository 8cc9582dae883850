package io.heitu.chaincode.inspection;

import java.util.List;

/**
 * A certificate on the ledger: green food, organic, GI authorisation or an inspection report issued
 * by an inspection body, or a producer's 承诺达标合格证 (commitment compliance certificate). Its
 * subject is a lot, or an organisation (optionally for one product).
 */
public record Certificate(
        String issuerMsp,
        String number,
        String type,
        Subject subject,
        String standard,
        String validFrom,
        String validUntil,
        String documentHash,
        Commitment commitment,
        String status,
        Revocation revocation,
        String issuedAt,
        String txId) {

    public static final String ACTIVE = "active";
    public static final String REVOKED = "revoked";

    /** What the certificate is about. */
    public record Subject(String gtin, String lotCode, String mspId, String productGtin) {}

    /** What a producer promises on a commitment certificate, and on what basis. */
    public record Commitment(String basis, List<String> promises, String contact) {
        public Commitment {
            promises = List.copyOf(promises);
        }
    }

    public record Revocation(String byMsp, String byRole, String reason, String at) {}

    Certificate revoked(Revocation revocationRecord) {
        return new Certificate(
                issuerMsp,
                number,
                type,
                subject,
                standard,
                validFrom,
                validUntil,
                documentHash,
                commitment,
                REVOKED,
                revocationRecord,
                issuedAt,
                txId);
    }
}
