package io.heitu.service.epcis;

import io.heitu.identity.Enrollment;
import io.heitu.service.ledger.LedgerException;
import io.heitu.service.ledger.Receipt;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.ledger.wire.Recorded;
import io.heitu.service.ledger.wire.Recordings;
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
 * Captures EPCIS documents in the background: each document's events go to the ledger in
 * transactions of up to {@value #BATCH_EVENTS} events ({@code event:Capture}, all or nothing per
 * transaction), in order, signed by the user who sent the document.
 *
 * <p>{@code rollback} (the default) stops at the first refused transaction: it changed nothing, and
 * no later one is sent; a document of up to {@value #BATCH_EVENTS} events is therefore captured whole
 * or not at all. {@code proceed} captures a refused transaction's events one by one instead, so
 * every good event is kept and every bad one reported.
 */
@Component
class CaptureJobs implements DisposableBean {

    static final int BATCH_EVENTS = 100;
    /** Well under the chaincode's 256 KiB request limit. */
    static final int BATCH_BYTES = 200_000;

    private static final Logger LOG = LoggerFactory.getLogger(CaptureJobs.class);
    private static final Pattern EVENT_INDEX = Pattern.compile("^event (\\d+): (.*)$", Pattern.DOTALL);
    private static final TypeReference<List<CaptureJob.Failure>> FAILURES = new TypeReference<>() {};
    private static final TypeReference<List<CaptureJob.Captured>> CAPTURED = new TypeReference<>() {};

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

    /** Jobs a restart interrupted are over: their last transaction either committed or not. */
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

    /** Accepts a validated document; its events are captured in the background. */
    String accept(JsonNode document, Enrollment signer, String username, String mspId, boolean proceed) {
        String id = UUID.randomUUID().toString();
        JsonNode events = document.at("/epcisBody/eventList");
        jdbc.sql(
                        "INSERT INTO epcis_capture_job (id, username, msp_id, created_at, running, success, error_behaviour, "
                                + "event_count, captured, errors, results) VALUES (?, ?, ?, ?, TRUE, FALSE, ?, ?, 0, '[]', '[]')")
                .params(id, username, mspId, now(), proceed ? "proceed" : "rollback", events.size())
                .update();
        workers.execute(() -> run(id, document.get("@context"), events, signer, proceed));
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

    List<String> recent(String mspId, int max) {
        return jdbc.sql("SELECT id FROM epcis_capture_job WHERE msp_id = ? ORDER BY created_at DESC FETCH FIRST " + max
                        + " ROWS ONLY")
                .param(mspId)
                .query(String.class)
                .list();
    }

    /** One event, at once, in one transaction: the REST binding's {@code POST /events}. */
    CaptureJob.Captured captureOne(JsonNode event, Enrollment signer) {
        Receipt<Recordings> committed = ledger.capture(signer, request(event.get("@context"), List.of(event)));
        List<CaptureJob.Captured> results = results(committed, signer);
        return results.get(0);
    }

    private void run(String id, JsonNode context, JsonNode events, Enrollment signer, boolean proceed) {
        List<CaptureJob.Failure> errors = new ArrayList<>();
        List<CaptureJob.Captured> results = new ArrayList<>();
        try {
            for (List<Integer> batch : batches(events)) {
                List<JsonNode> slice = batch.stream().map(events::get).toList();
                try {
                    results.addAll(results(ledger.capture(signer, request(context, slice)), signer));
                } catch (LedgerException.Rejected refused) {
                    if (!proceed) {
                        errors.add(failure(refused, batch));
                        break;
                    }
                    for (int index : batch) {
                        try {
                            results.addAll(results(
                                    ledger.capture(signer, request(context, List.of(events.get(index)))), signer));
                        } catch (LedgerException.Rejected one) {
                            errors.add(failure(one, List.of(index)));
                        }
                    }
                }
                progress(id, results.size());
            }
        } catch (LedgerException e) {
            errors.add(new CaptureJob.Failure(
                    e instanceof LedgerException.Conflict ? "CONCURRENT_UPDATE" : "LEDGER_UNAVAILABLE",
                    null,
                    results.size(),
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

    private void progress(String id, int captured) {
        jdbc.sql("UPDATE epcis_capture_job SET captured = ? WHERE id = ?")
                .params(captured, id)
                .update();
    }

    /** What the ledger answered, with each event read back into the read model at once. */
    private List<CaptureJob.Captured> results(Receipt<Recordings> committed, Enrollment signer) {
        List<CaptureJob.Captured> results = new ArrayList<>();
        List<JsonNode> events = new ArrayList<>();
        for (Recorded result : committed.answer().results()) {
            String eventId = result.eventId();
            results.add(new CaptureJob.Captured(eventId, result.duplicate(), Boolean.TRUE.equals(result.verified())));
            // The read model keeps the stored event as the document the ledger holds.
            events.add(json.readTree(ledger.eventJson(signer, eventId)));
        }
        store.putAll(events);
        return results;
    }

    /** A refusal, naming the event of the document the chaincode named in its batch. */
    private static CaptureJob.Failure failure(LedgerException.Rejected refused, List<Integer> batch) {
        Matcher matcher = EVENT_INDEX.matcher(refused.detail() == null ? "" : refused.detail());
        if (matcher.matches()) {
            int local = Integer.parseInt(matcher.group(1));
            int index = local < batch.size() ? batch.get(local) : batch.get(0);
            return new CaptureJob.Failure(refused.code(), matcher.group(2), index, null);
        }
        return new CaptureJob.Failure(refused.code(), refused.detail(), batch.get(0), null);
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

    /** Indexes of the events, cut into transactions by count and size. */
    private List<List<Integer>> batches(JsonNode events) {
        List<List<Integer>> batches = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < events.size(); i++) {
            int size = json.writeValueAsString(events.get(i)).getBytes(StandardCharsets.UTF_8).length;
            if (!current.isEmpty() && (current.size() == BATCH_EVENTS || bytes + size > BATCH_BYTES)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(i);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
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
