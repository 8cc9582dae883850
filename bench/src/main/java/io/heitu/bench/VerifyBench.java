package io.heitu.bench;

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
 * Consumer verifications through the resolver (JSON, the same check and data as the page), beside
 * the same server's trivial public endpoint in the same run, with sixteen clients over ten thousand
 * distinct unit codes of the demo rice lot; then QR PNGs through the image endpoint and a
 * 1,000-label PDF sheet through a label job (the server's own render time and the wall time).
 *
 * <p>Usage: {@code VerifyBench <service.jar> [seconds]}
 */
public final class VerifyBench {

    private static final String BAGS = "06901234500035";
    private static final String LOT = "R5-2026-1005";
    private static final int CODES = 10_000;
    private static final int CLIENTS = 16;
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern KEY_ID = Pattern.compile("\"keyId\":\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("\"(https?://[^\"]+)\"");

    private VerifyBench() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Duration measured = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
        Duration warmUp = Duration.ofSeconds(5);
        Path work = Files.createTempDirectory("heitu-bench-verify-");
        System.out.println("bench: service log in " + work.resolve("service.log"));
        List<Load.Figures> rows = new ArrayList<>();
        String genuineShare;
        long pdfServerMillis;
        long pdfWallMillis;
        try (ServiceUnderTest service =
                new ServiceUnderTest(jar, work.resolve("data"), work.resolve("service.log"), "1g")) {
            String miller = service.token("miller");
            // Its own key: the demo's is made by a start-up task that may still be running.
            HttpResponse<String> key = service.send(miller, "POST", "/api/qr/keys", "{}");
            Matcher keyId = KEY_ID.matcher(key.body());
            if (key.statusCode() != 201 || !keyId.find()) {
                throw new IllegalStateException("no signing key: " + key.statusCode() + " " + key.body());
            }
            String units = issue(service, miller, keyId.group(1), CODES);
            List<String> paths = codes(service, miller, units, CODES);
            List<String> serials = paths.stream()
                    .map(p -> p.substring(p.lastIndexOf('/') + 1, p.indexOf('?')))
                    .toList();
            AtomicLong genuine = new AtomicLong();
            AtomicLong answered = new AtomicLong();
            rows.add(Load.measure("verify (resolver, JSON)", CLIENTS, warmUp, measured, (client, seq) -> {
                HttpResponse<String> response =
                        get(service, null, paths.get((int) (seq % paths.size())), "application/json");
                boolean ok = response.statusCode() == 200 && response.body().contains("\"verdict\"");
                answered.incrementAndGet();
                if (response.body().contains("\"verdict\":\"GENUINE\"")) {
                    genuine.incrementAndGet();
                }
                return ok;
            }));
            genuineShare = String.format(Locale.ROOT, "%.0f%%", 100.0 * genuine.get() / Math.max(1, answered.get()));
            rows.add(Load.measure(
                    "trivial endpoint (same server)",
                    CLIENTS,
                    warmUp,
                    measured,
                    (client, seq) -> get(service, null, "/api/public/bench/noop", "application/json")
                                    .statusCode()
                            == 200));
            rows.add(Load.measure("QR PNG 300 px (image endpoint)", CLIENTS, warmUp, measured, (client, seq) -> {
                String serial = serials.get((int) (seq % serials.size()));
                String path = "/api/qr/issuances/" + units + "/codes/" + serial + ".png?size=300";
                return service.http
                                .send(
                                        request(service, miller, path, "image/png"),
                                        HttpResponse.BodyHandlers.ofByteArray())
                                .statusCode()
                        == 200;
            }));
            String sheet = issue(service, miller, keyId.group(1), 1_000);
            long[] pdf = labelSheet(service, miller, sheet);
            pdfServerMillis = pdf[0];
            pdfWallMillis = pdf[1];
        }
        print(rows, genuineShare, pdfServerMillis, pdfWallMillis);
    }

    /** Per-unit codes for the demo rice lot as the mill; returns the issuance id. */
    private static String issue(ServiceUnderTest service, String token, String keyId, int count) throws Exception {
        String body = "{\"gtin\":\"" + BAGS + "\",\"lotCode\":\"" + LOT + "\",\"count\":" + count
                + ",\"perUnit\":true,\"keyId\":\"" + keyId + "\"}";
        HttpResponse<String> response = service.send(token, "POST", "/api/qr/issuances", body);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("issuance failed: " + response.statusCode() + " " + response.body());
        }
        Matcher id = ID.matcher(response.body());
        id.find();
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

    /** Renders a sheet three times; the fastest server-side render time and its wall time. */
    private static long[] labelSheet(ServiceUnderTest service, String token, String issuance) throws Exception {
        long bestServer = Long.MAX_VALUE;
        long bestWall = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            HttpResponse<String> job = service.send(
                    token, "POST", "/api/qr/label-jobs", "{\"issuanceId\":\"" + issuance + "\",\"layout\":\"A4_3X8\"}");
            Matcher id = ID.matcher(job.body());
            id.find();
            String status;
            do {
                Thread.sleep(20);
                status = service.send(token, "GET", "/api/qr/label-jobs/" + id.group(1), null)
                        .body();
            } while (status.contains("\"state\":\"queued\"") || status.contains("\"state\":\"running\""));
            HttpResponse<byte[]> pdf = service.http.send(
                    request(service, token, "/api/qr/label-jobs/" + id.group(1) + "/pdf", "application/pdf"),
                    HttpResponse.BodyHandlers.ofByteArray());
            long wall = (System.nanoTime() - start) / 1_000_000;
            if (pdf.statusCode() != 200 || pdf.body().length < 1000) {
                throw new IllegalStateException("label job failed: " + status);
            }
            Matcher elapsed = Pattern.compile("\"elapsedMillis\":(\\d+)").matcher(status);
            elapsed.find();
            bestServer = Math.min(bestServer, Long.parseLong(elapsed.group(1)));
            bestWall = Math.min(bestWall, wall);
        }
        return new long[] {bestServer, bestWall};
    }

    private static HttpResponse<String> get(ServiceUnderTest service, String token, String path, String accept)
            throws Exception {
        return service.http.send(request(service, token, path, accept), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(ServiceUnderTest service, String token, String path, String accept) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(service.base + path)).header("Accept", accept);
        if (token != null) {
            request.header("Authorization", token);
        }
        return request.GET().build();
    }

    private static void print(List<Load.Figures> rows, String genuineShare, long pdfServer, long pdfWall) {
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%-36s %7s %10s %9s %9s %7s%n",
                "scenario",
                "clients",
                "ops/s",
                "p50 ms",
                "p99 ms",
                "errors");
        for (Load.Figures row : rows) {
            System.out.printf(
                    Locale.ROOT,
                    "%-36s %7d %10.0f %9.2f %9.2f %7d%n",
                    row.scenario(),
                    row.clients(),
                    row.perSecond(),
                    row.p50Millis(),
                    row.p99Millis(),
                    row.errors());
        }
        System.out.println();
        Load.Figures verify = rows.get(0);
        System.out.printf(
                Locale.ROOT,
                "verify / trivial endpoint = %.2f   (verdicts GENUINE: %s; the rest SUSPICIOUS once a code passes %s scans)%n",
                verify.perSecond() / rows.get(1).perSecond(),
                genuineShare,
                "20");
        System.out.printf(
                Locale.ROOT,
                "1,000-label PDF sheet (A4_3X8): %d ms rendering in the service, %d ms from request to download%n",
                pdfServer,
                pdfWall);
        System.out.printf(
                Locale.ROOT,
                "goals: verify >= 5000/s at p99 < 50 ms: %s; ratio >= 0.5: %s; PNG >= 2000/s: %s; PDF < 2 s: %s%n",
                verify.perSecond() >= 5000 && verify.p99Millis() < 50 ? "met" : "NOT met",
                verify.perSecond() / rows.get(1).perSecond() >= 0.5 ? "met" : "NOT met",
                rows.get(2).perSecond() >= 2000 ? "met" : "NOT met",
                pdfWall < 2000 ? "met" : "NOT met");
    }
}
