package io.heitu.service.evidence;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Evidence files ({@code heitu.evidence.*}): where they are kept and what an upload may be.
 *
 * @param store {@code local} (files under {@code dir}, by default {@code <data-dir>/evidence}) or
 *     {@code s3} (any S3-compatible store, {@code s3.*})
 * @param maxUpload largest file accepted
 * @param maxPixels largest image (width × height) decoded; larger ones are refused before decoding
 * @param maxSide images are re-encoded to at most this many pixels on their long side
 * @param maxPdfPages longest inspection report accepted as PDF
 */
@ConfigurationProperties("heitu.evidence")
public record EvidenceSettings(
        @DefaultValue("local") String store,
        Path dir,
        S3 s3,
        @DefaultValue("15MB") DataSize maxUpload,
        @DefaultValue("40000000") long maxPixels,
        @DefaultValue("1600") int maxSide,
        @DefaultValue("10") int maxPdfPages) {

    /**
     * An S3-compatible bucket; {@code endpoint} empty for AWS itself.
     *
     * @param pathStyle {@code https://host/bucket/key} rather than {@code https://bucket.host/key}
     *     (MinIO, Ceph, most on-premises stores)
     */
    public record S3(
            String endpoint,
            @DefaultValue("us-east-1") String region,
            String bucket,
            @DefaultValue("evidence/") String prefix,
            String accessKey,
            String secretKey,
            @DefaultValue("true") boolean pathStyle) {}
}
