package io.heitu.service.ledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A certificate as {@code inspection:GetCertificate} and {@code inspection:Certificates} answer: an
 * inspection report, green food, organic, GI authorisation or 承诺达标合格证, and whom it is about.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CertificateView(
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
        String issuedAt,
        String txId) {

    public static final String ACTIVE = "active";

    public boolean active() {
        return ACTIVE.equals(status);
    }

    /** What a 承诺达标合格证 promises, and whom to call about it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Commitment(String basis, List<String> promises, String contact) {}

    /** A lot, an organisation, or an organisation's product ({@code productGtin}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Subject(String gtin, String lotCode, String mspId, String productGtin) {}
}
