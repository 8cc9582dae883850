package io.heitu.chaincode.inspection;

import io.heitu.chaincode.core.Change;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Role;
import io.heitu.chaincode.core.Row;
import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.core.Times;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.lot.Lot;
import io.heitu.chaincode.lot.Lots;
import io.heitu.chaincode.org.Organisations;
import io.heitu.chaincode.product.Products;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Certificates issued by inspection bodies, and producers' commitment certificates. */
final class Certificates {

    static final String TYPE = "cert";
    static final String BY_LOT = "cert~lot";
    static final String BY_ORG = "cert~org";
    static final String COMMITMENT = "commitment";

    private static final int MAX_PER_SUBJECT = 1_000;

    private Certificates() {}

    static Certificate issue(Tx tx, CertificateRequests.Issue request) {
        Certificate.Subject subject;
        if (request.gtin() != null) {
            Lot lot = Lots.get(tx, new LotRef(request.gtin(), request.lotCode()));
            subject = new Certificate.Subject(lot.gtin(), lot.lotCode(), null, null);
        } else {
            Organisations.get(tx, request.mspId());
            if (request.productGtin() != null) {
                Products.get(tx, request.productGtin());
            }
            subject = new Certificate.Subject(null, null, request.mspId(), request.productGtin());
        }
        return store(
                tx,
                new Certificate(
                        tx.caller().mspId(),
                        request.number(),
                        request.type(),
                        subject,
                        request.standard(),
                        request.validFrom(),
                        request.validUntil(),
                        request.documentHash(),
                        null,
                        Certificate.ACTIVE,
                        null,
                        Times.format(tx.time()),
                        tx.txId()));
    }

    /** A producer's 承诺达标合格证, only for a lot it produced. */
    static Certificate commit(Tx tx, CertificateRequests.Commit request) {
        Lot lot = Lots.get(tx, new LotRef(request.gtin(), request.lotCode()));
        if (!lot.provenance().producerMsp().equals(tx.caller().mspId())) {
            throw new TraceException(
                    ErrorCode.FORBIDDEN_NOT_OWNER, "a commitment certificate is issued by the lot's own producer");
        }
        LocalDate today = tx.time().atOffset(ZoneOffset.ofHours(8)).toLocalDate();
        // Valid from the day it is issued (in China), so it cannot have ended before that day.
        if (request.validUntil() != null
                && Times.date("validUntil", request.validUntil()).isBefore(today)) {
            throw Texts.invalid("validUntil must not be before the day of issue, " + today);
        }
        return store(
                tx,
                new Certificate(
                        tx.caller().mspId(),
                        request.number(),
                        COMMITMENT,
                        new Certificate.Subject(lot.gtin(), lot.lotCode(), null, null),
                        null,
                        today.toString(),
                        request.validUntil(),
                        null,
                        new Certificate.Commitment(request.basis(), request.promises(), request.contact()),
                        Certificate.ACTIVE,
                        null,
                        Times.format(tx.time()),
                        tx.txId()));
    }

    static Certificate revoke(Tx tx, CertificateRequests.Revoke request) {
        Certificate certificate = get(tx, request.issuerMsp(), request.number());
        Role role = tx.caller().role();
        boolean issuer = certificate.issuerMsp().equals(tx.caller().mspId());
        boolean allowed = role == Role.REGULATOR
                || (role == Role.INSPECTOR && issuer)
                || (role == Role.PRODUCER && issuer && COMMITMENT.equals(certificate.type()));
        if (!allowed) {
            throw new TraceException(
                    ErrorCode.FORBIDDEN_NOT_OWNER, "only the issuer or a regulator revokes this certificate");
        }
        if (Certificate.REVOKED.equals(certificate.status())) {
            throw new TraceException(
                    ErrorCode.CERTIFICATE_REVOKED, "certificate " + request.number() + " is already revoked");
        }
        Certificate revoked = certificate.revoked(new Certificate.Revocation(
                tx.caller().mspId(), role.word(), request.reason(), Times.format(tx.time())));
        save(tx, revoked);
        tx.emit("CertificateRevoked", Change.of(TYPE, revoked.issuerMsp() + "/" + revoked.number()));
        return revoked;
    }

    static Certificate get(Tx tx, String issuerMsp, String number) {
        return tx.read(tx.key(TYPE, issuerMsp, number), Certificate.class)
                .orElseThrow(() -> new TraceException(
                        ErrorCode.CERTIFICATE_NOT_FOUND,
                        "certificate " + number + " of " + issuerMsp + " is not on the ledger"));
    }

    /** Certificates of a lot or an organisation, which must be on the ledger. */
    static List<Certificate> of(Tx tx, CertificateRequests.Of request) {
        List<Row> rows;
        if (request.gtin() != null) {
            Lot lot = Lots.get(tx, new LotRef(request.gtin(), request.lotCode()));
            rows = tx.scan(MAX_PER_SUBJECT, BY_LOT, lot.gtin(), lot.lotCode());
        } else {
            rows = tx.scan(
                    MAX_PER_SUBJECT,
                    BY_ORG,
                    Organisations.get(tx, request.mspId()).mspId());
        }
        List<Certificate> certificates = new ArrayList<>();
        for (Row row : rows) {
            int size = row.attributes().size();
            certificates.add(get(tx, row.attribute(size - 2), row.attribute(size - 1)));
        }
        return certificates;
    }

    private static Certificate store(Tx tx, Certificate certificate) {
        if (tx.exists(tx.key(TYPE, certificate.issuerMsp(), certificate.number()))) {
            throw new TraceException(
                    ErrorCode.CERTIFICATE_EXISTS, "certificate " + certificate.number() + " already exists");
        }
        save(tx, certificate);
        Certificate.Subject subject = certificate.subject();
        String index = subject.gtin() != null
                ? tx.key(BY_LOT, subject.gtin(), subject.lotCode(), certificate.issuerMsp(), certificate.number())
                : tx.key(BY_ORG, subject.mspId(), certificate.issuerMsp(), certificate.number());
        tx.put(index, new byte[] {'1'});
        List<String> lots =
                subject.gtin() == null ? List.of() : List.of(new LotRef(subject.gtin(), subject.lotCode()).epcClass());
        tx.emit(
                "CertificateIssued",
                new Change(TYPE, certificate.issuerMsp() + "/" + certificate.number(), lots, null));
        return certificate;
    }

    private static void save(Tx tx, Certificate certificate) {
        tx.put(tx.key(TYPE, certificate.issuerMsp(), certificate.number()), certificate);
    }
}
