package io.heitu.service.evidence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.heitu.identity.Enrollment;
import io.heitu.service.ledger.Receipt;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.ledger.wire.Attachment;
import io.heitu.service.problem.ApiException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Evidence files: an upload is re-encoded ({@link Sanitizer}), kept in the {@link EvidenceStore}
 * under its SHA-256, and only then recorded on the ledger with the uploader's own signature (the
 * chaincode decides who may attach what). Reading a file back checks its bytes against the hash
 * the ledger recorded, every time it is served.
 */
@Service
public class Evidence {

    private static final Logger LOG = LoggerFactory.getLogger(Evidence.class);

    private final EvidenceStore store;
    private final TraceLedger ledger;
    private final EvidenceSettings settings;
    private final Sanitizer sanitizer;
    private final JsonMapper json;
    /** Re-encoding takes a core for a moment and some memory: two at a time. */
    private final Semaphore encoders = new Semaphore(2);
    /** What the last read of a file found, for pages that show the check beside the file. */
    private final Cache<String, Check> checks = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    Evidence(EvidenceStore store, TraceLedger ledger, EvidenceSettings settings, JsonMapper json) {
        this.store = store;
        this.ledger = ledger;
        this.settings = settings;
        this.json = json;
        this.sanitizer = new Sanitizer(settings.maxPixels(), settings.maxSide(), settings.maxPdfPages());
    }

    /** What an upload is about and says; {@code lotCode} null for a product photo of the whole product. */
    public record Upload(String gtin, String lotCode, String kind, String caption, byte[] bytes) {}

    /** A file read back: its bytes checked against the ledger's hash. */
    public record Served(byte[] bytes, String mediaType) {}

    /** What reading a file found. */
    public enum Check {
        /** The bytes hash to what the ledger recorded. */
        INTACT,
        /** The store has no file under the hash. */
        MISSING,
        /** The store's file does not hash to its name: changed after it was recorded. */
        ALTERED
    }

    /**
     * Where a page shows the file: {@code /evidence/{sha256}?gtin=…&lot=…} for a file on that lot's
     * page (lot codes may hold '/', so they go in the query); {@code &w=320} for a thumbnail.
     */
    public static String href(String gtin, String lotCode, String sha256) {
        return "/evidence/" + sha256 + "?gtin=" + gtin + "&lot="
                + java.net.URLEncoder.encode(lotCode, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * @throws ApiException EVIDENCE_TOO_LARGE, EVIDENCE_UNREADABLE or EVIDENCE_BUSY before anything
     *     is written
     * @throws io.heitu.service.ledger.LedgerException when the chaincode refuses (the kept file stays,
     *     unreferenced; a later upload of the same picture finds it)
     */
    public Receipt<Attachment> attach(Enrollment actor, Upload upload) {
        if (upload.bytes() == null || upload.bytes().length == 0) {
            throw new ApiException("EVIDENCE_UNREADABLE", "the upload is empty");
        }
        if (upload.bytes().length > settings.maxUpload().toBytes()) {
            throw new ApiException(
                    "EVIDENCE_TOO_LARGE",
                    "a file has at most " + settings.maxUpload().toMegabytes() + " MB");
        }
        Sanitized clean = sanitize(upload.bytes(), "inspection_report".equals(upload.kind()));
        String sha256 = store.put(clean.bytes(), clean.mediaType());
        ObjectNode request = json.createObjectNode().put("gtin", upload.gtin());
        if (upload.lotCode() != null) {
            request.put("lotCode", upload.lotCode());
        }
        request.put("kind", upload.kind())
                .put("sha256", sha256)
                .put("mediaType", clean.mediaType())
                .put("bytes", clean.bytes().length)
                .put("width", clean.width())
                .put("height", clean.height());
        if (clean.pages() != null) {
            request.put("pages", clean.pages());
        }
        if (upload.caption() != null && !upload.caption().isBlank()) {
            request.put("caption", upload.caption().strip());
        }
        return ledger.attachEvidence(actor, request);
    }

    /**
     * The file's bytes if they still hash to {@code sha256}, the hash the ledger recorded.
     *
     * @throws ApiException EVIDENCE_NOT_FOUND when the store lost it, EVIDENCE_MISMATCH when it changed
     */
    public Served read(String sha256, String mediaType) {
        Optional<byte[]> kept = store.get(sha256);
        if (kept.isEmpty()) {
            checks.put(sha256, Check.MISSING);
            throw new ApiException("EVIDENCE_NOT_FOUND", "the evidence store has no file " + sha256);
        }
        if (!Sha256.of(kept.get()).equals(sha256)) {
            checks.put(sha256, Check.ALTERED);
            LOG.warn("evidence file {} in the {} store no longer matches its hash", sha256, store.kind());
            throw new ApiException("EVIDENCE_MISMATCH", "the stored file does not match the ledger's hash");
        }
        checks.put(sha256, Check.INTACT);
        return new Served(kept.get(), mediaType);
    }

    /** Whether the file matches the ledger, as last read (read now when not read lately). */
    public Check check(String sha256) {
        Check known = checks.getIfPresent(sha256);
        if (known != null) {
            return known;
        }
        try {
            read(sha256, null);
        } catch (ApiException missingOrAltered) {
            // recorded in checks by read
        }
        Check found = checks.getIfPresent(sha256);
        return found == null ? Check.MISSING : found;
    }

    private Sanitized sanitize(byte[] upload, boolean pdfAllowed) {
        try {
            if (!encoders.tryAcquire(10, TimeUnit.SECONDS)) {
                throw new ApiException("EVIDENCE_BUSY", "every encoder is busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("EVIDENCE_BUSY", "interrupted waiting for an encoder");
        }
        try {
            return sanitizer.sanitize(upload, pdfAllowed);
        } finally {
            encoders.release();
        }
    }
}
