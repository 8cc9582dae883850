package io.heitu.service;

import io.heitu.service.api.RequestLimits;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Heitu Trace: farm-to-shelf traceability for Jilin produce. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HeituApplication {

    static {
        RequestLimits.applyJsonLimits();
    }

    /**
     * Starts the service; {@code verify [dataDir]} instead checks a stopped embedded ledger's whole
     * chain and every signature, and exits 0 (verified) or 1 (naming the first bad block); {@code
     * rebuild-read-models [dataDir]} forgets the lineage graph's snapshot of a stopped service, so
     * that its next start rebuilds the graph from block 0 (a running one: {@code POST /api/graph/rebuild}).
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("verify")) {
            Path dataDir = Path.of(args.length > 1 ? args[1] : "./data");
            verify(dataDir.resolve("ledger"));
            return;
        }
        if (args.length > 0 && args[0].equals("rebuild-read-models")) {
            Path dataDir = Path.of(args.length > 1 ? args[1] : "./data");
            io.heitu.service.graph.ReadModels.forget(dataDir);
            return;
        }
        SpringApplication.run(HeituApplication.class, args);
    }

    /**
     * The embedded ledger's own verify command, found by name: only the embedded adapter may depend
     * on the embedded ledger, which a build for Fabric alone ({@code -Dfabric-only}) leaves out.
     */
    private static void verify(Path ledgerDir) {
        try {
            Class.forName("io.heitu.ledger.embedded.verify.VerifyCommand")
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) new String[] {ledgerDir.toString()});
        } catch (ClassNotFoundException absent) {
            // A command-line answer, before any logging is set up.
            System.err.println("verify: this build has no embedded ledger (it was built with -Dfabric-only)");
            System.exit(2);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot run the embedded ledger's verify command", e);
        }
    }
}
