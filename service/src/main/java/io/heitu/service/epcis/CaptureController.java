package io.heitu.service.epcis;

import io.heitu.service.epcis.xml.EpcisXml;
import io.heitu.service.identity.CurrentUser;
import io.heitu.service.problem.ApiException;
import io.heitu.service.problem.EpcisExceptions;
import io.heitu.service.problem.ProblemCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The capture side of the EPCIS 2.0 REST bindings: documents (JSON-LD or XML) as capture jobs, each
 * captured all or nothing in one ledger transaction; single events at once. Everything is checked
 * against GS1's schema (JSON schema or XSD) before it reaches the ledger.
 */
@RestController
@RequestMapping("/epcis")
@Tag(name = "EPCIS 2.0 capture", description = "GS1 EPCIS 2.0 REST bindings: capture")
class CaptureController {

    private final EpcisSchema schema;
    private final EpcisXml xml;
    private final CaptureJobs jobs;
    private final EventStore store;
    private final PageTokens tokens;
    private final EpcisAnswers answers;
    private final CurrentUser user;
    private final EpcisSettings settings;
    private final JsonMapper json;
    private final MessageSource messages;
    private final LocaleResolver locales;

    CaptureController(
            EpcisSchema schema,
            EpcisXml xml,
            CaptureJobs jobs,
            EventStore store,
            PageTokens tokens,
            EpcisAnswers answers,
            CurrentUser user,
            EpcisSettings settings,
            JsonMapper json,
            MessageSource messages,
            LocaleResolver locales) {
        this.schema = schema;
        this.xml = xml;
        this.jobs = jobs;
        this.store = store;
        this.tokens = tokens;
        this.answers = answers;
        this.user = user;
        this.settings = settings;
        this.json = json;
        this.messages = messages;
        this.locales = locales;
    }

    @Operation(summary = "Capture an EPCISDocument (JSON-LD or XML): 202 with the capture job's Location")
    @PostMapping("/capture")
    ResponseEntity<String> capture(
            @RequestHeader(value = EpcisHeaders.CAPTURE_ERROR_BEHAVIOUR, defaultValue = "rollback") String behaviour,
            HttpServletRequest request) {
        RequestBodies.Kind kind = RequestBodies.kind(request, true);
        byte[] body = RequestBodies.read(request, settings.captureFileSizeLimit());
        JsonNode document = kind == RequestBodies.Kind.XML ? xml.readDocument(body) : RequestBodies.json(json, body);
        if (!"EPCISDocument".equals(document.path("type").asString(null))) {
            throw new ApiException("EPCIS_INVALID_DOCUMENT", "POST /capture takes an EPCISDocument");
        }
        int events = document.at("/epcisBody/eventList").size();
        if (events > settings.captureLimit()) {
            throw new ApiException(
                    "EPCIS_CAPTURE_LIMIT",
                    "a document holds at most " + settings.captureLimit() + " events (GS1-EPCIS-Capture-Limit)");
        }
        if (kind == RequestBodies.Kind.JSON) {
            // XML was checked against GS1's XSD already: its binding's own schema.
            requireValid(document);
        }
        var account = user.account();
        String id = jobs.accept(
                document,
                user.enrollment(),
                account.username(),
                account.mspId(),
                behaviour.strip().equals("proceed"));
        return ResponseEntity.accepted()
                .location(URI.create("/epcis/capture/" + id))
                .build();
    }

    @Operation(summary = "The capture jobs of your organisation, newest first, perPage at a time")
    @GetMapping("/capture")
    ResponseEntity<String> captureJobs(
            @RequestParam(required = false) String perPage,
            @RequestParam(required = false) String nextPageToken,
            HttpServletRequest request) {
        String mspId = user.account().mspId();
        int size = Paging.perPage(perPage, settings);
        String after = nextPageToken == null
                ? null
                : tokens.read(nextPageToken, "capture:" + mspId).key();
        List<String> ids = jobs.recent(mspId, after, size + 1);
        PageTokens.Issued next = null;
        if (ids.size() > size) {
            ids = ids.subList(0, size);
            next = tokens.issue(
                    "capture:" + mspId,
                    new io.heitu.service.epcis.query.EventSearch.Cursor(ids.get(size - 1), "", 0, 0));
        }
        ArrayNode list = json.createArrayNode();
        for (String id : ids) {
            jobs.find(id, mspId).ifPresent(job -> list.add(view(job, request)));
        }
        return answers.json(request, HttpStatus.OK, list, next);
    }

    @Operation(summary = "A capture job: running or finished, and a problem for each refused event")
    @GetMapping("/capture/{captureID}")
    ResponseEntity<String> captureJob(@PathVariable("captureID") String captureId, HttpServletRequest request) {
        CaptureJob job = jobs.find(captureId, user.account().mspId())
                .orElseThrow(() -> new ApiException("CAPTURE_JOB_NOT_FOUND", "no capture job " + captureId));
        Representation representation = Representation.negotiate(request.getHeader(HttpHeaders.ACCEPT), true);
        if (representation == Representation.XML) {
            return ResponseEntity.ok().contentType(representation.type()).body(xml.captureJob(view(job, request)));
        }
        return answers.json(request, HttpStatus.OK, view(job, request), null);
    }

    @Operation(summary = "Capture one event at once: 201 with the event, or 409 when the ledger already holds it")
    @PostMapping("/events")
    ResponseEntity<String> captureEvent(HttpServletRequest request) {
        RequestBodies.kind(request, false);
        JsonNode event = RequestBodies.json(json, RequestBodies.read(request, settings.captureFileSizeLimit()));
        if (event.has("epcisBody")) {
            throw new ApiException(
                    "EPCIS_INVALID_DOCUMENT", "POST /events takes one event; send documents to /capture");
        }
        requireValid(event);
        CaptureJob.Captured captured = jobs.captureOne(event, user.enrollment());
        if (captured.duplicate()) {
            throw new ApiException("EPCIS_EVENT_EXISTS", "the ledger already holds event " + captured.eventId());
        }
        JsonNode stored = store.find(captured.hashId())
                .map(EventStore.Found::event)
                .orElseThrow(() -> new IllegalStateException("a captured event is missing from the read model"));
        ResponseEntity<String> answer =
                answers.json(request, HttpStatus.CREATED, EpcisDocuments.standalone(json, stored), null);
        return ResponseEntity.status(HttpStatus.CREATED)
                .headers(answer.getHeaders())
                .location(URI.create("/epcis/events/" + URLEncoder.encode(captured.eventId(), StandardCharsets.UTF_8)))
                .header("Heitu-Verified", Boolean.toString(captured.verified()))
                .header("Heitu-Event-Hash", captured.hashId())
                .body(answer.getBody());
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
            HttpStatus status = ProblemCode.status(failure.code());
            ObjectNode problem = errors.addObject()
                    .put("type", EpcisExceptions.type(failure.code(), status))
                    .put(
                            "title",
                            messages.getMessage("problem." + failure.code() + ".title", null, failure.code(), locale))
                    .put(
                            "status",
                            EpcisExceptions.status(failure.code(), status).value())
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
                        .put("hashID", result.hashId())
                        .put("duplicate", result.duplicate())
                        .put("verified", result.verified()));
        return view;
    }

    private void requireValid(JsonNode documentOrEvent) {
        List<String> problems = schema.problems(documentOrEvent);
        if (!problems.isEmpty()) {
            throw new ApiException(
                    "EPCIS_INVALID_DOCUMENT", "not valid against the EPCIS 2.0 schema: " + String.join("; ", problems));
        }
    }
}
