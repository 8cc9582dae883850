package io.heitu.service.qr;

import io.heitu.service.origin.PublicOrigin;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * QR codes and the consumer page ({@code heitu.qr.*}).
 *
 * @param resolverBase scheme, host and port printed in codes: {@code https://q.example.cn} in production;
 *     the default suits a phone on the same network only if changed to the machine's address
 * @param maxCodesPerIssuance per-unit codes one request may issue (each is signed and stored)
 * @param syncLabelLimit labels a sheet may have to be rendered within the request; more go to a job
 * @param suspiciousPlaces a unit code scanned from more distinct places (networks) than this is
 *     flagged: one bag is in one household, a copied code is on shelves in many
 * @param clientsAfterSoldOut a unit code scanned by more distinct clients than this after its lot
 *     sold out is flagged
 * @param scanFlushInterval how often scan counts go to the database (a crash loses at most this much)
 */
@ConfigurationProperties("heitu.qr")
public record QrSettings(
        @DefaultValue("http://localhost:8080") String resolverBase,
        @DefaultValue("100000") int maxCodesPerIssuance,
        @DefaultValue("1000") int syncLabelLimit,
        @DefaultValue("5") int suspiciousPlaces,
        @DefaultValue("3") int clientsAfterSoldOut,
        @DefaultValue("2s") Duration scanFlushInterval) {

    /** The URI a code carries: the resolver's base, the Digital Link path and the signature. */
    public String uri(SignedLink code) {
        String uri =
                PublicOrigin.withoutTrailingSlash(resolverBase) + code.link().path();
        return code.signature() == null
                ? uri
                : uri + "?" + CodeSignature.PARAM + "=" + code.signature().toParam();
    }
}
