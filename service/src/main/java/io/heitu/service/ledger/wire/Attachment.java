package io.heitu.service.ledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An evidence file as the ledger records it ({@code evidence:Attach}, {@code evidence:List}): what
 * it shows ({@code product_photo}, {@code field_photo}, {@code inspection_report}, {@code
 * commitment}), its SHA-256 (its name in the off-ledger store), type, size and pixels, and who
 * attached it to which lot (or, with no {@code lotCode}, product).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Attachment(
        String gtin,
        String lotCode,
        String kind,
        String sha256,
        String mediaType,
        long bytes,
        Integer width,
        Integer height,
        Integer pages,
        String caption,
        String attachedBy,
        String attachedAt,
        String txId) {

    public boolean image() {
        return mediaType != null && mediaType.startsWith("image/");
    }
}
