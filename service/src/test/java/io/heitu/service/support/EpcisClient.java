package io.heitu.service.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An EPCIS 2.0 REST client for end-to-end tests: any method, any headers, as a demo user. */
public final class EpcisClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String LD = "application/ld+json";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public EpcisClient(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    /** An answer, with its JSON at hand. */
    public record Answer(int status, String body, java.net.http.HttpHeaders headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public JsonNode events() {
            return json().at("/epcisBody/queryResults/resultsBody/eventList");
        }

        /** The path and query of the Link rel="next" header, or null on the last page. */
        public String next() {
            String link = header("Link");
            if (link == null || !link.contains("rel=\"next\"")) {
                return null;
            }
            String url = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            return url.substring(url.indexOf("/epcis"));
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
        }
    }

    public Answer get(String user, String path, String... headers) {
        return send(user, "GET", path, null, null, headers);
    }

    public Answer send(String user, String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        request.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Captures a document and waits for its job to finish; the job as the service shows it. */
    public JsonNode capture(String user, byte[] document, String contentType, String behaviour) {
        Answer accepted =
                send(user, "POST", "/epcis/capture", contentType, document, "GS1-Capture-Error-Behaviour", behaviour);
        if (accepted.status() != 202) {
            throw new AssertionError("capture not accepted: " + accepted);
        }
        String location = accepted.header("Location");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = get(user, location).json();
            if (!job.path("running").asBoolean()) {
                return job;
            }
            pause(100);
        }
        throw new AssertionError("capture job " + location + " did not finish");
    }

    public JsonNode capture(String user, JsonNode document) {
        return capture(user, JSON.writeValueAsBytes(document), LD, "rollback");
    }

    /** Every member of a top-level resource ({@code /epcis/epcs} …), following its pages. */
    public List<String> members(String user, String path, String... headers) {
        List<String> members = new ArrayList<>();
        String next = path;
        while (next != null) {
            Answer page = get(user, next, headers);
            if (page.status() != 200) {
                throw new AssertionError(next + ": " + page);
            }
            page.json().path("member").forEach(member -> members.add(member.asString()));
            next = page.next();
        }
        return members;
    }

    /** Every event of a query, following its pages. */
    public List<JsonNode> all(String user, String path, String... headers) {
        List<JsonNode> events = new ArrayList<>();
        String next = path;
        while (next != null) {
            Answer page = get(user, next, headers);
            if (page.status() != 200) {
                throw new AssertionError(next + ": " + page);
            }
            page.events().forEach(events::add);
            next = page.next();
        }
        return events;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
