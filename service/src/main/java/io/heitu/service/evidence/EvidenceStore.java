package io.heitu.service.evidence;

import java.util.Optional;

/**
 * Where evidence files live off the ledger, each under the lowercase hex SHA-256 of its bytes:
 * content-addressed, so storing a file twice changes nothing and a file read back can be checked
 * against its name and against the hash the ledger recorded. Local disk by default, any
 * S3-compatible store by configuration ({@link EvidenceStores}).
 */
public interface EvidenceStore {

    /** Keeps the bytes durably before answering; returns their SHA-256, the name they are kept under. */
    String put(byte[] bytes, String mediaType);

    /** The bytes kept under the hash, as they are now (the caller checks them); empty when absent. */
    Optional<byte[]> get(String sha256);

    /** Which kind of store, for logs and health: {@code local} or {@code s3}. */
    String kind();
}
