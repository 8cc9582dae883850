package io.heitu.service.epcis;

import io.heitu.service.access.ReadAccess;
import io.heitu.service.epcis.query.EventQuery;
import io.heitu.service.epcis.query.EventSearch;
import io.heitu.service.epcis.query.QueryParameters;
import io.heitu.service.problem.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The query side of the EPCIS 2.0 REST bindings: SimpleEventQuery over {@code /events}, one event
 * by its ID, and the top-level resources ({@code /eventTypes}, {@code /bizSteps},
 * {@code /dispositions}, {@code /bizLocations}, {@code /readPoints}, {@code /epcs}) with their
 * members and each member's events. Every list pages with {@code perPage} and a
 * {@code nextPageToken} bound to the query that issued it.
 */
@RestController
@RequestMapping("/epcis")
@Tag(name = "EPCIS 2.0 query", description = "GS1 EPCIS 2.0 REST bindings: events and top-level resources")
class EventsController {

    private static final Set<String> PAGING = Set.of("perPage", "nextPageToken");

    /**
     * Events per member asked about when a reader who does not see everything lists places and
     * EPCs: a member shows if one of them is readable. A member named only in events beyond these
     * stays hidden from that reader (the safe side: never a competitor's warehouse or lot code).
     */
    static final int EVENTS_PER_MEMBER = 200;

    private final EventSearch search;
    private final EventStore store;
    private final PageTokens tokens;
    private final EpcisAnswers answers;
    private final LocationHierarchy hierarchy;
    private final EpcisSettings settings;
    private final JsonMapper json;
    private final ReadAccess access;

    EventsController(
            EventSearch search,
            EventStore store,
            PageTokens tokens,
            EpcisAnswers answers,
            LocationHierarchy hierarchy,
            EpcisSettings settings,
            JsonMapper json,
            ReadAccess access) {
        this.access = access;
        this.search = search;
        this.store = store;
        this.tokens = tokens;
        this.answers = answers;
        this.hierarchy = hierarchy;
        this.settings = settings;
        this.json = json;
    }

    @Operation(summary = "SimpleEventQuery: an EPCISQueryDocument, perPage events at a time")
    @GetMapping("/events")
    ResponseEntity<String> events(@RequestParam MultiValueMap<String, String> query, HttpServletRequest request) {
        return page(query(query, request), query, request);
    }

    @Operation(summary = "The event of an eventID or CBV 2.0 hash ID, as an EPCISQueryDocument")
    @GetMapping("/events/{eventID}")
    ResponseEntity<String> event(@PathVariable("eventID") String eventId, HttpServletRequest request) {
        List<EventStore.Found> found = access.readable(
                store.withId(eventId, settings.maxPerPage()),
                EventStore.Found::hashId,
                EventStore.Found::withQuantitiesWithheld);
        if (found.isEmpty()) {
            throw new ApiException("EVENT_NOT_FOUND", "no event " + eventId);
        }
        ResponseEntity<String> answer = answers.events(
                request, found.stream().map(EventStore.Found::event).toList(), null, null);
        return ResponseEntity.ok()
                .headers(answer.getHeaders())
                .header("Heitu-Verified", Boolean.toString(found.get(0).verified()))
                .header("Heitu-Event-Hash", found.get(0).hashId())
                .body(answer.getBody());
    }

    @Operation(summary = "The members of a top-level resource: event types, business steps, dispositions, places, EPCs")
    @GetMapping("/{resource:eventTypes|bizSteps|dispositions|bizLocations|readPoints|epcs}")
    ResponseEntity<String> members(
            @PathVariable String resource,
            @RequestParam(required = false) String perPage,
            @RequestParam(required = false) String nextPageToken,
            HttpServletRequest request) {
        TopLevel top = TopLevel.of(resource);
        int size = Paging.perPage(perPage, settings);
        String after = nextPageToken == null
                ? null
                : tokens.read(nextPageToken, "collection:" + resource).key();
        List<String> page = top.column() == null
                ? store.identifiers(TopLevel.EPC_FIELDS, after, size + 1)
                : store.distinct(top.column(), after, size + 1);
        PageTokens.Issued next = null;
        if (page.size() > size) {
            page = page.subList(0, size);
            next = tokens.issue("collection:" + resource, new EventSearch.Cursor(page.get(size - 1), "", 0, 0));
        }
        // Like event pages, a page keeps its cursor and may come out short: places and EPCs named
        // only in events the reader may not read are left out (a competitor's stores and codes).
        return answers.collection(request, readableMembers(top, page), top.identifiers(), next);
    }

