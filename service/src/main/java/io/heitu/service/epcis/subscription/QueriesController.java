package io.heitu.service.epcis.subscription;

import io.heitu.service.epcis.EpcFormat;
import io.heitu.service.epcis.EpcisAnswers;
import io.heitu.service.epcis.EpcisHeaders;
import io.heitu.service.epcis.EpcisSettings;
import io.heitu.service.epcis.PageTokens;
import io.heitu.service.epcis.Paging;
import io.heitu.service.epcis.RequestBodies;
import io.heitu.service.epcis.UrlQueries;
import io.heitu.service.epcis.query.EventQuery;
import io.heitu.service.epcis.query.EventSearch;
import io.heitu.service.epcis.query.Hierarchy;
import io.heitu.service.identity.CurrentUser;
import io.heitu.service.problem.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Named queries and their subscriptions ({@code /epcis/queries}): create, list, read and delete a
 * query; its results by GET ({@code /queries/{name}/events}, or a WebSocket subscription on the same
 * URL with {@code Upgrade: websocket}); webhook subscriptions with {@code dest} and
 * {@code signatureToken}, by stream or schedule. Queries and subscriptions belong to the
 * organisation of the user who made them.
 */
@RestController
@RequestMapping("/epcis/queries")
@Tag(name = "EPCIS 2.0 queries", description = "GS1 EPCIS 2.0 REST bindings: named queries and subscriptions")
class QueriesController {

    private final NamedQueries queries;
    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final EventSearch search;
    private final Hierarchy hierarchy;
    private final PageTokens tokens;
    private final EpcisAnswers answers;
    private final CurrentUser user;
    private final EpcisSettings settings;
    private final JsonMapper json;

    private final WebhookDestinations destinations;

    QueriesController(
            NamedQueries queries,
            Subscriptions subscriptions,
            Deliveries deliveries,
            EventSearch search,
            Hierarchy hierarchy,
            PageTokens tokens,
            EpcisAnswers answers,
            CurrentUser user,
            EpcisSettings settings,
            JsonMapper json,
            WebhookDestinations destinations) {
        this.destinations = destinations;
        this.queries = queries;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.search = search;
        this.hierarchy = hierarchy;
        this.tokens = tokens;
        this.answers = answers;
        this.user = user;
        this.settings = settings;
        this.json = json;
    }

    @Operation(summary = "Your organisation's named queries, by name, perPage at a time")
    @GetMapping
    ResponseEntity<String> list(
            @RequestParam(required = false) String perPage,
            @RequestParam(required = false) String nextPageToken,
            HttpServletRequest request) {
        String mspId = user.account().mspId();
        int size = Paging.perPage(perPage, settings);
        String after = nextPageToken == null
                ? null
                : tokens.read(nextPageToken, "queries:" + mspId).key();
        List<NamedQuery> page = queries.list(mspId, after, size + 1);
        PageTokens.Issued next = null;
        if (page.size() > size) {
            page = page.subList(0, size);
            next = tokens.issue(
                    "queries:" + mspId,
                    new EventSearch.Cursor(page.get(size - 1).name(), "", 0, 0));
        }
        ArrayNode list = json.createArrayNode();
        page.forEach(query -> list.add(view(query)));
        return answers.json(request, HttpStatus.OK, list, next);
    }

    @Operation(summary = "Creates a named query (checked against GS1's query schema): 201 with its Location")
    @PostMapping
    ResponseEntity<String> create(HttpServletRequest request) {
        RequestBodies.kind(request, false);
        JsonNode body = RequestBodies.json(json, RequestBodies.read(request, settings.captureFileSizeLimit()));
        var account = user.account();
        NamedQuery query = queries.check(account.mspId(), body, UrlQueries.prefixes(request));
        query.eventQuery(hierarchy);
        queries.create(query, account.username());
        return ResponseEntity.created(URI.create("/epcis/queries/" + query.name()))
                .build();
    }

    @Operation(summary = "A named query's definition")
    @GetMapping("/{queryName}")
    ResponseEntity<String> get(@PathVariable String queryName, HttpServletRequest request) {
        NamedQuery query = queries.get(user.account().mspId(), queryName);
        return answers.json(request, HttpStatus.OK, json.createArrayNode().add(view(query)), null);
    }

