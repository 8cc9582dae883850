package io.heitu.service.epcis;

import io.heitu.identity.Enrollment;
import io.heitu.service.ledger.LedgerException;
import io.heitu.service.ledger.Receipt;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.ledger.wire.Recorded;
import io.heitu.service.ledger.wire.Recordings;
import io.heitu.service.problem.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Captures EPCIS documents in the background, each in ONE ledger transaction
 * ({@code event:Capture}, signed by the user who sent it): a document of up to the capture limit is
 * captured whole or not at all, on either ledger, which is what {@code GS1-Capture-Error-Behaviour:
 * rollback} (the default) promises. {@code proceed} takes a refused event out and sends the rest
 * again, until every good event is captured and every bad one reported.
 */
@Component
class CaptureJobs implements DisposableBean {

    /** What one {@code event:Capture} request may weigh (the chaincode's own limit). */
    static final int LEDGER_REQUEST_BYTES = 2 * 1024 * 1024;
    /** MVCC conflicts with concurrent transactions are retried this often before the job fails. */
    private static final int CONFLICT_RETRIES = 3;

    private static final Logger LOG = LoggerFactory.getLogger(CaptureJobs.class);
    private static final Pattern EVENT_INDEX = Pattern.compile("^event (\\d+): (.*)$", Pattern.DOTALL);
    private static final TypeReference<List<CaptureJob.Failure>> FAILURES = new TypeReference<>() {};
    private static final TypeReference<List<CaptureJob.Captured>> CAPTURED = new TypeReference<>() {};
    /** The most events one {@code event:GetMany} reads. */
    private static final int MANY = 500;

