package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.support.Api;
import io.heitu.service.support.ServiceProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Terms acknowledged are durable: the service is killed with SIGKILL right after it answered the
 * terms' PUT, and after a restart on the same data both parties read them and the chain verifies.
 * (The private store is the embedded ledger's own; on Fabric the peers keep private data.)
 */
@Tag("embedded-ledger")
class PrivateTermsRestartIT {

    @Test
    void terms_survive_a_kill_minus_nine() throws Exception {
        Path data = Files.createTempDirectory("heitu-terms-").resolve("data");
        String contract = ApiFlowIT.unique("HT-KILL-");
        String path;
        try (ServiceProcess service = new ServiceProcess(data).start()) {
            Api api = service.api();
            path = "/api/shipments/" + PrivateTermsIT.ship(api) + "/terms";
            Api.Response recorded = api.raw(
                    "farmer",
                    "PUT",
                    path,
                    "application/json",
                    Api.json(PrivateTermsIT.terms(contract)).getBytes(StandardCharsets.UTF_8));
            assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
            service.kill();
        }

        try (ServiceProcess restarted = new ServiceProcess(data).start()) {
            Api api = restarted.api();
            for (String party : new String[] {"farmer", "grocer"}) {
                Api.Response read = api.get(party, path);
                assertThat(read.status()).as(party + ": " + read).isEqualTo(200);
                assertThat(read.json().at("/terms/contractNumber").asString()).isEqualTo(contract);
            }
            assertThat(api.get("miller", path).status()).isEqualTo(403);
            Api.Response verify = api.get("farmer", "/api/ledger/verify");
            assertThat(verify.json().path("ok").asBoolean()).as(verify.body()).isTrue();
        }
    }
}
