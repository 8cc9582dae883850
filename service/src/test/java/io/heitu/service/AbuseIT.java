package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.support.Api;
import io.heitu.service.support.Codes;
import io.heitu.service.support.Multipart;
import io.heitu.service.support.ServiceTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The public resolver as an attacker uses it: one script asking again and again, posing as many
 * clients, forging the Host header, flooding the photo upload. The tests are the trusted proxy
 * ({@link ServiceTest}), so {@code X-Forwarded-For} names the client they pose as.
 */
class AbuseIT extends ServiceTest {

    private Codes codes() {
        return new Codes(api());
    }

    private String fresh() {
        JsonNode issuance = codes().issue("miller", Codes.BAGS, Codes.RICE_LOT, 1, true);
        return codes().codes("miller", issuance.path("id").asString()).get(0);
    }

    private Api.Response scanFrom(String uri, String forwardedFor, String accept) {
        return api().withHeaders(null, Codes.local(uri), "Accept", accept, "X-Forwarded-For", forwardedFor);
    }

    @Nested
    class ScanSignals {

        @Test
        void a_script_repeating_a_genuine_code_from_one_address_leaves_it_genuine() {
            String uri = fresh();
            for (int i = 0; i < 60; i++) {
                Api.Response answer = scanFrom(uri, "203.0.113.9", "application/json");
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                assertThat(answer.json().path("verdict").asString()).isEqualTo("GENUINE");
            }
            JsonNode last = scanFrom(uri, "203.0.113.9", "application/json").json();
            assertThat(last.at("/scans/count").asLong()).isEqualTo(61);
            assertThat(last.at("/scans/clients").asLong()).isEqualTo(1);
        }

        @Test
        void forged_forwarded_for_entries_before_the_trusted_proxy_count_as_the_one_real_client() {
            String uri = fresh();
            for (int i = 1; i <= 12; i++) {
                // What a client writes itself comes first; the proxy appends the address it saw.
                Api.Response answer = scanFrom(uri, "198.51." + i + ".1, 203.0.113.77", "application/json");
                assertThat(answer.json().path("verdict").asString()).isEqualTo("GENUINE");
            }
            JsonNode last = codes().scan(uri);
            assertThat(last.at("/scans/clients").asLong()).isEqualTo(2); // 203.0.113.77 and the loopback
            assertThat(last.at("/scans/places").asLong()).isEqualTo(2);
        }

        @Test
        void a_code_scanned_in_many_places_is_suspicious_and_the_page_says_where_and_over_how_long() {
            String uri = fresh();
            for (int place = 1; place <= 5; place++) {
                assertThat(scanFrom(uri, "10." + place + ".7.20", "application/json")
                                .json()
                                .path("verdict")
                                .asString())
                        .isEqualTo("GENUINE");
            }
            // Many phones in one shop are one place.
            for (int phone = 21; phone <= 40; phone++) {
                scanFrom(uri, "10.1.7." + phone, "application/json");
            }
            JsonNode flagged = scanFrom(uri, "10.6.7.20", "application/json").json();
            assertThat(flagged.path("verdict").asString()).isEqualTo("SUSPICIOUS");
            assertThat(flagged.path("reason").asString()).isEqualTo("SCANNED_IN_6_PLACES_IN_1_DAYS");
            assertThat(flagged.at("/scans/places").asLong()).isEqualTo(6);
            assertThat(flagged.at("/scans/clients").asLong()).isEqualTo(26);

            Api.Response page = scanFrom(uri, "10.7.7.20", "text/html");
            assertThat(page.body()).contains("扫码异常").contains("在 7 个不同网络扫描 · 1 天内");
            Api.Response english = api().withHeaders(
                            null, Codes.local(uri) + "&lang=en", "Accept", "text/html", "X-Forwarded-For", "10.8.7.20");
            assertThat(english.body()).contains("Scanned from 8 different networks in 1 day");
        }
    }

    @Nested
    class RateLimits {

        @Test
        void photo_uploads_beyond_the_bucket_get_429_problem_json_with_retry_after_for_that_client_only() {
            byte[] notAnImage = "not an image".getBytes(StandardCharsets.UTF_8);
            Multipart form = new Multipart().file("image", "label.png", "image/png", notAnImage);
            int limited = 0;
            Api.Response refused = null;
            for (int i = 0; i < 12; i++) {
                Api.Response answer = upload(form, "192.0.2.44");
                if (answer.status() == 429) {
                    limited++;
                    refused = answer;
                } else {
                    assertThat(answer.status()).as(answer.body()).isEqualTo(415);
                }
            }
            assertThat(limited).isEqualTo(2);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.code()).isEqualTo("RATE_LIMITED");
            assertThat(Long.parseLong(
                            refused.headers().firstValue("Retry-After").orElseThrow()))
                    .isBetween(1L, 6L);
            assertThat(upload(form, "192.0.2.45").status()).isEqualTo(415);
        }

