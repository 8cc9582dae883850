package io.heitu.service.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The network scripts, run as a drill would run them: {@code network/node.sh kill orderer},
 * {@code network/heights.sh}, {@code network/add-org.sh}. They inherit this JVM's environment, so
 * they find the same network as {@link LedgerUnderTest} ({@code NETWORK_PORT_OFFSET},
 * {@code NETWORK_RUN_DIR}).
 */
public final class FabricNetwork {

    private FabricNetwork() {}

    /** Runs {@code network/<script> args…}; fails with the script's output unless it exits 0. */
    public static String run(String script, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", "network/" + script));
        command.addAll(List.of(args));
        try {
            Path log = Files.createTempFile("network-" + script, ".log");
            Process process = new ProcessBuilder(command)
                    .directory(LedgerUnderTest.REPOSITORY.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean done = process.waitFor(10, TimeUnit.MINUTES);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.delete(log);
            if (!done) {
                process.destroyForcibly();
                throw new IllegalStateException("network/" + script + " did not finish in 10 minutes:\n" + output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        "network/" + script + " " + String.join(" ", args) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Each peer's height of the channel, by organisation; -1 for a peer that does not answer. */
    public static Map<String, Long> heights() {
        Map<String, Long> heights = new LinkedHashMap<>();
        for (String line : run("heights.sh").strip().split("\n")) {
            String[] parts = line.strip().split(" ");
            heights.put(parts[0], parts.length > 1 && !parts[1].isEmpty() ? Long.parseLong(parts[1]) : -1L);
        }
        return heights;
    }

    /** Waits until every peer answers with the same height, and returns it. */
    public static long sameHeightEverywhere(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> heights = heights();
        while (System.nanoTime() < deadline) {
            if (!heights.containsValue(-1L)
                    && heights.values().stream().distinct().count() == 1) {
                return heights.values().iterator().next();
            }
            Thread.sleep(500);
            heights = heights();
        }
        throw new AssertionError("the peers did not reach the same height within " + timeout + ": " + heights);
    }
}
