package io.heitu.chaincode.qr;

/**
 * A batch of QR codes issued for a lot: per lot or per unit, how many, signed with which key, and a
 * digest of the serials (the serials themselves stay off the ledger).
 */
public record Issuance(
        String issuanceId,
        String gtin,
        String lotCode,
        String issuerMsp,
        String keyId,
        int count,
        boolean perUnit,
        String serialsDigest,
        String issuedAt) {}
