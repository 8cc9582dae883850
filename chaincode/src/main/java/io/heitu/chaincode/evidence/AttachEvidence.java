package io.heitu.chaincode.evidence;

import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.epcis.Gs1;
import io.heitu.chaincode.epcis.LotRef;
import java.util.Set;

/**
 * A request to record a file kept off the ledger: its SHA-256, type and size, and what it is about
 * (a lot, or with no {@code lotCode} a product). The file itself never reaches the chaincode.
 */
record AttachEvidence(
        String gtin,
        String lotCode,
        EvidenceKind kind,
        String sha256,
        String mediaType,
        Long bytes,
        Integer width,
        Integer height,
        Integer pages,
        String caption) {

    static final Set<String> MEDIA_TYPES = Set.of("image/jpeg", "image/png", "application/pdf");
    static final long MAX_BYTES = 20L * 1024 * 1024;
    static final int MAX_PIXELS_SIDE = 20_000;
    static final int MAX_PAGES = 50;
    static final int CAPTION_MAX = 200;

    AttachEvidence {
        gtin = Gs1.gtin(gtin);
        if (lotCode != null) {
            new LotRef(gtin, lotCode);
        }
        Texts.require("kind", kind);
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw Texts.invalid("sha256 must be a lowercase hex SHA-256");
        }
        if (mediaType == null || !MEDIA_TYPES.contains(mediaType)) {
            throw Texts.invalid(
                    "mediaType must be one of " + MEDIA_TYPES.stream().sorted().toList());
        }
        if (!kind.allows(mediaType)) {
            throw Texts.invalid("a " + kind.word() + " is an image");
        }
        if (bytes == null || bytes < 1 || bytes > MAX_BYTES) {
            throw Texts.invalid("bytes must be between 1 and " + MAX_BYTES);
        }
        requireRange("width", width, MAX_PIXELS_SIDE);
        requireRange("height", height, MAX_PIXELS_SIDE);
        requireRange("pages", pages, MAX_PAGES);
        caption = Texts.optional("caption", caption, CAPTION_MAX);
    }

    /** The lot it is about; null for a product. */
    LotRef lot() {
        return lotCode == null ? null : new LotRef(gtin, lotCode);
    }

    private static void requireRange(String field, Integer value, int max) {
        if (value != null && (value < 1 || value > max)) {
            throw Texts.invalid(field + " must be between 1 and " + max);
        }
    }
}
