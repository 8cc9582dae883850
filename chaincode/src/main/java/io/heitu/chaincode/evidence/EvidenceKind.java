package io.heitu.chaincode.evidence;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.heitu.chaincode.core.Words;

/**
 * What a file attached to a lot or product shows. Photos and the 承诺达标合格证 are images; an
 * inspection report may also be a PDF.
 */
public enum EvidenceKind {
    /** The product as a shopper sees it; on a product (its owner) or on a lot (its producer or a holder). */
    PRODUCT_PHOTO,
    /** The plot, the crop or the herd; on a lot, by the farm that produced it. */
    FIELD_PHOTO,
    /** The lab's report; on a lot, by an inspector. */
    INSPECTION_REPORT,
    /** The producer's 承诺达标合格证 as issued on paper; on a lot, by its producer. */
    COMMITMENT;

    @JsonValue
    public String word() {
        return Words.of(this);
    }

    @JsonCreator
    public static EvidenceKind of(String word) {
        return Words.parse(EvidenceKind.class, "kind", word);
    }

    boolean allows(String mediaType) {
        return mediaType.startsWith("image/") || (this == INSPECTION_REPORT && mediaType.equals("application/pdf"));
    }
}
