package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.heitu.service.support.EpcisClient;
import io.heitu.service.support.EpcisClient.Answer;
import io.heitu.service.support.ServiceProcess;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Subscriptions to a named query, delivered over a webhook and a WebSocket, across a restart of the
 * service (a real process, killed with SIGKILL): the webhook subscription survives it and a delivery
 * the kill interrupted is made afterwards (at least once); a failing subscriber is retried; a
 * WebSocket client resumes after reconnecting with {@code GS1-Query-InitialRecordTime}; a schedule
 * with {@code reportIfEmpty} reports empty results; deleting the query ends its subscriptions.
 */
class EpcisSubscriptionIT {

    private static final JsonMapper JSON = EpcisIT.JSON;
    private static final String TOKEN = "s3cret-" + UUID.randomUUID();

    /** A subscriber's webhook endpoint: what it received, and whether it fails on purpose. */
    static final class Subscriber implements AutoCloseable {
        final HttpServer server;
        final ConcurrentLinkedQueue<JsonNode> received = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> badSignatures = new ConcurrentLinkedQueue<>();
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicBoolean failing = new AtomicBoolean();

        Subscriber() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                attempts.incrementAndGet();
                String signature = exchange.getRequestHeaders().getFirst("GS1-Signature");
                if (!("sha256=" + hmac(body)).equals(signature)) {
                    badSignatures.add(String.valueOf(signature));
                }
                int status = failing.get() ? 500 : 200;
                if (status == 200) {
                    received.add(JSON.readTree(body));
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        List<String> eventIds() {
            List<String> ids = new ArrayList<>();
            received.forEach(document -> ids.addAll(
                    document.at("/epcisBody/queryResults/resultsBody/eventList").findValuesAsString("eventID")));
            return ids;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void webhook_and_websocket_subscriptions_deliver_across_a_restart() throws Exception {
        Path dir = Files.createTempDirectory("heitu-subscriptions-");
        String run = UUID.randomUUID().toString();
        String query = "q-" + run.substring(0, 8);
        try (Subscriber subscriber = new Subscriber()) {
            String subscriptionId;
            List<String> socket = new CopyOnWriteArrayList<>();
            String firstRecordTime;
            try (ServiceProcess service = new ServiceProcess(dir.resolve("data")).start()) {
                EpcisClient epcis = new EpcisClient(service.api().base());
                ObjectNode definition = JSON.createObjectNode().put("name", query);
                ObjectNode q = definition.putObject("query");
                q.putObject("@context").put("t", EpcisIT.TEST_NAMESPACE);
                q.putArray("EQ_t:run").add(run);
                assertThat(epcis.send(
                                        "grocer",
                                        "POST",
                                        "/epcis/queries",
                                        "application/json",
                                        JSON.writeValueAsBytes(definition))
                                .status())
                        .isEqualTo(201);
                Answer subscribed = epcis.send(
                        "grocer",
                        "POST",
                        "/epcis/queries/" + query + "/subscriptions",
                        "application/json",
                        JSON.writeValueAsBytes(JSON.createObjectNode()
                                .put("dest", subscriber.url())
                                .put("signatureToken", TOKEN)
                                .put("stream", true)));
                assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
                assertThat(subscribed.body()).doesNotContain(TOKEN);
                subscriptionId = subscribed.json().path("subscriptionID").asString();
                WebSocket ws = connect(service, query, "GS1-Query-Stream=true", socket);

                // A subscriber that fails at first is tried again until it takes the delivery.
                subscriber.failing.set(true);
                String first = capture(epcis, run);
                await(() -> subscriber.attempts.get() >= 2, "two failed attempts");
                subscriber.failing.set(false);
                await(() -> subscriber.eventIds().contains(first), "the webhook delivery of the first event");
                await(() -> socket.stream().anyMatch(message -> message.contains(first)), "the WebSocket delivery");
                firstRecordTime = epcis.get("grocer", "/epcis/events/" + EpcisClient.encode(first))
                        .events()
                        .get(0)
                        .path("recordTime")
                        .asString();

                // A delivery the kill interrupts: the subscriber refuses, then the service dies.
                subscriber.failing.set(true);
                int before = subscriber.attempts.get();
                String second = capture(epcis, run);
                await(() -> subscriber.attempts.get() > before, "an attempt to deliver the second event");
                ws.abort();
                service.kill();
                subscriber.failing.set(false);
                assertThat(subscriber.eventIds()).doesNotContain(second);

                try (ServiceProcess restarted = new ServiceProcess(dir.resolve("data")).start()) {
                    EpcisClient again = new EpcisClient(restarted.api().base());
                    await(() -> subscriber.eventIds().contains(second), "the interrupted delivery, after the restart");
                    String third = capture(again, run);
                    await(() -> subscriber.eventIds().contains(third), "a delivery after the restart");
                    assertThat(again.get("grocer", "/epcis/queries/" + query + "/subscriptions/" + subscriptionId)
                                    .json()
                                    .path("lastNotifiedAt")
                                    .isString())
                            .isTrue();

                    // The WebSocket client reconnects and resumes after the last event it saw.
                    List<String> resumed = new CopyOnWriteArrayList<>();
                    String since = OffsetDateTime.parse(firstRecordTime)
                            .plusNanos(1_000_000)
                            .toString();
                    WebSocket back = connect(
                            restarted,
                            query,
                            "GS1-Query-Stream=true&GS1-Query-InitialRecordTime=" + EpcisClient.encode(since),
                            resumed);
                    await(
                            () -> resumed.stream().anyMatch(m -> m.contains(second))
                                    && resumed.stream().anyMatch(m -> m.contains(third)),
                            "the events since the WebSocket's last one");
                    assertThat(String.join("", resumed)).doesNotContain(first);

                    // A schedule that fires every second and reports even when nothing matched.
                    List<String> scheduled = new CopyOnWriteArrayList<>();
                    WebSocket ticks = connect(
                            restarted,
                            query,
                            "GS1-Query-Second=" + EpcisClient.encode("[0-59]") + "&GS1-Query-ReportIfEmpty=true",
                            scheduled);
                    await(() -> scheduled.size() >= 2, "two scheduled reports");
                    assertThat(JSON.readTree(scheduled.get(0))
                                    .at("/epcisBody/queryResults/resultsBody/eventList")
                                    .size())
                            .isZero();

                    // Deleting the query ends its subscriptions.
                    assertThat(again.send("grocer", "DELETE", "/epcis/queries/" + query, null, null)
                                    .status())
                            .isEqualTo(204);
                    assertThat(again.get("grocer", "/epcis/queries/" + query + "/subscriptions/" + subscriptionId)
                                    .status())
                            .isEqualTo(404);
                    await(() -> back.isInputClosed() && ticks.isInputClosed(), "the query's WebSockets closed");
                }
            }
            assertThat(subscriber.badSignatures)
                    .as("deliveries with a wrong GS1-Signature")
                    .isEmpty();
        }
    }

    private static final AtomicInteger CAPTURED = new AtomicInteger();

    /** A new event of this run (its own lot each time, so its own hash). */
    private static String capture(EpcisClient epcis, String run) {
        int n = CAPTURED.getAndIncrement();
        ObjectNode event = EpcisIT.withContext(EpcisIT.upstream(run, n + 1).get(n));
        Answer created = epcis.send("grocer", "POST", "/epcis/events", EpcisClient.LD, JSON.writeValueAsBytes(event));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return event.path("eventID").asString();
    }

    private static WebSocket connect(ServiceProcess service, String query, String parameters, List<String> into) {
        String ws =
                service.api().base().replace("http://", "ws://") + "/epcis/queries/" + query + "/events?" + parameters;
        return HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString("grocer:heitu-demo".getBytes(StandardCharsets.UTF_8)))
                .buildAsync(URI.create(ws), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            into.add(partial.toString());
                            partial.setLength(0);
                        }
                        socket.request(1);
                        return CompletableFuture.completedFuture(null);
                    }
                })
                .join();
    }

    private static void await(Supplier<Boolean> condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited in vain for " + what);
    }

    private static String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
