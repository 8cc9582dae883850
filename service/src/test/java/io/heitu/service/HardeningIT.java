package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.support.Api;
import io.heitu.service.support.EpcisClient;
import io.heitu.service.support.ServiceTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Request shapes the container or the firewall used to answer with a 500 or an HTML page, the web
 * and session hardening (headers, cookies, actuator, duplicate JSON keys, sign-in throttling) and
 * webhooks that would reach the service's own network.
 */
class HardeningIT extends ServiceTest {

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        assertThat(response.body())
                .doesNotContain("Exception")
                .doesNotContain("Tomcat")
                .doesNotContain("<html");
    }

    @Nested
    class RequestShapes {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "/api/lots/06901234500035/A%2FB", // encoded slash
                    "/api/lots/06901234500035/A%00B", // NUL
                    "/api/lots/06901234500035/A%C3%28", // malformed UTF-8
                    "/01/06901234500035/10/A%2FB", // the resolver too
                    "/%2e%2e/%2e%2e/etc/passwd",
                })
        void a_path_the_container_or_the_firewall_refuses_is_a_400_problem(String path) {
            assertProblem(api().get("farmer", path), 400);
        }

        @Test
        void an_empty_parameter_name_or_a_bad_escape_is_never_a_500() {
            for (String path : new String[] {
                "/actuator/health?=x",
                "/api/lots?=x",
                "/api/lots?produced=%FF",
                "/01/06901234500035/10/R5-2026-1005?s=%FF"
            }) {
                Api.Response response = api().get("farmer", path);
                assertThat(response.status()).as(path + " " + response.body()).isLessThan(500);
                if (response.status() >= 400) {
                    assertThat(response.contentType()).startsWith("application/problem+json");
                }
            }
        }

        @ParameterizedTest
        @ValueSource(
                strings = {"/api/lots?produced=%G1", "/01/06901234500035/10/R5-2026-1005?s=%", "/api/public/keys?%=x"})
        void a_malformed_escape_no_client_library_would_send_is_never_a_500(String target) throws Exception {
            try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
                socket.getOutputStream()
                        .write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                                        + "Authorization: Basic ZmFybWVyOmhlaXR1LWRlbW8=\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int status = Integer.parseInt(answer.substring(9, 12));
                assertThat(status).as(answer).isLessThan(500);
                if (status >= 400) {
                    assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
                }
            }
        }

        @Test
        void multipart_without_a_boundary_is_a_400_problem() {
            assertProblem(
                    api().raw(
                                    null,
                                    "POST",
                                    "/api/public/decode",
                                    "multipart/form-data",
                                    "x".getBytes(StandardCharsets.UTF_8)),
                    400);
            Api.Response json = api().raw("farmer", "POST", "/api/lots/harvests", "multipart/form-data", new byte[0]);
            assertThat(json.status()).isIn(400, 415);
            assertThat(json.contentType()).startsWith("application/problem+json");
        }

        @Test
        void duplicate_json_keys_are_refused() {
            String twice = "{\"gtin\":\"06901234500011\",\"gtin\":\"06901234500035\",\"lotCode\":\"DUP-1\"}";
            Api.Response response = api().post("farmer", "/api/lots/harvests", twice);
            assertProblem(response, 400);
            assertThat(response.code()).isEqualTo("MALFORMED_REQUEST");
        }
    }

    @Nested
    class Browsers {

        @ParameterizedTest
        @ValueSource(strings = {"/login", "/scan", "/api/lots", "/no/such/page", "/css/site.css"})
        void every_answer_carries_a_strict_content_security_policy_and_the_other_headers(String path) {
            Api.Response response = api().get(null, path);
            assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("default-src 'self'")
                    .contains("script-src 'self'")
                    .doesNotContain("unsafe-inline")
                    .contains("frame-ancestors 'none'");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(response.headers().firstValue("Permissions-Policy").orElseThrow())
                    .contains("geolocation=()");
        }

        @Test
        void a_forged_host_header_never_reaches_a_redirect() throws Exception {
            try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
                socket.getOutputStream()
                        .write("GET /app HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).startsWith("HTTP/1.1 302").containsIgnoringCase("Location: /login");
                assertThat(answer).doesNotContain("evil.example");
            }
        }

        @Test
        void the_bare_address_opens_the_web_app_and_a_forged_host_stays_out_of_it() throws Exception {
            try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
                socket.getOutputStream()
                        .write("GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).startsWith("HTTP/1.1 302").containsIgnoringCase("Location: /app\r\n");
                assertThat(answer).doesNotContain("evil.example");
            }
        }

        @Test
        void the_session_cookie_is_same_site_and_http_only() {
            Api.Response login = api().get(null, "/login");
            String cookie = login.headers().allValues("Set-Cookie").stream()
                    .filter(value -> value.startsWith("JSESSIONID="))
                    .findFirst()
                    .orElseThrow();
            assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly");
        }

        @Test
        void behind_a_trusted_proxy_over_tls_the_session_cookie_is_secure() {
            Api.Response login = api().withHeaders(null, "/login", "X-Forwarded-Proto", "https");
            String cookie = login.headers().allValues("Set-Cookie").stream()
                    .filter(value -> value.startsWith("JSESSIONID="))
                    .findFirst()
                    .orElseThrow();
            assertThat(cookie).contains("Secure");
        }
    }

    @Nested
    class Actuator {

        @Test
        void health_says_up_to_anyone_and_its_details_only_to_admins() {
            Api.Response anonymous = api().get(null, "/actuator/health");
            assertThat(anonymous.status()).isEqualTo(200);
            assertThat(anonymous.body())
                    .contains("\"status\"")
                    .doesNotContain("components")
                    .doesNotContain("diskSpace");
            Api.Response farmer = api().get("farmer", "/actuator/health");
            assertThat(farmer.body()).doesNotContain("components");
            Api.Response admin = api().get("admin", "/actuator/health");
            assertThat(admin.body()).contains("components");
        }

        @Test
        void prometheus_only_with_its_own_credential_or_as_an_admin() {
            assertProblem(api().get(null, "/actuator/prometheus"), 401);
            assertProblem(api().get("farmer", "/actuator/prometheus"), 403);
            Api.Response scraper = api().withHeaders(
                            null,
                            "/actuator/prometheus",
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString("scraper:scrape-secret".getBytes(StandardCharsets.UTF_8)));
            assertThat(scraper.status()).isEqualTo(200);
            assertThat(scraper.body()).contains("jvm_");
            assertProblem(
                    api().withHeaders(
                                    null,
                                    "/actuator/metrics",
                                    "Authorization",
                                    "Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString(
                                                            "scraper:scrape-secret".getBytes(StandardCharsets.UTF_8))),
                    403);
        }
    }

    @Nested
    class SignIn {

        private Api.Response basic(String user, String password, String client) {
            return api().withHeaders(
                            null,
                            "/api/lots",
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)),
                            "X-Forwarded-For",
                            client);
        }

        @Test
        void five_wrong_passwords_lock_the_account_for_a_while_with_429_and_retry_after() {
            String account = "mallory-" + UUID.randomUUID().toString().substring(0, 8);
            for (int attempt = 0; attempt < 5; attempt++) {
                assertProblem(basic(account, "guess-" + attempt, "192.0.2.200"), 401);
            }
            Api.Response locked = basic(account, "guess-5", "192.0.2.201");
            assertProblem(locked, 429);
            assertThat(locked.code()).isEqualTo("LOGIN_LOCKED");
            assertThat(locked.headers().firstValue("Retry-After")).isPresent();
            // Other accounts from the same client are not locked by it.
            assertThat(basic("farmer", Api.PASSWORD, "192.0.2.200").status()).isEqualTo(200);
        }

        @Test
        void twenty_failures_from_one_client_lock_that_client_out_of_every_account() {
            for (int attempt = 0; attempt < 20; attempt++) {
                assertProblem(basic("nobody-" + attempt, "wrong", "192.0.2.210"), 401);
            }
            assertProblem(basic("farmer", Api.PASSWORD, "192.0.2.210"), 429);
            assertThat(basic("farmer", Api.PASSWORD, "192.0.2.211").status()).isEqualTo(200);
        }
    }

    @Nested
    class Webhooks {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "http://localhost:9/hook",
                    "http://169.254.169.254/latest/meta-data/",
                    "http://10.1.2.3/hook",
                    "http://[::1]:8080/hook",
                    "http://0.0.0.0:8080/hook"
                })
        void a_subscription_may_not_post_to_this_machine_or_a_private_network(String dest) {
            EpcisClient epcis = new EpcisClient(api().base());
            String query = "ssrf-" + UUID.randomUUID().toString().substring(0, 8);
            assertThat(epcis.send(
                                    "grocer",
                                    "POST",
                                    "/epcis/queries",
                                    "application/json",
                                    ("{\"name\":\"" + query + "\",\"query\":{\"eventType\":[\"ObjectEvent\"]}}")
                                            .getBytes(StandardCharsets.UTF_8))
                            .status())
                    .isEqualTo(201);
            EpcisClient.Answer answer = epcis.send(
                    "grocer",
                    "POST",
                    "/epcis/queries/" + query + "/subscriptions",
                    "application/json",
                    ("{\"dest\":\"" + dest + "\",\"stream\":true}").getBytes(StandardCharsets.UTF_8));
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.body()).contains("private");
        }
    }
}
