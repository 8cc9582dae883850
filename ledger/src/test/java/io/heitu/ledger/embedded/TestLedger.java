package io.heitu.ledger.embedded;

import io.heitu.identity.CertificateAuthority;
import io.heitu.identity.Enrollment;
import io.heitu.ledger.embedded.commit.TxResult;
import io.heitu.ledger.embedded.proposal.Proposals;
import io.heitu.ledger.sim.InProcessChaincode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode;

/** A real embedded ledger in a temporary directory, with a real CA and user, for tests. */
final class TestLedger implements AutoCloseable {

    static final String CHANNEL = "trace";
    static final String CHAINCODE = "ledgertest";
    static final String MSP = "Org1MSP";

    private static Chaincode chaincode;

    final Path dataDir;
    final CertificateAuthority ca;
    final Enrollment user;
    final Duration maxBlockWait;
    EmbeddedLedger ledger;

    private TestLedger(Path dataDir, CertificateAuthority ca, Enrollment user, Duration maxBlockWait) {
        this.dataDir = dataDir;
        this.ca = ca;
        this.user = user;
        this.maxBlockWait = maxBlockWait;
        this.ledger = EmbeddedLedger.open(config(), chaincode());
    }

    static TestLedger open(Path dataDir) {
        return open(dataDir, Duration.ofMillis(2));
    }

    static TestLedger open(Path dataDir, Duration maxBlockWait) {
        CertificateAuthority ca = CertificateAuthority.create(MSP, "org1.example.com");
        return new TestLedger(dataDir, ca, ca.enroll("alice", "farmer"), maxBlockWait);
    }

    /** The chaincode, loaded once per JVM: contract discovery scans the classpath. */
    static synchronized Chaincode chaincode() {
        if (chaincode == null) {
            chaincode = InProcessChaincode.load(CHAINCODE);
        }
        return chaincode;
    }

    LedgerConfig config() {
        return config(Map.of(MSP, List.of(ca.certificate())));
    }

    LedgerConfig config(Map<String, List<X509Certificate>> trustedCas) {
        return new LedgerConfig(dataDir, CHANNEL, CHAINCODE, trustedCas, 500, maxBlockWait);
    }

    void reopen() {
        ledger.close();
        ledger = EmbeddedLedger.open(config(), chaincode());
    }

    SignedProposal proposal(String... args) {
        return proposal(user, args);
    }

    static SignedProposal proposal(Enrollment who, String... args) {
        return Proposals.create(who, CHANNEL, CHAINCODE, List.of(args), Instant.now());
    }

    TxResult submit(String... args) {
        return submit(proposal(args));
    }

    TxResult submit(SignedProposal proposal) {
        try {
            return ledger.submit(proposal).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    TxResult evaluate(String... args) {
        return ledger.evaluate(proposal(args));
    }

    /** The chaincode's answer as text, or null when the evaluation failed. */
    String read(String... args) {
        TxResult result = evaluate(args);
        return result.isValid() ? new String(result.payload(), StandardCharsets.UTF_8) : null;
    }

    @Override
    public void close() {
        ledger.close();
    }
}
