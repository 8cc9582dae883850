package io.heitu.service.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on a random port with the demo data, on a fresh embedded ledger in a temporary
 * directory: the chaincode runs in-process, signed by the demo users' own certificates.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServiceTest {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws java.io.IOException {
        Path dir = Files.createTempDirectory("heitu-it-");
        registry.add("heitu.data-dir", dir::toString);
    }

    protected Api api() {
        return new Api("http://localhost:" + port);
    }
}