        private Api.Response upload(Multipart form, String client) {
            return api().rawWithHeaders(
                            "POST",
                            "/api/public/decode",
                            form.contentType(),
                            form.bytes(),
                            "Accept",
                            "application/json",
                            "X-Forwarded-For",
                            client);
        }
    }

    @Nested
    class UntrustedImages {

        /**
         * Three uploads at once of a PNG that decodes to 392 MB each (7000 × 7000, 16-bit RGBA,
         * under the pixel cap), from three clients: each is read within its memory budget, or
         * waits for a decoder and is told to come back — never a 500, and the service answers on.
         */
        @Test
        void three_concurrent_decompression_bombs_get_4xx_or_503_problems_and_no_out_of_memory() throws Exception {
            byte[] bomb = io.heitu.service.support.DeepPng.of(7000, 7000, null);
            assertThat(bomb.length).isLessThan(1_000_000);
            Multipart form = new Multipart().file("image", "bomb.png", "image/png", bomb);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
            try {
                java.util.List<java.util.concurrent.Future<Api.Response>> answers = new java.util.ArrayList<>();
                for (int client = 1; client <= 3; client++) {
                    String address = "192.0.2." + (100 + client);
                    answers.add(pool.submit(() -> api().rawWithHeaders(
                                    "POST",
                                    "/api/public/decode",
                                    form.contentType(),
                                    form.bytes(),
                                    "Accept",
                                    "application/json",
                                    "X-Forwarded-For",
                                    address)));
                }
                for (var answer : answers) {
                    Api.Response response = answer.get();
                    assertThat(response.status()).as(response.body()).isIn(422, 503);
                    assertThat(response.contentType()).startsWith("application/problem+json");
                    assertThat(response.code()).isIn("QR_CODE_NOT_FOUND", "DECODER_BUSY");
                }
            } finally {
                pool.shutdown();
            }
            assertThat(codes().verdict(fresh())).isEqualTo("GENUINE");
        }
    }

    @Nested
    class HostHeader {

        @Test
        void a_forged_host_never_reaches_the_link_header_or_the_linkset() throws Exception {
            String path = Codes.local(fresh());
            String head = raw("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\nAccept: application/json\r\n"
                    + "Connection: close\r\n\r\n");
            assertThat(head).startsWith("HTTP/1.1 200");
            assertThat(head).doesNotContain("evil.example").containsIgnoringCase("link: <http://localhost:8080/01/");
            String linkset = raw(
                    "GET " + path + "&linkType=all HTTP/1.1\r\nHost: evil.example\r\n" + "Connection: close\r\n\r\n");
            assertThat(linkset).startsWith("HTTP/1.1 200").doesNotContain("evil.example");
        }

        @Test
        void a_forged_host_never_reaches_epcis_paging_links_problems_or_the_resolver_description() throws Exception {
            String basic = java.util.Base64.getEncoder()
                    .encodeToString("regulator:heitu-demo".getBytes(StandardCharsets.UTF_8));
            String paged = raw("GET /epcis/events?perPage=1 HTTP/1.1\r\nHost: evil.example\r\n"
                    + "Authorization: Basic " + basic + "\r\nConnection: close\r\n\r\n");
            String problem = raw("GET /epcis/events?perPage=0 HTTP/1.1\r\nHost: evil.example\r\n"
                    + "Authorization: Basic " + basic + "\r\nConnection: close\r\n\r\n");
            String description = raw(
                    "GET /.well-known/gs1resolver HTTP/1.1\r\nHost: evil.example\r\n" + "Connection: close\r\n\r\n");

            assertThat(paged)
                    .startsWith("HTTP/1.1 200")
                    .containsIgnoringCase("link: <http://localhost:8080/epcis/events?");
            assertThat(problem)
                    .startsWith("HTTP/1.1 400")
                    .contains("\"instance\":\"http://localhost:8080/epcis/events\"");
            assertThat(description).startsWith("HTTP/1.1 200").contains("\"resolverRoot\":\"http://localhost:8080\"");
            assertThat(paged + problem + description).doesNotContain("evil.example");
        }

        private String raw(String request) throws Exception {
            try (Socket socket = new Socket("localhost", port)) {
                OutputStream out = socket.getOutputStream();
                out.write(request.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream answer = new ByteArrayOutputStream();
                in.transferTo(answer);
                return answer.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
