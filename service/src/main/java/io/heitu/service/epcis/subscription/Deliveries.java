package io.heitu.service.epcis.subscription;

import io.heitu.service.access.ReadAccess;
import io.heitu.service.epcis.EpcFormats;
import io.heitu.service.epcis.EpcisDocuments;
import io.heitu.service.epcis.EpcisHeaders;
import io.heitu.service.epcis.EpcisSettings;
import io.heitu.service.epcis.EventStore;
import io.heitu.service.epcis.query.EventQuery;
import io.heitu.service.epcis.query.EventSearch;
import io.heitu.service.epcis.query.Hierarchy;
import io.heitu.service.epcis.query.QueryParameters;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers subscriptions: a stream subscription as soon as matching events enter the read model,
 * a scheduled one when its schedule fires (empty results too when it asked for
 * {@code reportIfEmpty}). Webhooks get an EPCISQueryDocument by POST, signed with the subscriber's
 * {@code signatureToken} ({@code GS1-Signature: sha256=<hex HMAC-SHA256 of the body>}); WebSockets
 * get it as a text message.
 *
 * <p>At least once: a webhook subscription's position (the read model's change number of the last
 * event delivered) is stored and advances only after the subscriber answered 2xx, so a delivery a
 * failure or a restart interrupted is sent again. Failed deliveries are retried with exponential
 * backoff (1 s, 2 s, 4 s … up to the configured maximum), indefinitely, in order.
 */
@Component
public class Deliveries implements DisposableBean {

    /** The most events one delivery carries; more go in the next one at once. */
    static final int BATCH = 500;

    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