    private final TraceLedger ledger;
    private final EventStore store;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "epcis-capture");
        thread.setDaemon(true);
        return thread;
    });

    CaptureJobs(TraceLedger ledger, EventStore store, JdbcClient jdbc, JsonMapper json) {
        this.ledger = ledger;
        this.store = store;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Jobs a restart interrupted are over: their one transaction either committed or not. */
    @EventListener(ApplicationReadyEvent.class)
    void interrupted() {
        jdbc.sql("UPDATE epcis_capture_job SET running = FALSE, success = FALSE, finished_at = ?, errors = ? "
                        + "WHERE running")
                .params(
                        now(),
                        json.writeValueAsString(List.of(new CaptureJob.Failure(
                                "CAPTURE_INTERRUPTED", "the service stopped while capturing", null, null))))
                .update();
    }

    /**
     * Accepts a validated document whose events fit one ledger transaction (else 413, before
     * anything is stored); its events are captured in the background.
     */
    String accept(JsonNode document, Enrollment signer, String username, String mspId, boolean proceed) {
        JsonNode context = document.get("@context");
        ArrayNode events = (ArrayNode) document.at("/epcisBody/eventList");
        List<JsonNode> all = new ArrayList<>();
        events.forEach(all::add);
        if (json.writeValueAsString(request(context, all)).getBytes(StandardCharsets.UTF_8).length
                > LEDGER_REQUEST_BYTES) {
            throw new ApiException(
                    "EPCIS_CAPTURE_LIMIT", "the events take more than one ledger transaction holds (2 MiB)");
        }
        String id = UUID.randomUUID().toString();
        jdbc.sql(
                        "INSERT INTO epcis_capture_job (id, username, msp_id, created_at, running, success, error_behaviour, "
                                + "event_count, captured, errors, results) VALUES (?, ?, ?, ?, TRUE, TRUE, ?, ?, 0, '[]', '[]')")
                .params(id, username, mspId, now(), proceed ? "proceed" : "rollback", events.size())
                .update();
        workers.execute(() -> run(id, context, all, signer, proceed));
        return id;
    }

    Optional<CaptureJob> find(String id, String mspId) {
        return jdbc.sql("SELECT * FROM epcis_capture_job WHERE id = ? AND msp_id = ?")
                .params(id, mspId)
                .query((rs, row) -> new CaptureJob(
                        rs.getString("id"),
                        rs.getString("username"),
                        rs.getString("msp_id"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("finished_at", OffsetDateTime.class),
                        rs.getBoolean("running"),
                        rs.getBoolean("success"),
                        rs.getString("error_behaviour"),
                        rs.getInt("event_count"),
                        rs.getInt("captured"),
                        json.readValue(rs.getString("errors"), FAILURES),
                        json.readValue(rs.getString("results"), CAPTURED)))
                .optional();
    }

    /** One page of an organisation's jobs, newest first, after the job of {@code afterId} when given. */
    List<String> recent(String mspId, String afterId, int max) {
        if (afterId == null) {
            return jdbc.sql("SELECT id FROM epcis_capture_job WHERE msp_id = ? ORDER BY created_at DESC, id DESC "
                            + "FETCH FIRST " + max + " ROWS ONLY")
                    .param(mspId)
                    .query(String.class)
                    .list();
        }
        return jdbc.sql("""
                        SELECT j.id FROM epcis_capture_job j, epcis_capture_job a
                        WHERE a.id = ? AND j.msp_id = ? AND (j.created_at < a.created_at
                            OR (j.created_at = a.created_at AND j.id < a.id))
                        ORDER BY j.created_at DESC, j.id DESC FETCH FIRST """ + max + " ROWS ONLY")
                .params(afterId, mspId)
                .query(String.class)
                .list();
    }

    /** One event, at once, in one transaction: the REST binding's {@code POST /events}. */
    CaptureJob.Captured captureOne(JsonNode event, Enrollment signer) {
        Receipt<Recordings> committed = ledger.capture(signer, request(event.get("@context"), List.of(event)));
        return results(committed, signer).get(0);
    }

    private void run(String id, JsonNode context, List<JsonNode> events, Enrollment signer, boolean proceed) {
        List<CaptureJob.Failure> errors = new ArrayList<>();
        List<CaptureJob.Captured> results = new ArrayList<>();
        try {
            List<Integer> pending = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                pending.add(i);
            }
            while (!pending.isEmpty()) {
                List<JsonNode> slice = pending.stream().map(events::get).toList();
                try {
                    results.addAll(results(submit(signer, request(context, slice)), signer));
                    break;
                } catch (LedgerException.Rejected refused) {
                    CaptureJob.Failure failure = failure(refused, pending);
                    errors.add(failure);
                    if (!proceed) {
                        break;
                    }
                    if (failure.eventIndex() == null) {
                        // Refused as a whole, naming no event: try each event alone.
                        for (int index : pending) {
                            captureAlone(context, events, index, signer, results, errors);
                        }
                        errors.remove(failure);
                        break;
                    }
                    pending.remove(failure.eventIndex());
                    progress(id, false);
                }
            }
        } catch (LedgerException e) {
            errors.add(new CaptureJob.Failure(
                    e instanceof LedgerException.Conflict ? "CONCURRENT_UPDATE" : "LEDGER_UNAVAILABLE",
                    null,
                    null,
                    null));
        } catch (RuntimeException e) {
            LOG.error("capture job {} failed unexpectedly", id, e);
            errors.add(new CaptureJob.Failure("INTERNAL_ERROR", null, null, null));
        }
        jdbc.sql(
                        "UPDATE epcis_capture_job SET running = FALSE, success = ?, finished_at = ?, captured = ?, errors = ?, "
                                + "results = ? WHERE id = ?")
                .params(
                        errors.isEmpty(),
                        now(),
                        results.size(),
                        json.writeValueAsString(errors),
                        json.writeValueAsString(results),
                        id)
                .update();
    }

    private void captureAlone(
            JsonNode context,
            List<JsonNode> events,
            int index,
            Enrollment signer,
            List<CaptureJob.Captured> results,
            List<CaptureJob.Failure> errors) {
        try {
            results.addAll(results(submit(signer, request(context, List.of(events.get(index)))), signer));
        } catch (LedgerException.Rejected one) {
            CaptureJob.Failure failure = failure(one, List.of(index));
            errors.add(new CaptureJob.Failure(failure.code(), failure.detail(), index, null));
        }
    }

    /** Submits, retrying a transaction that lost an MVCC race: it changed nothing. */
    private Receipt<Recordings> submit(Enrollment signer, ObjectNode request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return ledger.capture(signer, request);
            } catch (LedgerException.Conflict conflict) {
                if (attempt > CONFLICT_RETRIES) {
                    throw conflict;
                }
            }
        }
    }

    private void progress(String id, boolean success) {
        jdbc.sql("UPDATE epcis_capture_job SET success = ? WHERE id = ?")
                .params(success, id)
                .update();
    }

    /** What the ledger answered, with the events read back into the read model at once. */
    private List<CaptureJob.Captured> results(Receipt<Recordings> committed, Enrollment signer) {
        List<CaptureJob.Captured> results = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Recorded result : committed.answer().results()) {
            ids.add(result.eventId());
        }
        // The read model keeps each stored event as the document the ledger holds.
        List<JsonNode> stored = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += MANY) {
            json.readTree(ledger.eventsJson(signer, ids.subList(from, Math.min(ids.size(), from + MANY))))
                    .forEach(stored::add);
        }
        store.putAll(stored);
        int i = 0;
        for (Recorded result : committed.answer().results()) {
            JsonNode event = stored.get(i++);
            String source = event.path("sourceEventId").asString(null);
            results.add(new CaptureJob.Captured(
                    source != null ? source : result.eventId(),
                    result.eventId(),
                    result.duplicate(),
                    Boolean.TRUE.equals(result.verified())));
        }
        return results;
    }

    /** A refusal, naming the event of the document the chaincode named in its batch. */
    private static CaptureJob.Failure failure(LedgerException.Rejected refused, List<Integer> batch) {
        Matcher matcher = EVENT_INDEX.matcher(refused.detail() == null ? "" : refused.detail());
        if (matcher.matches()) {
            int local = Integer.parseInt(matcher.group(1));
            Integer index = local < batch.size() ? batch.get(local) : null;
            return new CaptureJob.Failure(refused.code(), matcher.group(2), index, null);
        }
        return new CaptureJob.Failure(refused.code(), refused.detail(), null, null);
    }

    private ObjectNode request(JsonNode context, List<JsonNode> events) {
        ObjectNode request = json.createObjectNode();
        if (context != null) {
            request.set("context", context);
        }
        ArrayNode list = request.putArray("events");
        events.forEach(list::add);
        return request;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public void destroy() throws Exception {
        workers.shutdown();
        workers.awaitTermination(30, TimeUnit.SECONDS);
    }
}
