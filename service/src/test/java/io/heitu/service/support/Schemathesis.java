package io.heitu.service.support;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Schemathesis (from PyPI, in {@code .venv} at the repository's root, made by {@code .ci/run}) run
 * against this service with a bounded budget; fails on any failed check. Without the venv a test
 * is skipped on a developer's machine and fails on CI.
 *
 * <p>Budget: {@code -Dheitu.fuzz.seconds} per run (the caller's default), {@code -Dheitu.fuzz.seed}
 * (default 1).
 */
public final class Schemathesis {

    private static final Pattern FAILURES = Pattern.compile("<testsuite [^>]*failures=\"(\\d+)\"");

    private Schemathesis() {}

    /**
     * @param name the report directory under {@code target/schemathesis/}
     * @param target the specification and where to send requests, with any filters
     * @param user whose password authenticates every request
     * @param checks schemathesis checks, comma-separated
     * @param defaultSeconds the run's time budget unless {@code heitu.fuzz.seconds} says otherwise
     */
    public static void run(String name, List<String> target, String user, String checks, int defaultSeconds)
            throws IOException, InterruptedException {
        Path schemathesis = executable();
        Path reports = Path.of("target/schemathesis/" + name).toAbsolutePath();
        Files.createDirectories(reports);
        try (Stream<Path> old = Files.list(reports)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        int seconds = Integer.getInteger("heitu.fuzz.seconds", defaultSeconds);
        List<String> command = new ArrayList<>(List.of(schemathesis.toString(), "run"));
        command.addAll(target);
        command.addAll(List.of(
                "--auth",
                user + ":" + Api.PASSWORD,
                "--checks",
                checks,
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
                .as("failed checks (%s) found by schemathesis (%s):%n%s", checks, name, tail(printed))
                .isZero();
        assertThat(printed).as("schemathesis generated test cases").containsPattern("\\d+ generated");
    }

    /** The venv's schemathesis; skipped on a developer's machine without it, a failure on CI. */
    private static Path executable() {
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
