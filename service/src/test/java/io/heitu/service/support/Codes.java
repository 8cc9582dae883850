package io.heitu.service.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** QR codes through the API as demo users, and scans of them at this test's server. */
public final class Codes {

    public static final String BAGS = "06901234500035";
    public static final String RICE_LOT = "R5-2026-1005";
    public static final String GINSENG = "06901234500042";

    private final Api api;

    public Codes(Api api) {
        this.api = api;
    }

    /** Issues codes as the user and returns the issuance. */
    public JsonNode issue(String user, String gtin, String lot, int count, boolean perUnit) {
        return issue(user, Map.of("gtin", gtin, "lotCode", lot, "count", count, "perUnit", perUnit));
    }

    public JsonNode issue(String user, Map<String, Object> request) {
        Api.Response response = api.post(user, "/api/qr/issuances", request);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    /** Every code URI of an issuance. */
    public List<String> codes(String user, String issuanceId) {
        Api.Response response = api.get(user, "/api/qr/issuances/" + issuanceId + "/codes?limit=10000");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        response.json().path("codes").forEach(code -> codes.add(code.asString()));
        return codes;
    }

    /** The code's path and query: codes name the configured resolver host, tests ask this server. */
    public static String local(String uri) {
        URI parsed = URI.create(uri);
        return parsed.getRawPath() + (parsed.getRawQuery() == null ? "" : "?" + parsed.getRawQuery());
    }

    /** A scan asking for JSON. */
    public JsonNode scan(String uri) {
        Api.Response response = api.withHeaders(null, local(uri), "Accept", "application/json");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    public String verdict(String uri) {
        return scan(uri).path("verdict").asString();
    }

    /** An authenticated GET of binary content (images, PDFs); fails unless 200. */
    public static byte[] download(String base, String user, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .header(
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString(
                                                    (user + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .build();
            HttpResponse<byte[]> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