    @Operation(summary = "A member of a top-level resource: its sub-resources (events)")
    @GetMapping("/{resource:eventTypes|bizSteps|dispositions|bizLocations|readPoints|epcs}/{member}")
    ResponseEntity<String> member(
            @PathVariable String resource, @PathVariable String member, HttpServletRequest request) {
        TopLevel top = TopLevel.of(resource);
        String stored = top.stored(member);
        if (!store.has(top.column(), stored)
                || readableMembers(top, List.of(stored)).isEmpty()) {
            throw new ApiException("NOT_FOUND", "no event names " + resource + " member " + member);
        }
        var collection = json.createObjectNode();
        collection.set("@context", EpcisDocuments.context(json));
        collection.put("type", "Collection");
        collection.putArray("member").add("events");
        return answers.json(request, HttpStatus.OK, collection, null);
    }

    @Operation(summary = "Events of one member of a top-level resource, with the same query parameters")
    @GetMapping("/{resource:eventTypes|bizSteps|dispositions|bizLocations|readPoints|epcs}/{member}/events")
    ResponseEntity<String> memberEvents(
            @PathVariable String resource,
            @PathVariable String member,
            @RequestParam MultiValueMap<String, String> query,
            HttpServletRequest request) {
        TopLevel top = TopLevel.of(resource);
        if (query.containsKey(top.parameter())) {
            throw QueryParameters.invalid(top.parameter() + " is given by the path");
        }
        EventQuery base = query(query, request);
        EventQuery withMember = base.and(
                QueryParameters.member(top.parameter(), member, UrlQueries.prefixes(request), hierarchy),
                resource + "=" + member);
        return page(withMember, query, request);
    }

    /**
     * The members the signed-in user may know of: all of them for vocabulary (event types, CBV
     * steps and dispositions are public words) and for readers who see everything; places and
     * EPCs only when an event the reader may read names them.
     */
    private List<String> readableMembers(TopLevel top, List<String> members) {
        if (!top.identifiers() || members.isEmpty() || access.seesAll()) {
            return members;
        }
        Set<String> shown = new java.util.HashSet<>();
        access.readable(store.naming(top.column(), members, EVENTS_PER_MEMBER), EventStore.Naming::eventId)
                .forEach(naming -> shown.add(naming.member()));
        return members.stream().filter(shown::contains).toList();
    }

    private EventQuery query(MultiValueMap<String, String> query, HttpServletRequest request) {
        Map<String, List<String>> parameters = UrlQueries.parameters(query, PAGING);
        return QueryParameters.parse(parameters, UrlQueries.prefixes(request), hierarchy);
    }

    private ResponseEntity<String> page(
            EventQuery query, MultiValueMap<String, String> raw, HttpServletRequest request) {
        String token = raw.getFirst("nextPageToken");
        EventSearch.Cursor after = token == null || token.isBlank() ? null : tokens.read(token, query.fingerprint());
        EventSearch.Page page = search.page(query, Paging.perPage(raw.getFirst("perPage"), settings), after);
        PageTokens.Issued next = page.next() == null ? null : tokens.issue(query.fingerprint(), page.next());
        // Pages keep their cursor: events the user may not read are left out, so a page may be short.
        List<EventSearch.Found> readable =
                access.readable(page.events(), EventSearch.Found::hashId, EventSearch.Found::withQuantitiesWithheld);
        return answers.events(
                request, readable.stream().map(EventSearch.Found::event).toList(), null, next);
    }
}
