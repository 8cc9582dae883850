package io.heitu.service;

import io.heitu.ledger.embedded.verify.VerifyCommand;
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
     * chain and every signature, and exits 0 (verified) or 1 (naming the first bad block).
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("verify")) {
            Path dataDir = Path.of(args.length > 1 ? args[1] : "./data");
            VerifyCommand.main(new String[] {dataDir.resolve("ledger").toString()});
            return;
        }
        SpringApplication.run(HeituApplication.class, args);
    }
}
