package io.heitu.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Consumer verifications through the resolver (JSON: the same check and data as the page) beside
 * the same server's trivial public endpoint in the same run, in two-second slices taking turns,
 * sixteen clients over a thousand distinct unit codes of the demo rice lot; QR PNGs through the
 * image API; then rendering timed inside the service (PNGs on every core, a 1,000-label sheet) and
 * a 1,000-label sheet through a label job, request to download. The clients are minimal keep-alive HTTP/1.1 connections
 * ({@link RawHttp}): they share the two cores with the server, so they must cost little.
 *
 * <p>The rate limits are on, at their defaults: the bench is the service's trusted proxy and names
 * a client per unit code in {@code X-Forwarded-For} (one bag, one household: 1,000 clients in 4
 * networks), so every request passes a client's token bucket as a shopper's would. Last, one
 * client floods the resolver alone, to show it is refused while the others are not.
 *
 * <p>Usage: {@code VerifyBench <service.jar> [seconds]}
 */
public final class VerifyBench {

    private static final String BAGS = "06901234500035";
    private static final String LOT = "R5-2026-1005";
    /**
     * Distinct unit codes scanned. The demo rice lot has 1,300 bags and codes never outnumber a
     * lot's units (the chaincode's CODES_EXCEED_UNITS), so 1,000 of them, and 200 for the label job.
     */
    private static final int CODES = 1_000;

    private static final int JOB_LABELS = 200;
    private static final int CLIENTS = 16;
    private static final Duration SLICE = Duration.ofSeconds(2);
    /** The verdict is in the answer's first few hundred bytes, before the lot's story. */
    private static final int HEAD = 1024;

    private static final Duration SLICE_WARM_UP = Duration.ofMillis(500);
    private static final Duration JIT_WARM_UP = Duration.ofSeconds(60);
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern KEY_ID = Pattern.compile("\"keyId\":\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("\"(https?://[^\"]+)\"");

