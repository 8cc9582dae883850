package io.heitu.service.ledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An organisation's QR signing key as {@code qr:Keys} lists it: the public half and its status. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SigningKey(
        String mspId,
        String keyId,
        String algorithm,
        String publicKey,
        String status,
        String registeredAt,
        String revokedAt,
        String revokedReason) {}
