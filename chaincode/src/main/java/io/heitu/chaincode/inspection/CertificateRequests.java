package io.heitu.chaincode.inspection;

import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.core.Times;
import io.heitu.chaincode.epcis.Gs1;
import io.heitu.chaincode.epcis.LotRef;
import java.util.List;
import java.util.Set;

/** Requests of the certificate transactions. */
final class CertificateRequests {

    static final Set<String> INSPECTOR_TYPES = Set.of("green_food", "organic", "gi_authorisation", "inspection_report");
    static final Set<String> BASES = Set.of("self_test", "entrusted_test", "internal_control", "inspection_report");
    static final List<String> DEFAULT_PROMISES =
            List.of("no_banned_pesticides_or_drugs", "residues_within_limits", "no_illegal_additives");

    private CertificateRequests() {}

    /** Request of {@code inspection:IssueCertificate}. */
    record Issue(
            String number,
            String type,
            String gtin,
            String lotCode,
            String mspId,
            String productGtin,
            String standard,
            String validFrom,
            String validUntil,
            String documentHash) {
        Issue {
            number = Texts.id("number", number);
            if (!INSPECTOR_TYPES.contains(type)) {
                throw Texts.invalid("type must be one of "
                        + String.join(", ", INSPECTOR_TYPES.stream().sorted().toList()));
            }
            if ((gtin == null) == (mspId == null)) {
                throw Texts.invalid("a certificate is about a lot (gtin, lotCode) or an organisation (mspId)");
            }
            if (gtin != null) {
                new LotRef(gtin, lotCode);
            }
            mspId = Texts.optional("mspId", mspId, Texts.ID_MAX);
            productGtin = productGtin == null ? null : Gs1.gtin(productGtin);
            standard = Texts.optional("standard", standard, Texts.NAME_MAX);
            if (Times.date("validFrom", validFrom).isAfter(Times.date("validUntil", validUntil))) {
                throw Texts.invalid("validFrom must not be after validUntil");
            }
            documentHash = documentHash == null ? null : sha256Hex(documentHash);
        }
    }

    /** Request of {@code inspection:IssueCommitment}: the producer's own 承诺达标合格证 for its lot. */
    record Commit(
            String number,
            String gtin,
            String lotCode,
            String basis,
            List<String> promises,
            String contact,
            String validUntil) {
        Commit {
            number = Texts.id("number", number);
            new LotRef(gtin, lotCode);
            if (!BASES.contains(basis)) {
                throw Texts.invalid("basis must be one of "
                        + String.join(", ", BASES.stream().sorted().toList()));
            }
            promises = promises == null || promises.isEmpty() ? DEFAULT_PROMISES : List.copyOf(promises);
            if (promises.size() > 10) {
                throw Texts.invalid("at most 10 promises");
            }
            promises.forEach(promise -> Texts.required("promises[]", promise, Texts.NAME_MAX));
            contact = Texts.optional("contact", contact, Texts.NAME_MAX);
            if (validUntil != null) {
                Times.date("validUntil", validUntil);
            }
        }
    }

    /** Request of {@code inspection:RevokeCertificate}. */
    record Revoke(String issuerMsp, String number, String reason) {
        Revoke {
            issuerMsp = Texts.required("issuerMsp", issuerMsp, Texts.ID_MAX);
            number = Texts.id("number", number);
            reason = Texts.required("reason", reason, Texts.NOTE_MAX);
        }
    }

    record ById(String issuerMsp, String number) {
        ById {
            issuerMsp = Texts.required("issuerMsp", issuerMsp, Texts.ID_MAX);
            number = Texts.id("number", number);
        }
    }

    /** Certificates of a lot, or of an organisation. */
    record Of(String gtin, String lotCode, String mspId) {
        Of {
            if ((gtin == null) == (mspId == null)) {
                throw Texts.invalid("name a lot (gtin, lotCode) or an organisation (mspId)");
            }
            mspId = Texts.optional("mspId", mspId, Texts.ID_MAX);
            if (gtin != null) {
                new LotRef(gtin, lotCode);
            }
        }
    }

    static String sha256Hex(String value) {
        if (!value.matches("[0-9a-f]{64}")) {
            throw Texts.invalid("documentHash must be a lowercase hex SHA-256");
        }
        return value;
    }
}
