package io.heitu.service.qr;

import java.time.OffsetDateTime;

/**
 * A code issuance as its organisation sees it.
 *
 * @param id the ledger's issuance id (the transaction that recorded it)
 * @param count per-unit codes, or labels of the one per-lot code
 * @param firstCode the URI of its first code
 */
public record Issuance(
        String id,
        String gtin,
        String lotCode,
        String issuerMsp,
        String keyId,
        boolean perUnit,
        int count,
        long blockNumber,
        String issuedBy,
        OffsetDateTime issuedAt,
        String firstCode) {

    static Issuance of(IssuanceStore.Row row, String firstCode) {
        return new Issuance(
                row.id(),
                row.gtin(),
                row.lotCode(),
                row.issuerMsp(),
                row.keyId(),
                row.perUnit(),
                row.count(),
                row.blockNumber(),
                row.issuedBy(),
                row.issuedAt(),
                firstCode);
    }
}