    private VerifyBench() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Duration measured = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
        Duration warmUp = Duration.ofSeconds(3);
        Path work = Files.createTempDirectory("heitu-bench-verify-");
        System.out.println("bench: service log in " + work.resolve("service.log"));
        List<Load.Figures> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (ServiceUnderTest service = new ServiceUnderTest(
                jar,
                work.resolve("data"),
                work.resolve("service.log"),
                "1g",
                List.of("--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1"))) {
            String miller = service.token("miller");
            // Its own key: the demo's is made by a start-up task that may still be running.
            HttpResponse<String> key = service.send(miller, "POST", "/api/qr/keys", "{}");
            Matcher keyId = KEY_ID.matcher(key.body());
            if (key.statusCode() != 201 || !keyId.find()) {
                throw new IllegalStateException("no signing key: " + key.statusCode() + " " + key.body());
            }
            String units = issue(service, miller, keyId.group(1), CODES);
            List<String> paths = codes(service, miller, units, CODES);
            List<String> pngs = paths.stream()
                    .map(p -> "/api/qr/issuances/" + units + "/codes/"
                            + p.substring(p.lastIndexOf('/') + 1, p.indexOf('?')) + ".png?size=300")
                    .toList();
            RawHttp[] clients = new RawHttp[CLIENTS];
            for (int c = 0; c < CLIENTS; c++) {
                clients[c] = new RawHttp(service.base);
            }
            // C2 needs about a minute of CPU on two cores: exercise every path before measuring any.
            Load.measure("warm-up", CLIENTS, Duration.ZERO, JIT_WARM_UP, (client, seq) -> switch ((int) (seq % 3)) {
                case 0 -> ok(clients[client], "/api/public/bench/noop", null, household(seq % CODES));
                case 1 -> ok(clients[client], pngs.get((int) (seq % pngs.size())), miller, null);
                default ->
                    ok(clients[client], paths.get((int) (seq % paths.size())), null, household(seq % paths.size()));
            });
            AtomicLong genuine = new AtomicLong();
            AtomicLong answered = new AtomicLong();
            Load.Operation verify = (client, seq) -> {
                int code = (int) (seq % paths.size());
                RawHttp.Response response = get(clients[client], paths.get(code), null, household(code));
                answered.incrementAndGet();
                if (response != null && response.contains("\"verdict\":\"GENUINE\"", HEAD)) {
                    genuine.incrementAndGet();
                }
                return response != null && response.status() == 200 && response.contains("\"verdict\":\"", HEAD);
            };
            Load.Operation trivial =
                    (client, seq) -> ok(clients[client], "/api/public/bench/noop", null, household(seq % CODES));
            // Short slices, verify and trivial taking turns, so a neighbour's load hits both alike.
            List<Load.Figures> verifySlices = new ArrayList<>();
            List<Load.Figures> trivialSlices = new ArrayList<>();
            long slices = Math.max(1, measured.toSeconds() / SLICE.toSeconds());
            for (int slice = 0; slice < slices; slice++) {
                verifySlices.add(Load.measure("verify", CLIENTS, SLICE_WARM_UP, SLICE, verify));
                trivialSlices.add(Load.measure("trivial", CLIENTS, SLICE_WARM_UP, SLICE, trivial));
            }
            rows.add(combined("verify (resolver, JSON)", verifySlices));
            rows.add(combined("trivial endpoint (same server)", trivialSlices));
            notes.add(String.format(
                    Locale.ROOT,
                    "verdicts GENUINE: %.0f%% (each code scanned by its own household; rate limits on)",
                    100.0 * genuine.get() / Math.max(1, answered.get())));
            rows.add(Load.measure(
                    "QR PNG 300 px (image API, signed in)",
                    CLIENTS,
                    warmUp,
                    measured,
                    (client, seq) -> ok(clients[client], pngs.get((int) (seq % pngs.size())), miller, null)));
            notes.add(flood(clients, paths.get(0)));
            for (RawHttp client : clients) {
                client.close();
            }
            inProcess(service, miller, notes);
            notes.add(labelJob(service, miller, issue(service, miller, keyId.group(1), JOB_LABELS)));
        }
        print(rows, notes);
    }

    private static boolean ok(RawHttp client, String path, String authorization, String forwardedFor)
            throws IOException {
        RawHttp.Response response = get(client, path, authorization, forwardedFor);
        return response != null && response.status() == 200;
    }

    /** The simulated client that scans unit code {@code code}: its own address, 256 to a /24 network. */
    private static String household(long code) {
        return "10." + ((code >> 16) & 255) + "." + ((code >> 8) & 255) + "." + (code & 255);
    }

    /**
     * Every connection as one client, for two seconds: how many of its requests the limits refuse
     * (429) and how fast, while a household's next scan still passes.
     */
    private static String flood(RawHttp[] clients, String path) throws Exception {
        AtomicLong refused = new AtomicLong();
        AtomicLong passed = new AtomicLong();
        Load.Figures flood = Load.measure("flood", CLIENTS, Duration.ZERO, SLICE, (client, seq) -> {
            RawHttp.Response response = get(clients[client], path, null, "203.0.113.66");
            if (response != null && response.status() == 429) {
                refused.incrementAndGet();
            } else if (response != null && response.status() == 200) {
                passed.incrementAndGet();
            }
            return response != null;
        });
        RawHttp.Response other = get(clients[0], path, null, household(1));
        return String.format(
                Locale.ROOT,
                "one client flooding the resolver on %d connections: %d answered 200, %d refused 429 (%.0f/s, p99 %.2f ms);"
                        + " another client meanwhile: %d",
                CLIENTS,
                passed.get(),
                refused.get(),
                flood.perSecond(),
                flood.p99Millis(),
                other == null ? 0 : other.status());
    }

    private static RawHttp.Response get(RawHttp client, String path, String authorization, String forwardedFor)
            throws IOException {
        try {
            return client.get(path, "application/json", authorization, forwardedFor);
        } catch (IOException e) {
            client.close();
            return null;
        }
    }

    /** The service renders codes and a sheet itself and says how long that took; best of three. */
    private static void inProcess(ServiceUnderTest service, String token, List<String> notes) throws Exception {
        long bestPng = 0;
        long bestSheet = Long.MAX_VALUE;
        String png = "";
        for (int run = 0; run < 3; run++) {
            png = service.send(token, "GET", "/api/public/bench/qr-png?codes=20000&size=300", null)
                    .body();
            bestPng = Math.max(bestPng, number(png, "perSecond"));
            String sheet = service.send(token, "GET", "/api/public/bench/label-sheet?labels=1000", null)
                    .body();
            bestSheet = Math.min(bestSheet, number(sheet, "millis"));
        }
        notes.add("QR PNG 300 px rendered in the service: " + bestPng + "/s on " + number(png, "threads")
                + " threads (best of 3 × 20,000 codes)");
        notes.add("1,000-label PDF sheet (A4_3X8) rendered in the service: " + bestSheet + " ms (best of 3)");
    }

    /** A 1,000-label sheet through the API: job, progress polls, download; fastest of three. */
    private static String labelJob(ServiceUnderTest service, String token, String issuance) throws Exception {
        long bestWall = Long.MAX_VALUE;
        long bestServer = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            HttpResponse<String> job = service.send(
                    token, "POST", "/api/qr/label-jobs", "{\"issuanceId\":\"" + issuance + "\",\"layout\":\"A4_3X8\"}");
            Matcher id = ID.matcher(job.body());
            if (!id.find()) {
                throw new IllegalStateException("label job not started: " + job.body());
            }
            String status;
            do {
                Thread.sleep(20);
                status = service.send(token, "GET", "/api/qr/label-jobs/" + id.group(1), null)
                        .body();
            } while (status.contains("\"state\":\"queued\"") || status.contains("\"state\":\"running\""));
            HttpResponse<byte[]> pdf = service.http.send(
                    HttpRequest.newBuilder(URI.create(service.base + "/api/qr/label-jobs/" + id.group(1) + "/pdf"))
                            .header("Authorization", token)
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (pdf.statusCode() != 200 || pdf.body().length < 1000) {
                throw new IllegalStateException("label job failed: " + status);
            }
            bestWall = Math.min(bestWall, (System.nanoTime() - start) / 1_000_000);
            bestServer = Math.min(bestServer, number(status, "elapsedMillis"));
        }
        return JOB_LABELS + "-label PDF sheet through the API (label job): " + bestServer + " ms rendering, " + bestWall
                + " ms from request to download (best of 3)";
    }

    /** Per-unit codes for the demo rice lot as the mill; returns the issuance id. */
    private static String issue(ServiceUnderTest service, String token, String keyId, int count) throws Exception {
        String body = "{\"gtin\":\"" + BAGS + "\",\"lotCode\":\"" + LOT + "\",\"count\":" + count
                + ",\"perUnit\":true,\"keyId\":\"" + keyId + "\"}";
        HttpResponse<String> response = service.send(token, "POST", "/api/qr/issuances", body);
        Matcher id = ID.matcher(response.body());
        if (response.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("issuance failed: " + response.statusCode() + " " + response.body());
        }
        return id.group(1);
    }

    /** The codes' paths and signatures, to send to this server whatever host the codes name. */
    private static List<String> codes(ServiceUnderTest service, String token, String issuance, int count)
            throws Exception {
        HttpResponse<String> response =
                service.send(token, "GET", "/api/qr/issuances/" + issuance + "/codes?limit=" + count, null);
        List<String> paths = new ArrayList<>();
        Matcher code = CODE.matcher(response.body());
        while (code.find()) {
            URI uri = URI.create(code.group(1));
            paths.add(uri.getRawPath() + "?" + uri.getRawQuery());
        }
        if (paths.size() != count) {
            throw new IllegalStateException("expected " + count + " codes, got " + paths.size());
        }
        return paths;
    }

    private static long number(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        if (!value.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return Long.parseLong(value.group(1));
    }

    /** Slices as one row: mean throughput, median p50, the worst slice's p99, all errors. */
    private static Load.Figures combined(String scenario, List<Load.Figures> slices) {
        double perSecond =
                slices.stream().mapToDouble(Load.Figures::perSecond).average().orElse(0);
        double[] p50 =
                slices.stream().mapToDouble(Load.Figures::p50Millis).sorted().toArray();
        double p99 = slices.stream().mapToDouble(Load.Figures::p99Millis).max().orElse(0);
        long errors = slices.stream().mapToLong(Load.Figures::errors).sum();
        return new Load.Figures(scenario, CLIENTS, perSecond, p50[p50.length / 2], p99, errors);
    }

    private static void print(List<Load.Figures> rows, List<String> notes) {
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%-38s %7s %10s %9s %9s %7s%n",
                "scenario",
                "clients",
                "ops/s",
                "p50 ms",
                "p99 ms",
                "errors");
        for (Load.Figures row : rows) {
            System.out.printf(
                    Locale.ROOT,
                    "%-38s %7d %10.0f %9.2f %9.2f %7d%n",
                    row.scenario(),
                    row.clients(),
                    row.perSecond(),
                    row.p50Millis(),
                    row.p99Millis(),
                    row.errors());
        }
        System.out.println();
        Load.Figures verify = rows.get(0);
        double ratio = verify.perSecond() / rows.get(1).perSecond();
        System.out.printf(Locale.ROOT, "verify / trivial endpoint = %.2f%n", ratio);
        notes.forEach(System.out::println);
        System.out.printf(
                Locale.ROOT,
                "goals: verify >= 5000/s at p99 < 50 ms: %s; verify / trivial >= 0.5: %s%n",
                verify.perSecond() >= 5000 && verify.p99Millis() < 50 ? "met" : "NOT met",
                ratio >= 0.5 ? "met" : "NOT met");
    }
}
