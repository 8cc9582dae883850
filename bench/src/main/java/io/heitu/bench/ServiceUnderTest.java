package io.heitu.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** The service jar started in its own JVM on a fresh data directory, with the demo data and the HTTP floor endpoint. */
final class ServiceUnderTest implements AutoCloseable {

    final String base;
    private final Process process;
    final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    ServiceUnderTest(Path jar, Path dataDir, Path log, String heap) throws Exception {
        this(jar, dataDir, log, heap, List.of());
    }

    /** With more arguments for the service, e.g. the Fabric profile. */
    ServiceUnderTest(Path jar, Path dataDir, Path log, String heap, List<String> more) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--heitu.data-dir=" + dataDir,
                "--heitu.bench.enabled=true",
                "--logging.level.root=WARN"));
        command.addAll(more);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited; see " + log);
            }
            try {
                // Ready once the start-up tasks (demo data, demo codes) are done: measuring while
                // they still write would measure them too.
                if (send(basic("farmer"), "GET", "/actuator/health/readiness", null)
                                        .statusCode()
                                == 200
                        && send(basic("farmer"), "GET", "/api/lots/06901234500035/R5-2026-1005", null)
                                        .statusCode()
                                == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("service not ready; see " + log);
            }
            Thread.sleep(300);
        }
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":heitu-demo").getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> send(String authorization, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A bearer token for a demo user: bcrypt per request would measure the password hash, not the ledger. */
    String token(String user) throws Exception {
        HttpResponse<String> response = send(basic(user), "POST", "/api/me/tokens", "{\"name\":\"bench\"}");
        String body = response.body();
        int start = body.indexOf("hk_");
        return "Bearer " + body.substring(start, body.indexOf('"', start));
    }

    /**
     * A web app session for a demo user, signed in through the login form as a browser is: the
     * {@code Cookie} header value the pages ask for.
     */
    String session(String user) throws IOException, InterruptedException {
        HttpClient noRedirects = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        // The sign-in form first: its session and the CSRF token it carries.
        HttpResponse<String> form = noRedirects.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                .matcher(form.body());
        String csrf =
                token.find() ? "&_csrf=" + java.net.URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) : "";
        HttpRequest.Builder signIn = HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=heitu-demo" + csrf));
        sessionCookie(form).ifPresent(cookie -> signIn.header("Cookie", cookie));
        HttpResponse<String> response = noRedirects.send(signIn.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302
                || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in of " + user + " failed: " + response.statusCode());
        }
        return sessionCookie(response).orElseThrow(() -> new IllegalStateException("no session for " + user));
    }

    private static java.util.Optional<String> sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("JSESSIONID="))
                .map(value -> value.contains(";") ? value.substring(0, value.indexOf(';')) : value)
                .findFirst();
    }

    /** CPU time the service's process has used so far (every thread), in nanoseconds; -1 when unknown. */
    long cpuNanos() {
        return process.toHandle()
                .info()
                .totalCpuDuration()
                .map(java.time.Duration::toNanos)
                .orElse(-1L);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
