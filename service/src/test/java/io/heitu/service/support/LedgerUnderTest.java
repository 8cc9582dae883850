package io.heitu.service.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which ledger the end-to-end suite runs on: failsafe runs the same classes twice, with
 * {@code heitu.it.ledger=embedded} and then {@code =fabric} (service/pom.xml). On Fabric the
 * network is the one {@code network/up.sh} started, found the way the network scripts find it
 * ({@code NETWORK_RUN_DIR}, else {@code network/.run}).
 */
public final class LedgerUnderTest {

    public static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private LedgerUnderTest() {}

    public static boolean fabric() {
        return "fabric".equals(System.getProperty("heitu.it.ledger", "embedded"));
    }

    /** The ledger's name on health and on the consumer page: the suite checks it runs where it should. */
    public static String kind() {
        return fabric() ? "fabric" : "embedded";
    }

    /** The network's state directory, as network/lib.sh computes it. */
    public static Path networkRunDir() {
        String dir = System.getenv("NETWORK_RUN_DIR");
        if (dir == null || dir.isEmpty()) {
            return REPOSITORY.resolve("network/.run");
        }
        return REPOSITORY.resolve(dir);
    }

    /** The service's connection profile that network/up.sh wrote; fails clearly when there is none. */
    public static Path fabricProfile() {
        Path profile = networkRunDir().resolve("fabric-profile.json");
        if (!Files.isRegularFile(profile)) {
            throw new IllegalStateException("No Fabric network: " + profile + " does not exist. The fabric-network"
                    + " execution runs network/up.sh first; start it yourself with -Dfabric.network.skip=true,"
                    + " or run without Fabric: -DskipFabric");
        }
        return profile;
    }
}