    private final Subscriptions subscriptions;
    private final NamedQueries queries;
    private final EventSearch search;
    private final EventStore store;
    private final Hierarchy hierarchy;
    private final EpcFormats formats;
    private final EpcisSettings settings;
    private final JsonMapper json;
    private final ReadAccess access;
    private final HttpClient http;
    private final Map<String, SocketSubscription> sockets = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean woken = new AtomicBoolean();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "epcis-deliveries");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService senders = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "epcis-delivery");
        thread.setDaemon(true);
        return thread;
    });

    private final WebhookDestinations destinations;

    Deliveries(
            Subscriptions subscriptions,
            NamedQueries queries,
            EventSearch search,
            EventStore store,
            Hierarchy hierarchy,
            EpcFormats formats,
            EpcisSettings settings,
            JsonMapper json,
            WebhookDestinations destinations,
            ReadAccess access) {
        this.destinations = destinations;
        this.access = access;
        this.subscriptions = subscriptions;
        this.queries = queries;
        this.search = search;
        this.store = store;
        this.hierarchy = hierarchy;
        this.formats = formats;
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        store.onChange(this::wake);
        ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** New events: deliver streams now rather than at the next tick. */
    void wake() {
        if (woken.compareAndSet(false, true)) {
            ticker.execute(() -> {
                woken.set(false);
                tick();
            });
        }
    }

    void register(SocketSubscription socket) {
        sockets.put(socket.id(), socket);
        wake();
    }

    void unregister(String socketId) {
        sockets.remove(socketId);
    }

    /** Closes the WebSockets of a query that is being deleted. */
    void closeSockets(String mspId, String queryName) {
        sockets.values().stream()
                .filter(socket ->
                        socket.mspId().equals(mspId) && socket.queryName().equals(queryName))
                .forEach(SocketSubscription::close);
    }

    private void tick() {
        try {
            long upTo = search.lastSeq();
            OffsetDateTime now = now();
            for (Subscription subscription : subscriptions.all()) {
                if (due(subscription, upTo, now) && inFlight.add(subscription.id())) {
                    senders.execute(() -> {
                        try {
                            deliverWebhook(subscription, upTo);
                        } finally {
                            inFlight.remove(subscription.id());
                        }
                    });
                }
            }
            for (SocketSubscription socket : sockets.values()) {
                Subscription state = socket.state();
                if (due(state, upTo, now) && inFlight.add(socket.id())) {
                    senders.execute(() -> {
                        try {
                            deliverSocket(socket, upTo);
                        } finally {
                            inFlight.remove(socket.id());
                        }
                    });
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("subscription deliveries failed this round", e);
        }
    }

    private static boolean due(Subscription subscription, long upTo, OffsetDateTime now) {
        if (subscription.retryAt() != null && subscription.retryAt().isAfter(now)) {
            return false;
        }
        return subscription.stream()
                ? subscription.lastSeq() < upTo
                : subscription.nextRunAt() != null && !subscription.nextRunAt().isAfter(now);
    }

    private void deliverWebhook(Subscription subscription, long upTo) {
        Optional<Batch> batch = batch(subscription, upTo);
        if (batch.isEmpty()) {
            subscriptions.deleteAll(subscription.mspId(), subscription.queryName());
            return;
        }
        OffsetDateTime now = now();
        if (!batch.get().send()) {
            subscriptions.update(advance(subscription, batch.get(), now, false), null);
            return;
        }
        String error = post(subscription, batch.get().document());
        subscriptions.update(
                error == null
                        ? advance(subscription, batch.get(), now, true)
                        : subscription.failed(now.plus(backoff(subscription))),
                error);
    }

    private void deliverSocket(SocketSubscription socket, long upTo) {
        Subscription subscription = socket.state();
        Optional<Batch> batch = batch(subscription, upTo);
        if (batch.isEmpty()) {
            socket.close();
            return;
        }
        OffsetDateTime now = now();
        if (!batch.get().send()) {
            socket.update(advance(subscription, batch.get(), now, false));
        } else if (socket.send(json.writeValueAsString(batch.get().document()))) {
            socket.update(advance(subscription, batch.get(), now, true));
        } else {
            sockets.remove(socket.id());
        }
    }

    /** What a delivery carries: the events since the subscriber's position, and where that leaves it. */
    private record Batch(JsonNode document, long reached, boolean more, boolean send) {}

    /** The next batch of a subscription; empty when its query is gone. */
    private Optional<Batch> batch(Subscription subscription, long upTo) {
        Optional<NamedQuery> named = queries.find(subscription.mspId(), subscription.queryName());
        if (named.isEmpty()) {
            return Optional.empty();
        }
        EventQuery query = named.get().eventQuery(hierarchy);
        if (subscription.initialRecordTime() != null) {
            query = query.and(
                    QueryParameters.member(
                            "GE_recordTime", subscription.initialRecordTime().toString(), Map.of(), hierarchy),
                    "initialRecordTime");
        }
        List<EventSearch.Found> found = search.since(query, subscription.lastSeq(), upTo, BATCH);
        boolean more = found.size() == BATCH;
        long reached = more ? found.get(found.size() - 1).seq() : upTo;
        // The subscriber gets only what its owner may read; the rest is passed over, not retried.
        List<EventSearch.Found> events = access.readableBy(
                subscription.username(), found, EventSearch.Found::hashId, EventSearch.Found::withQuantitiesWithheld);
        boolean send = !events.isEmpty() || (!subscription.stream() && subscription.reportIfEmpty());
        List<JsonNode> formatted = events.stream()
                .map(hit -> formats.apply(hit.event(), subscription.epcFormat()))
                .toList();
        JsonNode document = EpcisDocuments.queryDocument(json, formatted, subscription.queryName(), subscription.id());
        return Optional.of(new Batch(document, reached, more, send));
    }

    private static Subscription advance(Subscription subscription, Batch batch, OffsetDateTime now, boolean notified) {
        OffsetDateTime nextRun = null;
        if (!subscription.stream()) {
            nextRun = batch.more()
                    ? now
                    : subscription
                            .schedule()
                            .next(now.atZoneSameInstant(Schedules.ZONE))
                            .toOffsetDateTime();
        }
        return subscription.delivered(batch.reached(), notified ? now : subscription.lastNotifiedAt(), nextRun);
    }

    /** POSTs a document to a webhook; null when the subscriber acknowledged it (2xx), else why not. */
    private String post(Subscription subscription, JsonNode document) {
        byte[] body = json.writeValueAsBytes(document);
        String refusal = destinations.refusal(subscription.dest());
        if (refusal != null) {
            return refusal;
        }
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(subscription.dest()))
                    .timeout(settings.webhookTimeout())
                    .header("Content-Type", "application/json")
                    .header(EpcisHeaders.EPCIS_VERSION, EpcisHeaders.VERSION)
                    .header(EpcisHeaders.CBV_VERSION, EpcisHeaders.VERSION)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (subscription.signatureToken() != null) {
                request.header(EpcisHeaders.SIGNATURE, "sha256=" + sign(subscription.signatureToken(), body));
            }
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "the subscriber answered " + response.statusCode();
        } catch (IOException | IllegalArgumentException e) {
            return "the subscriber could not be reached: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The hex HMAC-SHA256 of a body under a subscriber's signature token. */
    public static String sign(String token, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Duration backoff(Subscription subscription) {
        long seconds = 1L << Math.min(20, subscription.attempts());
        Duration delay = Duration.ofSeconds(seconds);
        return delay.compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : delay;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public void destroy() throws Exception {
        // No interrupt (shutdownNow): a tick writes to H2, and an interrupt during its FileChannel
        // write closes the channel and the store with it.
        ticker.shutdown();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        senders.shutdown();
        senders.awaitTermination(5, TimeUnit.SECONDS);
        sockets.values().forEach(SocketSubscription::close);
    }
}
