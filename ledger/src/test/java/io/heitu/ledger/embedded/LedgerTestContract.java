package io.heitu.ledger.embedded;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;

/**
 * A tiny contract for the ledger's own tests (the ledger module cannot see the real chaincode).
 * {@link Gates} let a test hold a transaction between its reads and its writes.
 */
@Contract(name = "ledgertest")
@Default
public final class LedgerTestContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String put(Context ctx, String key, String value) {
        ctx.getStub().putState(key, utf8(value));
        ctx.getStub().setEvent("put", utf8(key + "=" + value));
        return value;
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx, String key) {
        byte[] value = ctx.getStub().getState(key);
        if (value.length == 0) {
            throw new ChaincodeException("NOT_FOUND: " + key, "NOT_FOUND");
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    /** Writes the transient value {@code secret} as private data of {@code collection}. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String putPrivate(Context ctx, String collection, String key) {
        byte[] secret = ctx.getStub().getTransient().get("secret");
        if (secret == null) {
            throw new ChaincodeException("NO_SECRET", "NO_SECRET");
        }
        ctx.getStub().putPrivateData(collection, key, secret);
        return "ok";
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getPrivate(Context ctx, String collection, String key) {
        byte[] value = ctx.getStub().getPrivateData(collection, key);
        if (value.length == 0) {
            throw new ChaincodeException("NOT_FOUND: " + key, "NOT_FOUND");
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    /** The private value's hash as hex, as every peer holds it. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String privateHash(Context ctx, String collection, String key) {
        return java.util.HexFormat.of().formatHex(ctx.getStub().getPrivateDataHash(collection, key));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public void remove(Context ctx, String key) {
        ctx.getStub().delState(key);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String increment(Context ctx, String key) {
        return incrementAfterGate(ctx, key, "");
    }

    /** Reads the counter, waits at the gate (if a test armed it), then writes counter + 1. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String incrementAfterGate(Context ctx, String key, String gate) {
        byte[] current = ctx.getStub().getState(key);
        long next = (current.length == 0 ? 0 : Long.parseLong(new String(current, StandardCharsets.UTF_8))) + 1;
        Gates.pass(gate);
        ctx.getStub().putState(key, utf8(Long.toString(next)));
        return Long.toString(next);
    }

    /** Counts the keys in a range, waits at the gate, then records the count under {@code target}. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String countRangeAfterGate(Context ctx, String start, String end, String target, String gate) {
        int count = keys(ctx.getStub(), start, end).size();
        Gates.pass(gate);
        ctx.getStub().putState(target, utf8(Integer.toString(count)));
        return Integer.toString(count);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String range(Context ctx, String start, String end) {
        return String.join(",", keys(ctx.getStub(), start, end));
    }

    /** Values newest first, a delete shown as {@code -}. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String history(Context ctx, String key) {
        List<String> values = new ArrayList<>();
        try (QueryResultsIterator<KeyModification> history = ctx.getStub().getHistoryForKey(key)) {
            for (KeyModification modification : history) {
                values.add(modification.isDeleted() ? "-" : modification.getStringValue());
            }
        } catch (Exception e) {
            throw new ChaincodeException("history failed", e);
        }
        return String.join(",", values);
    }

    /** Writes, then fails: a peer would not endorse it, so the write must never land. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public void failAfterWrite(Context ctx, String key) {
        ctx.getStub().putState(key, utf8("never"));
        throw new ChaincodeException("REFUSED: on purpose", "REFUSED");
    }

    private static List<String> keys(ChaincodeStub stub, String start, String end) {
        List<String> keys = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> range = stub.getStateByRange(start, end)) {
            for (KeyValue kv : range) {
                keys.add(kv.getKey());
            }
        } catch (Exception e) {
            throw new ChaincodeException("range failed", e);
        }
        return keys;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
