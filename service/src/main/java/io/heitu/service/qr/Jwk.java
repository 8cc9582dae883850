package io.heitu.service.qr;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of the published key set, a JSON Web Key with two extra members.
 *
 * @param kty {@code OKP} (Ed25519) or {@code EC} (P-256)
 * @param y P-256 only
 * @param alg {@code EdDSA} or {@code ES256}
 * @param status {@code active} or {@code revoked}: codes under a revoked key are not genuine
 * @param org MSP ID of the organisation that owns the key
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Jwk(String kid, String kty, String crv, String x, String y, String alg, String status, String org) {}