    @Operation(summary = "Deletes a named query and ends its subscriptions, webhooks and WebSockets alike")
    @DeleteMapping("/{queryName}")
    ResponseEntity<Void> delete(@PathVariable String queryName) {
        String mspId = user.account().mspId();
        if (!queries.delete(mspId, queryName)) {
            throw new ApiException("EPCIS_QUERY_NOT_FOUND", "no query named " + queryName);
        }
        subscriptions.deleteAll(mspId, queryName);
        deliveries.closeSockets(mspId, queryName);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The events of a named query, perPage at a time (with Upgrade: websocket, a subscription)")
    @GetMapping("/{queryName}/events")
    ResponseEntity<String> events(
            @PathVariable String queryName,
            @RequestParam(required = false) String perPage,
            @RequestParam(required = false) String nextPageToken,
            HttpServletRequest request) {
        NamedQuery named = queries.get(user.account().mspId(), queryName);
        EventQuery query = named.eventQuery(hierarchy);
        EventSearch.Cursor after = nextPageToken == null || nextPageToken.isBlank()
                ? null
                : tokens.read(nextPageToken, query.fingerprint());
        EventSearch.Page page = search.page(query, Paging.perPage(perPage, settings), after);
        PageTokens.Issued next = page.next() == null ? null : tokens.issue(query.fingerprint(), page.next());
        return answers.events(
                request, page.events().stream().map(EventSearch.Found::event).toList(), named.name(), null, next);
    }

    @Operation(summary = "The webhook subscriptions of a named query")
    @GetMapping("/{queryName}/subscriptions")
    ResponseEntity<String> subscriptions(
            @PathVariable String queryName,
            @RequestParam(required = false) String perPage,
            @RequestParam(required = false) String nextPageToken,
            HttpServletRequest request) {
        String mspId = user.account().mspId();
        queries.get(mspId, queryName);
        int size = Paging.perPage(perPage, settings);
        String fingerprint = "subscriptions:" + mspId + ":" + queryName;
        String after = nextPageToken == null
                ? null
                : tokens.read(nextPageToken, fingerprint).key();
        List<Subscription> page = subscriptions.ofQuery(mspId, queryName, after, size + 1);
        PageTokens.Issued next = null;
        if (page.size() > size) {
            page = page.subList(0, size);
            next = tokens.issue(
                    fingerprint, new EventSearch.Cursor(page.get(size - 1).id(), "", 0, 0));
        }
        ArrayNode list = json.createArrayNode();
        page.forEach(subscription -> list.add(view(subscription)));
        return answers.json(request, HttpStatus.OK, list, next);
    }

    @Operation(summary = "Subscribes a webhook (dest, signatureToken) to a named query, by stream or schedule")
    @PostMapping("/{queryName}/subscriptions")
    ResponseEntity<String> subscribe(@PathVariable String queryName, HttpServletRequest request) {
        var account = user.account();
        queries.get(account.mspId(), queryName);
        RequestBodies.kind(request, false);
        JsonNode body = RequestBodies.json(json, RequestBodies.read(request, settings.captureFileSizeLimit()));
        Subscription subscription = SubscriptionRequests.webhook(
                body,
                account.mspId(),
                queryName,
                account.username(),
                EpcFormat.of(request.getHeader(EpcisHeaders.EPC_FORMAT)),
                search);
        destinations.require(subscription.dest());
        subscriptions.create(subscription);
        deliveries.wake();
        ResponseEntity<String> answer = answers.json(request, HttpStatus.CREATED, view(subscription), null);
        return ResponseEntity.status(HttpStatus.CREATED)
                .headers(answer.getHeaders())
                .location(URI.create("/epcis/queries/" + queryName + "/subscriptions/" + subscription.id()))
                .body(answer.getBody());
    }

    @Operation(summary = "A subscription: whether it is still there, and when it last delivered")
    @GetMapping("/{queryName}/subscriptions/{subscriptionID}")
    ResponseEntity<String> subscription(
            @PathVariable String queryName,
            @PathVariable("subscriptionID") String subscriptionId,
            HttpServletRequest request) {
        Subscription subscription = subscriptions
                .find(user.account().mspId(), queryName, subscriptionId)
                .orElseThrow(
                        () -> new ApiException("EPCIS_SUBSCRIPTION_NOT_FOUND", "no subscription " + subscriptionId));
        return answers.json(request, HttpStatus.OK, view(subscription), null);
    }

    @Operation(summary = "Unsubscribes")
    @DeleteMapping("/{queryName}/subscriptions/{subscriptionID}")
    ResponseEntity<Void> unsubscribe(
            @PathVariable String queryName, @PathVariable("subscriptionID") String subscriptionId) {
        if (!subscriptions.delete(user.account().mspId(), queryName, subscriptionId)) {
            throw new ApiException("EPCIS_SUBSCRIPTION_NOT_FOUND", "no subscription " + subscriptionId);
        }
        return ResponseEntity.noContent().build();
    }

    private ObjectNode view(NamedQuery query) {
        ObjectNode view = json.createObjectNode().put("name", query.name());
        view.set("query", query.query());
        return view;
    }

    /** A subscription as the bindings show it (the signature token stays secret). */
    private ObjectNode view(Subscription subscription) {
        ObjectNode view = json.createObjectNode()
                .put("subscriptionID", subscription.id())
                .put("dest", subscription.dest())
                .put("createdAt", subscription.createdAt().toString())
                .put("epcFormat", subscription.epcFormat().header());
        if (subscription.lastNotifiedAt() != null) {
            view.put("lastNotifiedAt", subscription.lastNotifiedAt().toString());
            view.put("minRecordTime", subscription.lastNotifiedAt().toString());
        }
        if (subscription.initialRecordTime() != null) {
            view.put("initialRecordTime", subscription.initialRecordTime().toString());
        }
        if (subscription.stream()) {
            view.put("stream", true);
        } else {
            ObjectNode schedule = view.putObject("schedule");
            subscription.schedule().fields().forEach(schedule::put);
            view.put("reportIfEmpty", subscription.reportIfEmpty());
        }
        return view;
    }
}
