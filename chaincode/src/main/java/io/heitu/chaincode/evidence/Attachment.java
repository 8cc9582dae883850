package io.heitu.chaincode.evidence;

/**
 * A file about a lot or product as the ledger records it: what it shows, its SHA-256 (the name the
 * off-ledger store keeps it under), type and size, and who attached it when. A lot's attachments
 * are listed with {@code evidence:List}.
 *
 * @param lotCode null when the file is about the product
 */
public record Attachment(
        String gtin,
        String lotCode,
        EvidenceKind kind,
        String sha256,
        String mediaType,
        long bytes,
        Integer width,
        Integer height,
        Integer pages,
        String caption,
        String attachedBy,
        String attachedAt,
        String txId) {}
