package io.heitu.service.epcis;

import io.heitu.service.identity.CurrentUser;
import io.heitu.service.problem.ApiException;
import io.heitu.service.problem.ProblemCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The EPCIS 2.0 REST binding: capture (documents as background jobs, single events at once) and
 * query (SimpleEventQuery parameters, {@code perPage}/{@code nextPageToken} pagination with a
 * {@code Link: rel="next"} header), and the top-level resources. Every document and event is checked
 * against GS1's schema before anything reaches the ledger.
 */
@RestController
@RequestMapping("/epcis")
@Tag(name = "EPCIS 2.0", description = "GS1 EPCIS 2.0 capture and query interface")
class EpcisController {

    static final int CAPTURE_LIMIT = 1_000;
    private static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");
    private static final int MAX_MEMBERS = 1_000;

    /** Top-level resources: their read-model column (or identifier fields) and query parameter. */
    private record Resource(String column, String parameter) {}

    private static final Map<String, Resource> RESOURCES = Map.of(
            "eventTypes", new Resource("event_type", "eventType"),
            "bizSteps", new Resource("biz_step", "EQ_bizStep"),
            "dispositions", new Resource("disposition", "EQ_disposition"),
            "bizLocations", new Resource("biz_location", "EQ_bizLocation"),
            "readPoints", new Resource("read_point", "EQ_readPoint"),
            "epcs", new Resource(null, "MATCH_anyEPC"));

    private final EpcisSchema schema;
    private final CaptureJobs jobs;
    private final EventStore store;
    private final CurrentUser user;
    private final JsonMapper json;
    private final MessageSource messages;
    private final LocaleResolver locales;

    EpcisController(
            EpcisSchema schema,
            CaptureJobs jobs,
            EventStore store,
            CurrentUser user,
            JsonMapper json,
            MessageSource messages,
            LocaleResolver locales) {
        this.schema = schema;
        this.jobs = jobs;
        this.store = store;
        this.user = user;
        this.json = json;
        this.messages = messages;
        this.locales = locales;
    }

