package io.heitu.chaincode.support;

import io.heitu.ledger.identity.Enrollment;
import io.heitu.ledger.sim.InMemoryState;
import io.heitu.ledger.sim.InProcessChaincode;
import io.heitu.ledger.sim.MvccValidator;
import io.heitu.ledger.sim.Simulation;
import io.heitu.ledger.sim.Simulator;
import io.heitu.ledger.sim.TxProposal;
import io.heitu.ledger.sim.Version;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.shim.Chaincode;

/**
 * The chaincode running on the embedded ledger's simulator over in-memory state: each submit is
 * simulated, MVCC-validated and committed as a block of one, exactly as the service's embedded
 * ledger does it, minus the disk. Transaction time is a test-controlled clock.
 */
public final class TestLedger {

    private static final Chaincode CHAINCODE = InProcessChaincode.load("trace");

    private final InMemoryState state = new InMemoryState();
    private long blockNumber;
    private long txCounter;
    private Instant now = Instant.parse("2026-10-05T02:00:00Z");

    public InMemoryState state() {
        return state;
    }

    public Instant now() {
        return now;
    }

    public void setNow(Instant time) {
        now = time;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Simulates, validates and commits; a refused transaction changes nothing. */
    public Result submit(Enrollment user, String transaction, String request) {
        Simulation simulation = simulate(user, transaction, request);
        if (simulation.leakedIterators() > 0) {
            throw new AssertionError(transaction + " left " + simulation.leakedIterators() + " iterators open");
        }
        if (simulation.succeeded()) {
            if (simulation.paginatedQueryUsed() && !simulation.readWriteSet().isReadOnly()) {
                throw new AssertionError(transaction + " used a paginated query in an update transaction");
            }
            var conflict = MvccValidator.conflict(simulation.readWriteSet(), state, Map.of());
            if (conflict.isPresent()) {
                throw new AssertionError("serial transaction had an MVCC conflict: " + conflict.get());
            }
            state.apply(
                    simulation.readWriteSet().writes(),
                    new Version(++blockNumber, 0),
                    simulation.proposal().txId(),
                    now);
        }
        return result(simulation);
    }

    /** Runs a query; never commits. */
    public Result evaluate(Enrollment user, String transaction, String request) {
        Simulation simulation = simulate(user, transaction, request);
        if (simulation.leakedIterators() > 0) {
            throw new AssertionError(transaction + " left " + simulation.leakedIterators() + " iterators open");
        }
        return result(simulation);
    }

    /** Simulation only, for tests that look at read/write sets. */
    public Simulation simulate(Enrollment user, String transaction, String request) {
        String txId = HexFormat.of().formatHex(Long.toString(++txCounter).getBytes(StandardCharsets.UTF_8)) + "00";
        TxProposal proposal = new TxProposal(
                "trace",
                "trace",
                txId,
                now,
                user.serializedIdentity(),
                List.of(transaction.getBytes(StandardCharsets.UTF_8), request.getBytes(StandardCharsets.UTF_8)));
        return Simulator.simulate(CHAINCODE, proposal, state);
    }

    private static Result result(Simulation simulation) {
        var response = simulation.response();
        String payload =
                response.getPayload() == null ? null : new String(response.getPayload(), StandardCharsets.UTF_8);
        return new Result(response.getStatusCode(), payload, response.getMessage(), simulation.event());
    }
}
