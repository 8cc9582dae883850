package io.heitu.chaincode.support;

import io.heitu.identity.Enrollment;
import io.heitu.ledger.sim.InMemoryState;
import io.heitu.ledger.sim.InProcessChaincode;
import io.heitu.ledger.sim.MvccValidator;
import io.heitu.ledger.sim.Simulation;
import io.heitu.ledger.sim.Simulator;
import io.heitu.ledger.sim.TxProposal;
import io.heitu.ledger.sim.Version;
import io.heitu.ledger.sim.Write;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ledger.CompositeKey;

/**
 * The chaincode running on the embedded ledger's simulator over in-memory state: each submit is
 * simulated, MVCC-validated and committed as a block of one, exactly as the service's embedded
 * ledger does it, minus the disk. Transaction time is a test-controlled clock.
 */
public final class TestLedger {

    /** Strong references: java.util.logging holds loggers weakly, and a collected logger forgets its level. */
    private static final List<Logger> SHIM_LOGGERS = new ArrayList<>();

    private static final Chaincode CHAINCODE = quiet(InProcessChaincode.load("trace"));

    private final InMemoryState state = new InMemoryState();
    private long blockNumber;
    private Simulation lastSubmitted;
    private long txCounter;
    private Instant now = Instant.parse("2026-10-05T02:00:00Z");

    /** The simulation of the last submitted transaction: what it read and wrote. */
    public Simulation lastSubmitted() {
        return lastSubmitted;
    }

    /** The committed value of a composite key, as UTF-8 text; null when absent. */
    public String stored(String objectType, String... attributes) {
        var value = state.get(new CompositeKey(objectType, attributes).toString());
        return value == null ? null : new String(value.value(), StandardCharsets.UTF_8);
    }

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

    /** Every committed key with its value in hex, in key order: compare two to see what changed. */
    public SortedMap<String, String> snapshot() {
        SortedMap<String, String> entries = new TreeMap<>();
        try (var range = state.range("", "")) {
            range.forEachRemaining(entry -> entries.put(
                    entry.key(), HexFormat.of().formatHex(entry.value().value())));
        }
        return entries;
    }

    /**
     * A new ledger holding this one's committed state (without key history) at this one's clock: a
     * world set up once and copied is much cheaper than one set up again transaction by transaction.
     */
    public TestLedger copy() {
        TestLedger copy = new TestLedger();
        List<Write> writes = new ArrayList<>();
        try (var range = state.range("", "")) {
            range.forEachRemaining(
                    entry -> writes.add(new Write(entry.key(), entry.value().value())));
        }
        copy.state.apply(writes, new Version(1, 0), "copy", now);
        copy.blockNumber = 1;
        copy.txCounter = txCounter;
        copy.now = now;
        return copy;
    }

    /** Simulates, validates and commits; a refused transaction changes nothing. */
    public Result submit(Enrollment user, String transaction, String request) {
        return submit(user, transaction, request, Map.of());
    }

    /** As {@link #submit(Enrollment, String, String)}, with a transient map (private inputs). */
    public Result submit(Enrollment user, String transaction, String request, Map<String, byte[]> transientData) {
        Simulation simulation = simulate(user, transaction, request, transientData);
        lastSubmitted = simulation;
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
            state.applyPrivate(simulation.readWriteSet().privateWrites());
        }
        return outcome(simulation);
    }

    /** Runs a query; never commits. */
    public Result evaluate(Enrollment user, String transaction, String request) {
        return evaluate(user, transaction, request, Map.of());
    }

    /** As {@link #evaluate(Enrollment, String, String)}, with a transient map. */
    public Result evaluate(Enrollment user, String transaction, String request, Map<String, byte[]> transientData) {
        Simulation simulation = simulate(user, transaction, request, transientData);
        if (simulation.leakedIterators() > 0) {
            throw new AssertionError(transaction + " left " + simulation.leakedIterators() + " iterators open");
        }
        return outcome(simulation);
    }

    /** Simulation only, for tests that look at read/write sets. */
    public Simulation simulate(Enrollment user, String transaction, String request) {
        return simulate(user, transaction, request, Map.of());
    }

    /** Simulation with a transient map (private inputs). */
    public Simulation simulate(Enrollment user, String transaction, String request, Map<String, byte[]> transientData) {
        String txId = HexFormat.of().formatHex(Long.toString(++txCounter).getBytes(StandardCharsets.UTF_8)) + "00";
        TxProposal proposal = new TxProposal(
                "trace",
                "trace",
                txId,
                now,
                user.serializedIdentity(),
                List.of(transaction.getBytes(StandardCharsets.UTF_8), request.getBytes(StandardCharsets.UTF_8)),
                transientData);
        return Simulator.simulate(CHAINCODE, proposal, state);
    }

    /**
     * The shim logs every transaction at INFO and every refusal at SEVERE with its stack trace, on
     * loggers it gives levels of their own: in tests refusals are the expected outcome, so the shim
     * is silenced. The chaincode's own warnings (Gate's unexpected failures) still show.
     */
    private static Chaincode quiet(Chaincode chaincode) {
        LogManager logs = LogManager.getLogManager();
        for (String name : Collections.list(logs.getLoggerNames())) {
            if (name.startsWith("org.hyperledger")) {
                Logger logger = logs.getLogger(name);
                if (logger != null) {
                    logger.setLevel(Level.OFF);
                    SHIM_LOGGERS.add(logger);
                }
            }
        }
        return chaincode;
    }

    /** What a simulated transaction answered. */
    public static Result outcome(Simulation simulation) {
        var response = simulation.response();
        String payload =
                response.getPayload() == null ? null : new String(response.getPayload(), StandardCharsets.UTF_8);
        return new Result(response.getStatusCode(), payload, response.getMessage(), simulation.event());
    }
}
