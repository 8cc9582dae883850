package io.heitu.service.label;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.heitu.service.HeituProperties;
import io.heitu.service.problem.ApiException;
import io.heitu.service.qr.Issuance;
import io.heitu.service.qr.Issuances;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Label sheets too big to render within a request: one job at a time on one thread (so consumers'
 * scans keep the other core), progress counted label by label, the PDF written to the data
 * directory and kept for an hour. Jobs live in memory: a restart forgets them and their files.
 */
@Component
public class LabelJobs implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(LabelJobs.class);
    private static final Duration KEEP = Duration.ofHours(1);
    private static final int MAX_JOBS = 100;

    private final Issuances issuances;
    private final LabelTexts texts;
    private final Path dir;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "label-jobs");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    LabelJobs(Issuances issuances, LabelTexts texts, HeituProperties properties) throws IOException {
        this.issuances = issuances;
        this.texts = texts;
        this.dir = properties.dataDir().resolve("labels");
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            for (Path file : old.toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** A job as its owner sees it; {@code pdf} is where to fetch the sheet once {@code state} is done. */
    public record Status(
            String id,
            String issuanceId,
            String layout,
            String state,
            int done,
            int total,
            String pdf,
            String error,
            Long elapsedMillis) {}

    /** The sheet at once, for the few hundred labels a request can afford. */
    public void render(
            String mspId, String issuanceId, LabelLayout layout, ErrorCorrectionLevel level, OutputStream out) {
        Issuance issuance = issuances.get(mspId, issuanceId);
        List<String> codes = issuances.labels(mspId, issuanceId);
        LabelSheet.a4(layout)
                .withErrorCorrection(level)
                .write(codes, texts.of(issuance.gtin(), issuance.lotCode()), out, done -> {});
    }

    public Status start(String mspId, String issuanceId, LabelLayout layout, ErrorCorrectionLevel level) {
        Issuance issuance = issuances.get(mspId, issuanceId);
        if (issuance.count() > LabelSheet.MAX_LABELS) {
            throw new ApiException("LIMIT_EXCEEDED", "a sheet has at most " + LabelSheet.MAX_LABELS + " labels");
        }
        forgetOld();
        if (jobs.size() >= MAX_JOBS) {
            throw new ApiException("LIMIT_EXCEEDED", "too many label jobs; try again in a while");
        }
        Job job = new Job(UUID.randomUUID().toString(), mspId, issuance, layout, dir);
        jobs.put(job.id, job);
        worker.submit(() -> run(job, level));
        return job.status();
    }

    public Status status(String mspId, String id) {
        return job(mspId, id).status();
    }

    /** The finished sheet. */
    public Path pdf(String mspId, String id) {
        Job job = job(mspId, id);
        if (!"done".equals(job.state)) {
            throw new ApiException("LABEL_JOB_NOT_DONE", "label job " + id + " is " + job.state);
        }
        return job.file;
    }

    private void run(Job job, ErrorCorrectionLevel level) {
        job.started = Instant.now();
        job.state = "running";
        try (OutputStream out = Files.newOutputStream(job.file)) {
            List<String> codes = issuances.labels(job.mspId, job.issuance.id());
            LabelText text = texts.of(job.issuance.gtin(), job.issuance.lotCode());
            LabelSheet.a4(job.layout).withErrorCorrection(level).write(codes, text, out, job.done::set);
            job.finished = Instant.now();
            job.state = "done";
        } catch (IOException | RuntimeException e) {
            LOG.warn("label job {} failed: {}", job.id, e.toString());
            job.error = e instanceof ApiException api ? api.code() : "INTERNAL_ERROR";
            job.state = "failed";
        }
    }

    private Job job(String mspId, String id) {
        Job job = jobs.get(id);
        if (job == null || !job.mspId.equals(mspId)) {
            throw new ApiException("LABEL_JOB_NOT_FOUND", "no label job " + id);
        }
        return job;
    }

    private void forgetOld() {
        Instant cutoff = Instant.now().minus(KEEP);
        jobs.values().removeIf(job -> {
            boolean old = job.created.isBefore(cutoff) && !"running".equals(job.state);
            if (old) {
                try {
                    Files.deleteIfExists(job.file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return old;
        });
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    /** One job's progress; written by the worker thread, read by requests. */
    private static final class Job {
        final String id;
        final String mspId;
        final Issuance issuance;
        final LabelLayout layout;
        final Path file;
        final Instant created = Instant.now();
        final AtomicInteger done = new AtomicInteger();
        volatile String state = "queued";
        volatile String error;
        volatile Instant started;
        volatile Instant finished;

        Job(String id, String mspId, Issuance issuance, LabelLayout layout, Path dir) {
            this.id = id;
            this.mspId = mspId;
            this.issuance = issuance;
            this.layout = layout;
            this.file = dir.resolve(id + ".pdf");
        }

        Status status() {
            Long elapsed = started == null
                    ? null
                    : Duration.between(started, finished == null ? Instant.now() : finished)
                            .toMillis();
            String pdf = "done".equals(state) ? "/api/qr/label-jobs/" + id + "/pdf" : null;
            return new Status(
                    id, issuance.id(), layout.name(), state, done.get(), issuance.count(), pdf, error, elapsed);
        }
    }
}
