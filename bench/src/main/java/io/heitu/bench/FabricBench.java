package io.heitu.bench;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.heitu.identity.CertificateAuthority;
import io.heitu.identity.Enrollment;
import io.heitu.identity.Pem;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event capture on the Fabric network {@code network/up.sh} started: batches of 50 readings per
 * transaction through the service in its Fabric mode, beside the same transactions submitted
 * straight to the supermarket's peer gateway with the Fabric Gateway SDK in the same run (the
 * baseline: what any Fabric client pays for endorsement by two peers, ordering and commit).
 * Both retry an MVCC conflict as the service does.
 *
 * <p>Usage: {@code FabricBench <service.jar> [seconds]}, from the repository root.
 */
public final class FabricBench {

    /** Where network/up.sh wrote the profile: NETWORK_RUN_DIR as network/lib.sh reads it, else network/.run. */
    private static final Path PROFILE = runDir().resolve("fabric-profile.json");

    private static final String MSP = "ChangchunMartMSP";
    private static final int CLIENTS = 16;
    private static final int ATTEMPTS = 4;

    private FabricBench() {}

    public static void main(String[] args) throws Exception {
        if (!Files.isRegularFile(PROFILE)) {
            System.err.println("no Fabric network: start it first with `bash network/up.sh`");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        Duration measured = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 20);
        Duration warmUp = Duration.ofSeconds(5);
        JsonNode profile = JsonMapper.builder().build().readTree(PROFILE.toFile());
        Path work = Files.createTempDirectory("heitu-bench-fabric-");
        System.out.println("bench: service log in " + work.resolve("service.log"));
        // Distinct event times per row and per run: a repeated event is a duplicate, not a write.
        Instant base = Instant.now().minus(Duration.ofDays(10)).plusMillis(System.nanoTime() % 1_000_000);
        List<Load.Figures> rows = new ArrayList<>();
        ManagedChannel channel = channel(peerOf(profile, MSP));
        try (Gateway gateway = gateway(profile, channel);
                ServiceUnderTest service = new ServiceUnderTest(
                        jar, work.resolve("data"), work.resolve("service.log"), "768m", serviceArguments())) {
            Contract contract = gateway.getNetwork(profile.path("channel").asString())
                    .getContract(profile.path("chaincode").asString());
            String token = service.token("grocer");
            for (int round = 0; round < 2; round++) {
                Instant serviceBase = base.plus(Duration.ofHours(round * 2L));
                rows.add(Load.measure(
                        "service, batch of " + CaptureBench.BATCH + " (events/s)",
                        CLIENTS,
                        warmUp,
                        measured,
                        CaptureBench.BATCH,
                        (client, seq) -> service.send(
                                                token,
                                                "POST",
                                                "/api/events/batch",
                                                CaptureBench.batch(
                                                        serviceBase.plusMillis(seq * CaptureBench.BATCH * 3)))
                                        .statusCode()
                                == 201));
                Instant rawBase = base.plus(Duration.ofHours(round * 2L + 1));
                rows.add(Load.measure(
                        "raw gateway, same transactions (events/s)",
                        CLIENTS,
                        warmUp,
                        measured,
                        CaptureBench.BATCH,
                        (client, seq) -> submit(
                                contract, CaptureBench.batch(rawBase.plusMillis(seq * CaptureBench.BATCH * 3)))));
            }
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        print(rows);
    }

    private static Path runDir() {
        String dir = System.getenv("NETWORK_RUN_DIR");
        return dir == null || dir.isEmpty() ? Path.of("network", ".run") : Path.of(dir);
    }

    /** The service in its Fabric mode, on the network {@code network/up.sh} started. */
    static List<String> serviceArguments() {
        if (!Files.isRegularFile(PROFILE)) {
            throw new IllegalStateException("no Fabric network: start it first with `bash network/up.sh`");
        }
        return List.of(
                "--spring.profiles.active=demo,fabric", "--heitu.ledger.fabric-profile=" + PROFILE.toAbsolutePath());
    }

    private static boolean submit(Contract contract, String body) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                contract.submitTransaction("event:Batch", body);
                return true;
            } catch (CommitException conflict) {
                if (attempt == ATTEMPTS) {
                    return false;
                }
            }
        }
    }

    private static JsonNode peerOf(JsonNode profile, String mspId) {
        for (JsonNode peer : profile.path("peers")) {
            if (peer.path("mspId").asString().equals(mspId)) {
                return peer;
            }
        }
        throw new IllegalStateException("no peer of " + mspId + " in " + PROFILE);
    }

    private static ManagedChannel channel(JsonNode peer) throws Exception {
        return NettyChannelBuilder.forTarget(peer.path("endpoint").asString())
                .sslContext(GrpcSslContexts.forClient()
                        .trustManager(new File(peer.path("tlsRootCert").asString()))
                        .build())
                .overrideAuthority(peer.path("hostOverride").asString())
                .build();
    }

    /** A retailer of the supermarket, certified by its organisation's CA as the service's users are. */
    private static Gateway gateway(JsonNode profile, ManagedChannel channel) throws Exception {
        JsonNode org = null;
        for (JsonNode candidate : profile.path("orgs")) {
            if (candidate.path("mspId").asString().equals(MSP)) {
                org = candidate;
            }
        }
        if (org == null) {
            throw new IllegalStateException("no CA of " + MSP + " in " + PROFILE);
        }
        CertificateAuthority ca = new CertificateAuthority(
                MSP,
                Pem.certificate(Files.readString(Path.of(org.path("caCert").asString()))),
                Pem.privateKey(Files.readString(Path.of(org.path("caKey").asString()))));
        Enrollment user = ca.enroll("bench-raw-" + System.currentTimeMillis(), "retailer");
        return Gateway.newInstance()
                .identity(new X509Identity(MSP, user.certificate()))
                .signer(Signers.newPrivateKeySigner(user.privateKey()))
                .connection(channel)
                .evaluateOptions(options -> options.withDeadlineAfter(10, TimeUnit.SECONDS))
                .endorseOptions(options -> options.withDeadlineAfter(30, TimeUnit.SECONDS))
                .submitOptions(options -> options.withDeadlineAfter(30, TimeUnit.SECONDS))
                .commitStatusOptions(options -> options.withDeadlineAfter(60, TimeUnit.SECONDS))
                .connect();
    }

    private static void print(List<Load.Figures> rows) {
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%-44s %8s %10s %9s %9s %7s%n",
                "scenario",
                "clients",
                "events/s",
                "p50 ms",
                "p99 ms",
                "errors");
        for (Load.Figures row : rows) {
            System.out.printf(
                    Locale.ROOT,
                    "%-44s %8d %10.0f %9.1f %9.1f %7d%n",
                    row.scenario(),
                    row.clients(),
                    row.perSecond(),
                    row.p50Millis(),
                    row.p99Millis(),
                    row.errors());
        }
        double service = (rows.get(0).perSecond() + rows.get(2).perSecond()) / 2;
        double raw = (rows.get(1).perSecond() + rows.get(3).perSecond()) / 2;
        System.out.printf(
                Locale.ROOT,
                "%nservice / raw gateway = %.2f (overhead %.0f %%); goal >= 500 events/s end to end, overhead <= 10 %%%n",
                service / raw,
                (1 - service / raw) * 100);
    }
}