    @Operation(summary = "Capture an EPCISDocument: 202 with the capture job's Location")
    @PostMapping(
            value = "/capture",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/ld+json"})
    ResponseEntity<String> capture(
            @RequestBody String body,
            @RequestHeader(value = "GS1-Capture-Error-Behaviour", defaultValue = "rollback") String behaviour) {
        JsonNode document = parse(body);
        if (!"EPCISDocument".equals(document.path("type").asString(null))) {
            throw new ApiException("EPCIS_INVALID_DOCUMENT", "POST /capture takes an EPCISDocument");
        }
        requireValid(document);
        if (document.at("/epcisBody/eventList").size() > CAPTURE_LIMIT) {
            throw new ApiException("EPCIS_CAPTURE_LIMIT", "a document holds at most " + CAPTURE_LIMIT + " events");
        }
        if (!behaviour.equals("rollback") && !behaviour.equals("proceed")) {
            throw new ApiException("EPCIS_INVALID_DOCUMENT", "GS1-Capture-Error-Behaviour must be rollback or proceed");
        }
        var account = user.account();
        String id = jobs.accept(
                document, user.enrollment(), account.username(), account.mspId(), behaviour.equals("proceed"));
        return ResponseEntity.accepted()
                .headers(gs1Headers())
                .location(URI.create("/epcis/capture/" + id))
                .build();
    }

    @Operation(summary = "The capture jobs of your organisation, newest first")
    @GetMapping("/capture")
    ResponseEntity<String> captureJobs(HttpServletRequest request) {
        ArrayNode list = json.createArrayNode();
        for (String id : jobs.recent(user.account().mspId(), 100)) {
            jobs.find(id, user.account().mspId()).ifPresent(job -> list.add(view(job, request)));
        }
        return answer(HttpStatus.OK, MediaType.APPLICATION_JSON, list);
    }

    @Operation(summary = "A capture job: running or finished, and a problem for each refused event")
    @GetMapping("/capture/{captureId}")
    ResponseEntity<String> captureJob(@PathVariable String captureId, HttpServletRequest request) {
        CaptureJob job = jobs.find(captureId, user.account().mspId())
                .orElseThrow(() -> new ApiException("CAPTURE_JOB_NOT_FOUND", "no capture job " + captureId));
        return answer(HttpStatus.OK, MediaType.APPLICATION_JSON, view(job, request));
    }

    @Operation(summary = "Capture one event at once: 201, or 409 when the ledger already holds it")
    @PostMapping(
            value = "/events",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/ld+json"})
    ResponseEntity<String> captureEvent(@RequestBody String body) {
        JsonNode event = parse(body);
        requireValid(event);
        if (!event.isObject() || event.has("epcisBody")) {
            throw new ApiException(
                    "EPCIS_INVALID_DOCUMENT", "POST /events takes one event; send documents to /capture");
        }
        CaptureJob.Captured captured = jobs.captureOne(event, user.enrollment());
        if (captured.duplicate()) {
            throw new ApiException("EPCIS_EVENT_EXISTS", "the ledger already holds event " + captured.eventId());
        }
        ObjectNode answer =
                json.createObjectNode().put("eventID", captured.eventId()).put("verified", captured.verified());
        return ResponseEntity.created(URI.create("/epcis/events/" + EventRows.digest(captured.eventId())))
                .headers(gs1Headers())
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(answer));
    }

    @Operation(summary = "SimpleEventQuery: EPCISQueryDocument, perPage events at a time")
    @GetMapping("/events")
    ResponseEntity<String> events(@RequestParam MultiValueMap<String, String> parameters) {
        return page(EventQuery.of(parameters));
    }

    @Operation(summary = "One event by its hash ID (or the digest in it, or the eventID its document gave)")
    @GetMapping("/events/{eventId}")
    ResponseEntity<String> event(@PathVariable String eventId) {
        EventStore.Found found =
                store.find(eventId).orElseThrow(() -> new ApiException("EVENT_NOT_FOUND", "no event " + eventId));
        return ResponseEntity.ok()
                .headers(gs1Headers())
                .header("Heitu-Verified", Boolean.toString(found.verified()))
                .contentType(JSON_LD)
                .body(json.writeValueAsString(EpcisDocuments.standalone(json, found.event())));
    }

    @Operation(summary = "Top-level resources: event types, business steps, dispositions, locations, EPCs")
    @GetMapping("/{resource:eventTypes|bizSteps|dispositions|bizLocations|readPoints|epcs}")
    ResponseEntity<String> members(@PathVariable String resource) {
        Resource what = RESOURCES.get(resource);
        List<String> members = what.column() == null
                ? store.identifiers(EventQuery.MATCHES.get("MATCH_anyEPC"), MAX_MEMBERS)
                : store.distinct(what.column(), MAX_MEMBERS);
        return answer(HttpStatus.OK, JSON_LD, EpcisDocuments.collection(json, members));
    }

    @Operation(summary = "Events of one member of a top-level resource, with the same query parameters")
    @GetMapping("/{resource:eventTypes|bizSteps|dispositions|bizLocations|readPoints|epcs}/{member}/events")
    ResponseEntity<String> memberEvents(
            @PathVariable String resource,
            @PathVariable String member,
            @RequestParam MultiValueMap<String, String> parameters) {
        return page(EventQuery.of(parameters).with(RESOURCES.get(resource).parameter(), member));
    }

    private ResponseEntity<String> page(EventQuery query) {
        EventStore.Page page = store.query(query);
        ResponseEntity.BodyBuilder builder =
                ResponseEntity.ok().headers(gs1Headers()).contentType(JSON_LD);
        if (page.next() != null) {
            String token = page.next().token();
            String next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("nextPageToken", token)
                    .build()
                    .toUriString();
            builder.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
            builder.header("GS1-Next-Page-Token", token);
        }
        return builder.body(json.writeValueAsString(EpcisDocuments.queryDocument(json, page.events())));
    }

    private ObjectNode view(CaptureJob job, HttpServletRequest request) {
        Locale locale = locales.resolveLocale(request);
        ObjectNode view = json.createObjectNode()
                .put("captureID", job.id())
                .put("createdAt", job.createdAt().toString())
                .put("running", job.running())
                .put("success", job.success())
                .put("captureErrorBehaviour", job.errorBehaviour())
                .put("eventCount", job.eventCount())
                .put("capturedCount", job.captured());
        if (job.finishedAt() != null) {
            view.put("finishedAt", job.finishedAt().toString());
        }
        ArrayNode errors = view.putArray("errors");
        for (CaptureJob.Failure failure : job.errors()) {
            ObjectNode problem = errors.addObject()
                    .put("type", "urn:heitu:problem:" + failure.code())
                    .put(
                            "title",
                            messages.getMessage("problem." + failure.code() + ".title", null, failure.code(), locale))
                    .put("status", ProblemCode.status(failure.code()).value())
                    .put("code", failure.code());
            if (failure.detail() != null) {
                problem.put("detail", failure.detail());
            }
            if (failure.eventIndex() != null) {
                problem.put("eventIndex", failure.eventIndex());
            }
        }
        ArrayNode results = view.putArray("results");
        job.results()
                .forEach(result -> results.addObject()
                        .put("eventID", result.eventId())
                        .put("duplicate", result.duplicate())
                        .put("verified", result.verified()));
        return view;
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new ApiException("EPCIS_INVALID_DOCUMENT", "the body is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new ApiException("EPCIS_INVALID_DOCUMENT", "the body is not valid JSON");
        }
    }

    private void requireValid(JsonNode documentOrEvent) {
        List<String> problems = schema.problems(documentOrEvent);
        if (!problems.isEmpty()) {
            throw new ApiException(
                    "EPCIS_INVALID_DOCUMENT", "not valid against the EPCIS 2.0 schema: " + String.join("; ", problems));
        }
    }

    private ResponseEntity<String> answer(HttpStatus status, MediaType type, JsonNode body) {
        return ResponseEntity.status(status)
                .headers(gs1Headers())
                .contentType(type)
                .body(json.writeValueAsString(body));
    }

    private static HttpHeaders gs1Headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("GS1-EPCIS-Version", "2.0.0");
        headers.add("GS1-CBV-Version", "2.0.0");
        headers.add("GS1-EPCIS-Capture-Limit", Integer.toString(CAPTURE_LIMIT));
        headers.add("GS1-Extensions", EpcisDocuments.JILIN_PREFIX + "=" + EpcisDocuments.JILIN_NAMESPACE);
        return headers;
    }
}
