package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.support.Api;
import io.heitu.service.support.ServiceTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Schemathesis (from PyPI, in {@code .venv} at the repository's root, made by {@code .ci/run})
 * against {@code /epcis}, driven by GS1's official {@code openapi.json} and by our own OpenAPI
 * document, with a bounded budget: any 5xx answer fails the build. Only the "not a server error"
 * check runs: conformance of statuses and schemas is {@link EpcisBindingsIT}'s, with GS1's own
 * inconsistencies read as meant. Without the venv the test is skipped on a developer's machine and
 * fails on CI.
 *
 * <p>Budget: {@code -Dheitu.fuzz.seconds} per specification (default 120), {@code
 * -Dheitu.fuzz.seed} (default 1).
 */
class EpcisFuzzIT extends ServiceTest {

    private static final Pattern FAILURES = Pattern.compile("<testsuite [^>]*failures=\"(\\d+)\"");

    @Test
    void the_official_bindings_find_no_server_error() throws Exception {
        Path spec =
                Path.of("src/test/resources/epcis/rest-bindings/openapi.json").toAbsolutePath();
        fuzz("official", List.of(spec.toString(), "--url", base() + "/epcis"));
    }

    @Test
    void our_own_openapi_finds_no_server_error_on_epcis() throws Exception {
        fuzz("ours", List.of(base() + "/v3/api-docs", "--url", base(), "--include-path-regex", "^/epcis"));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void fuzz(String name, List<String> target) throws IOException, InterruptedException {
        Path schemathesis = schemathesis();
        Path reports = Path.of("target/schemathesis/" + name).toAbsolutePath();
        Files.createDirectories(reports);
        try (Stream<Path> old = Files.list(reports)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        int seconds = Integer.getInteger("heitu.fuzz.seconds", 120);
        List<String> command = new ArrayList<>(List.of(schemathesis.toString(), "run"));
        command.addAll(target);
        command.addAll(List.of(
                "--auth",
                "grocer:" + Api.PASSWORD,
                "--checks",
                "not_a_server_error",
                "--max-examples",
                "25",
                "--max-time",
                Integer.toString(seconds),
                "--workers",
                "2",
                "--seed",
                Long.toString(Long.getLong("heitu.fuzz.seed", 1)),
                "--request-timeout",
                "30",
                "--no-color",
                "--report",
                "junit",
                "--report-dir",
                reports.toString()));
        Path output = reports.resolve("output.txt");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(seconds + 240L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("schemathesis ran past its budget; see " + output);
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        Path junit;
        try (Stream<Path> files = Files.list(reports)) {
            junit = files.filter(file -> file.getFileName().toString().endsWith(".xml"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("schemathesis wrote no report:\n" + tail(printed)));
        }
        Matcher failures = FAILURES.matcher(Files.readString(junit, StandardCharsets.UTF_8));
        assertThat(failures.find()).as("a JUnit report: " + junit).isTrue();
        assertThat(Integer.parseInt(failures.group(1)))
                .as("5xx answers found by schemathesis (%s):%n%s", name, tail(printed))
                .isZero();
        assertThat(printed).as("schemathesis generated test cases").containsPattern("\\d+ generated");
    }

    /** The venv's schemathesis; skipped on a developer's machine without it, a failure on CI. */
    private static Path schemathesis() {
        Path venv = Path.of(System.getProperty("heitu.venv", "../.venv"))
                .toAbsolutePath()
                .normalize();
        Path executable = venv.resolve("bin/schemathesis");
        if (!Files.isExecutable(executable)) {
            String message = "no schemathesis in " + venv + " (.ci/run makes it: python3 -m venv .venv && "
                    + ".venv/bin/pip install -r .ci/requirements-fuzz.txt)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        return executable;
    }

    private static String tail(String printed) {
        return printed.length() <= 12_000 ? printed : printed.substring(printed.length() - 12_000);
    }
}
