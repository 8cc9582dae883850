package io.heitu.service.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on a random port with the demo data, on the ledger under test
 * ({@link LedgerUnderTest}): a fresh embedded ledger in a temporary directory, the chaincode
 * in-process; or the Fabric network, the chaincode on its peers. Either way every transaction is
 * signed by the demo users' own certificates. Every subclass shares one service (Spring caches the
 * context), so tests never assume a fresh ledger: on Fabric the demo data is loaded once for the
 * whole run and other test classes write beside them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServiceTest {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) throws java.io.IOException {
        Path dir = Files.createTempDirectory("heitu-it-");
        registry.add("heitu.data-dir", dir::toString);
        // The tests are the trusted proxy: a test poses as many clients with X-Forwarded-For
        // (AbuseIT); requests without it are the loopback client, with room for a suite's worth of
        // requests (the production defaults are in RateLimitSettings).
        registry.add("server.tomcat.remoteip.internal-proxies", () -> "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
        registry.add("heitu.limits.public-burst", () -> "5000");
        // EpcisSubscriptionIT's subscriber listens on the loopback address.
        registry.add("heitu.epcis.webhook-private-hosts", () -> "127.0.0.1");
        registry.add("heitu.metrics.username", () -> "scraper");
        registry.add("heitu.metrics.password", () -> "scrape-secret");
        registry.add("heitu.limits.public-per-second", () -> "1000");
        if (LedgerUnderTest.fabric()) {
            registry.add("heitu.ledger.mode", () -> "fabric");
            registry.add(
                    "heitu.ledger.fabric-profile",
                    () -> LedgerUnderTest.fabricProfile().toString());
        }
    }

    protected Api api() {
        return new Api("http://localhost:" + port);
    }
}
