package io.heitu.service.ledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An issuance of QR codes as the ledger records it ({@code qr:RecordIssuance}, {@code
 * qr:Issuances}): who issued how many codes for which lot with which key, and a digest of the
 * serials (the serials themselves stay in the service's database).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IssuanceRecord(
        String issuanceId,
        String gtin,
        String lotCode,
        String issuerMsp,
        String keyId,
        int count,
        boolean perUnit,
        String serialsDigest,
        String issuedAt) {}
