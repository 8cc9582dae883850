package io.heitu.chaincode.evidence;

import io.heitu.chaincode.core.Change;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Role;
import io.heitu.chaincode.core.Times;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.Gs1;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.lot.Lot;
import io.heitu.chaincode.lot.Lots;
import io.heitu.chaincode.product.Product;
import io.heitu.chaincode.product.Products;
import java.util.List;

/**
 * Evidence files recorded against a lot or product, and who may record which: a product's owner
 * its product photos; a lot's producer (or, for product photos, a holder) its photos and
 * 承诺达标合格证; inspectors the inspection reports. The file stays off the ledger under its hash.
 */
final class Attachments {

    static final String ON_LOT = "evidence";
    static final String ON_PRODUCT = "evidence~product";

    /** Files per lot or product: a consumer page shows them all. */
    static final int MAX_PER_SUBJECT = 24;

    private Attachments() {}

    static Attachment attach(Tx tx, AttachEvidence request) {
        LotRef lot = request.lot();
        if (lot == null) {
            requireProductOwner(tx, request);
        } else {
            requireAllowedOnLot(tx, request, Lots.get(tx, lot));
        }
        String key = key(tx, request.gtin(), request.lotCode(), request.sha256());
        if (tx.exists(key)) {
            throw new TraceException(
                    ErrorCode.EVIDENCE_EXISTS,
                    "file " + request.sha256() + " is already attached to " + subject(request));
        }
        if (list(tx, request.gtin(), request.lotCode()).size() >= MAX_PER_SUBJECT) {
            throw new TraceException(
                    ErrorCode.LIMIT_EXCEEDED, subject(request) + " has " + MAX_PER_SUBJECT + " files already");
        }
        Attachment attachment = new Attachment(
                request.gtin(),
                request.lotCode(),
                request.kind(),
                request.sha256(),
                request.mediaType(),
                request.bytes(),
                request.width(),
                request.height(),
                request.pages(),
                request.caption(),
                tx.caller().mspId(),
                Times.format(tx.time()),
                tx.txId());
        tx.put(key, attachment);
        tx.emit(
                "EvidenceAttached",
                new Change("evidence", request.sha256(), lot == null ? List.of() : List.of(lot.epcClass()), null));
        return attachment;
    }

    /** A lot's files ({@code lotCode} set) or a product's, in hash order. */
    static List<Attachment> list(Tx tx, String gtin, String lotCode) {
        var rows = lotCode == null
                ? tx.scan(MAX_PER_SUBJECT, ON_PRODUCT, gtin)
                : tx.scan(MAX_PER_SUBJECT, ON_LOT, gtin, lotCode);
        return rows.stream().map(row -> row.as(Attachment.class)).toList();
    }

    /** Listing needs the subject to exist, so a typo is told apart from a subject without files. */
    static List<Attachment> listExisting(Tx tx, String gtin, String lotCode) {
        if (lotCode == null) {
            Products.get(tx, Gs1.gtin(gtin));
        } else {
            Lots.get(tx, new LotRef(gtin, lotCode));
        }
        return list(tx, Gs1.gtin(gtin), lotCode);
    }

    private static void requireProductOwner(Tx tx, AttachEvidence request) {
        if (request.kind() != EvidenceKind.PRODUCT_PHOTO) {
            throw new TraceException(
                    ErrorCode.INVALID_ARGUMENT, "a " + request.kind().word() + " is attached to a lot (lotCode)");
        }
        Product product = Products.get(tx, request.gtin());
        if (!product.ownerMsp().equals(tx.caller().mspId())) {
            throw new TraceException(
                    ErrorCode.FORBIDDEN_NOT_OWNER, "photos of product " + request.gtin() + " come from its owner");
        }
    }

    private static void requireAllowedOnLot(Tx tx, AttachEvidence request, Lot lot) {
        String caller = tx.caller().mspId();
        boolean producer = lot.provenance().producerMsp().equals(caller);
        switch (request.kind()) {
            case INSPECTION_REPORT -> {
                if (tx.caller().role() != Role.INSPECTOR) {
                    throw new TraceException(ErrorCode.FORBIDDEN_ROLE, "inspection reports come from inspectors");
                }
            }
            case PRODUCT_PHOTO -> {
                if (!producer && Lots.holding(tx, lot.ref(), caller) == null) {
                    throw new TraceException(
                            ErrorCode.FORBIDDEN_NOT_OWNER,
                            "photos of lot " + lot.ref() + " come from its producer or a holder");
                }
            }
            case FIELD_PHOTO, COMMITMENT -> {
                if (!producer || tx.caller().role() != Role.PRODUCER) {
                    throw new TraceException(
                            ErrorCode.FORBIDDEN_NOT_OWNER,
                            "a " + request.kind().word() + " of lot " + lot.ref()
                                    + " comes from the farm that produced it");
                }
            }
        }
    }

    private static String key(Tx tx, String gtin, String lotCode, String sha256) {
        return lotCode == null ? tx.key(ON_PRODUCT, gtin, sha256) : tx.key(ON_LOT, gtin, lotCode, sha256);
    }

    private static String subject(AttachEvidence request) {
        return request.lotCode() == null
                ? "product " + request.gtin()
                : "lot " + request.gtin() + "/" + request.lotCode();
    }
}
