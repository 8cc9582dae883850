package io.heitu.service.evidence;

import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Evidence files in an S3-compatible bucket under {@code <prefix><sha256>}. S3 acknowledges a
 * PUT once the object is stored durably; the same bytes put twice land under the same key.
 */
final class S3EvidenceStore implements EvidenceStore {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3EvidenceStore(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
    }

    @Override
    public String put(byte[] bytes, String mediaType) {
        String sha256 = Sha256.of(bytes);
        s3.putObject(
                put -> put.bucket(bucket).key(prefix + sha256).contentType(mediaType), RequestBody.fromBytes(bytes));
        return sha256;
    }

    @Override
    public Optional<byte[]> get(String sha256) {
        if (!Sha256.valid(sha256)) {
            return Optional.empty();
        }
        try {
            return Optional.of(s3.getObjectAsBytes(get -> get.bucket(bucket).key(prefix + sha256))
                    .asByteArray());
        } catch (NoSuchKeyException absent) {
            return Optional.empty();
        }
    }

    @Override
    public String kind() {
        return "s3";
    }
}
