package io.heitu.ledger.sim;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * A {@link ChaincodeStub} that simulates one transaction against committed state, as a Fabric peer
 * endorses it: reads come from committed state only (a transaction never sees its own writes),
 * every read is recorded with its version, and writes are collected for the ordering and validation
 * steps instead of being applied.
 */
public final class SimulatedStub implements ChaincodeStub {

    /** Fabric's bounds for simple-key range queries: they never include composite keys. */
    private static final String UNSPECIFIED_START_KEY = "\u0001";

    private final TxProposal proposal;
    private final StateView state;
    private final ReadWriteSet rwSet = new ReadWriteSet();
    private final List<RecordingRangeIterator> iterators = new ArrayList<>();
    private ChaincodeEvent event;
    private boolean paginatedQueryUsed;
    private int leakedIterators;

    public SimulatedStub(TxProposal proposal, StateView state) {
        this.proposal = Objects.requireNonNull(proposal);
        this.state = Objects.requireNonNull(state);
    }

    /**
     * Ends the simulation: closes any range iterator the chaincode left open (so its reads still
     * count for validation) and returns the read/write set.
     */
    public ReadWriteSet complete() {
        for (RecordingRangeIterator iterator : iterators) {
            if (!iterator.isClosed()) {
                leakedIterators++;
                iterator.close();
            }
        }
        iterators.clear();
        return rwSet;
    }

    /** How many iterators the chaincode failed to close; chaincode must close every one. */
    public int leakedIterators() {
        return leakedIterators;
    }

    /** The chaincode event set by the transaction, or null. */
    @Override
    public ChaincodeEvent getEvent() {
        return event;
    }

    /** Fabric refuses paginated queries in transactions that also write. */
    public boolean paginatedQueryUsed() {
        return paginatedQueryUsed;
    }

    @Override
    public List<byte[]> getArgs() {
        return proposal.args();
    }

    @Override
    public List<String> getStringArgs() {
        List<String> strings = new ArrayList<>(proposal.args().size());
        for (byte[] arg : proposal.args()) {
            strings.add(new String(arg, StandardCharsets.UTF_8));
        }
        return strings;
    }

    @Override
    public String getFunction() {
        List<String> args = getStringArgs();
        return args.isEmpty() ? null : args.get(0);
    }

    @Override
    public List<String> getParameters() {
        List<String> args = getStringArgs();
        return args.isEmpty() ? List.of() : args.subList(1, args.size());
    }

    @Override
    public String getTxId() {
        return proposal.txId();
    }

    @Override
    public String getChannelId() {
        return proposal.channelId();
    }

    @Override
    public Instant getTxTimestamp() {
        return proposal.timestamp();
    }

    @Override
    public byte[] getCreator() {
        return proposal.creator().clone();
    }

    @Override
    public String getMspId() {
        return "EmbeddedPeerMSP";
    }

    @Override
    public byte[] getState(String key) {
        requireKey(key);
        VersionedValue value = state.get(key);
        rwSet.recordRead(key, value == null ? null : value.version());
        return value == null ? new byte[0] : value.value().clone();
    }

    @Override
    public void putState(String key, byte[] value) {
        requireKey(key);
        Objects.requireNonNull(value, "value");
        rwSet.recordWrite(new Write(key, value.clone()));
    }

    @Override
    public void delState(String key) {
        requireKey(key);
        rwSet.recordWrite(new Write(key, null));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByRange(String startKey, String endKey) {
        String start = startKey == null || startKey.isEmpty() ? UNSPECIFIED_START_KEY : startKey;
        String end = endKey == null ? "" : endKey;
        CompositeKey.validateSimpleKeys(start, end);
        return track(new RecordingRangeIterator(state, rwSet, start, end, Integer.MAX_VALUE));
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(
            String startKey, String endKey, int pageSize, String bookmark) {
        String start = startKey == null || startKey.isEmpty() ? UNSPECIFIED_START_KEY : startKey;
        CompositeKey.validateSimpleKeys(start, endKey == null ? "" : endKey);
        return paginated(start, endKey == null ? "" : endKey, pageSize, bookmark);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String compositeKey) {
        String prefix = compositeKey == null || compositeKey.isEmpty() ? UNSPECIFIED_START_KEY : compositeKey;
        return track(
                new RecordingRangeIterator(state, rwSet, prefix, prefix + Keys.MAX_UNICODE_RUNE, Integer.MAX_VALUE));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String objectType, String... attributes) {
        return getStateByPartialCompositeKey(new CompositeKey(objectType, attributes));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(CompositeKey compositeKey) {
        return getStateByPartialCompositeKey(compositeKey.toString());
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
            CompositeKey compositeKey, int pageSize, String bookmark) {
        String prefix = compositeKey.toString();
        return paginated(prefix, prefix + Keys.MAX_UNICODE_RUNE, pageSize, bookmark);
    }

    private QueryResultsIteratorWithMetadata<KeyValue> paginated(
            String start, String end, int pageSize, String bookmark) {
        if (pageSize <= 0) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
        paginatedQueryUsed = true;
        String from = bookmark == null || bookmark.isEmpty() ? start : bookmark;
        if (!Keys.inRange(from, start, end)) {
            from = start;
        }
        return track(new RecordingRangeIterator(state, rwSet, from, end, pageSize));
    }

    private RecordingRangeIterator track(RecordingRangeIterator iterator) {
        iterators.add(iterator);
        return iterator;
    }

    @Override
    public CompositeKey createCompositeKey(String objectType, String... attributes) {
        return new CompositeKey(objectType, attributes);
    }

    @Override
    public CompositeKey splitCompositeKey(String compositeKey) {
        return CompositeKey.parseCompositeKey(compositeKey);
    }

    @Override
    public QueryResultsIterator<KeyModification> getHistoryForKey(String key) {
        requireKey(key);
        CloseableIterator<KeyModification> history = state.history(key);
        return new QueryResultsIterator<>() {
            @Override
            public java.util.Iterator<KeyModification> iterator() {
                return history;
            }

            @Override
            public void close() {
                history.close();
            }
        };
    }

    @Override
    public void setEvent(String name, byte[] payload) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("event name can not be empty");
        }
        event = ChaincodeEvent.newBuilder()
                .setEventName(name)
                .setPayload(ByteString.copyFrom(payload == null ? new byte[0] : payload))
                .setTxId(proposal.txId())
                .setChaincodeId(proposal.chaincodeName())
                .build();
    }

    @Override
    public Map<String, byte[]> getTransient() {
        return proposal.transientData();
    }

    @Override
    public byte[] getBinding() {
        return new byte[0];
    }

    @Override
    public SignedProposal getSignedProposal() {
        throw unsupported("signed proposals");
    }

    @Override
    public byte[] getStateValidationParameter(String key) {
        throw unsupported("state-based endorsement");
    }

    @Override
    public void setStateValidationParameter(String key, byte[] value) {
        throw unsupported("state-based endorsement");
    }

    @Override
    public Chaincode.Response invokeChaincode(String chaincodeName, List<byte[]> args, String channel) {
        throw unsupported("chaincode-to-chaincode calls");
    }

    @Override
    public QueryResultsIterator<KeyValue> getQueryResult(String query) {
        throw unsupported("rich queries (LevelDB has none)");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(
            String query, int pageSize, String bookmark) {
        throw unsupported("rich queries (LevelDB has none)");
    }

    /**
     * The committed private value, read as a member peer reads it: only a value whose hash matches
     * the committed hash is returned, and a node that lacks it fails, as a peer missing the data does.
     */
    @Override
    public byte[] getPrivateData(String collection, String key) {
        byte[] hash = getPrivateDataHash(collection, key);
        if (hash.length == 0) {
            return new byte[0];
        }
        byte[] value = state.privateValue(collection, key, hash);
        // A value altered in the private store no longer matches the hash the block committed.
        if (value == null || !MessageDigest.isEqual(PrivateKeys.sha256(value), hash)) {
            throw new IllegalStateException("private data matching public hash version is not available");
        }
        return value.clone();
    }

    /** The committed hash of a private value: what every node holds, member or not. */
    @Override
    public byte[] getPrivateDataHash(String collection, String key) {
        requireCollection(collection);
        requireKey(key);
        String hashKey = PrivateKeys.hashKey(collection, key);
        VersionedValue value = state.get(hashKey);
        rwSet.recordRead(hashKey, value == null ? null : value.version());
        return value == null ? new byte[0] : value.value().clone();
    }

    @Override
    public byte[] getPrivateDataValidationParameter(String collection, String key) {
        throw unsupported("key-level endorsement of private data");
    }

    @Override
    public void putPrivateData(String collection, String key, byte[] value) {
        requireCollection(collection);
        requireKey(key);
        Objects.requireNonNull(value, "value");
        if (value.length == 0) {
            throw new IllegalArgumentException("private data value must not be empty");
        }
        rwSet.recordPrivateWrite(new PrivateWrite(collection, key, value.clone()));
    }

    @Override
    public void setPrivateDataValidationParameter(String collection, String key, byte[] value) {
        throw unsupported("key-level endorsement of private data");
    }

    @Override
    public void delPrivateData(String collection, String key) {
        requireCollection(collection);
        requireKey(key);
        rwSet.recordPrivateWrite(new PrivateWrite(collection, key, null));
    }

    @Override
    public void purgePrivateData(String collection, String key) {
        throw unsupported("purging private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByRange(String collection, String startKey, String endKey) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String collection, String compositeKey) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            String collection, CompositeKey compositeKey) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            String collection, String objectType, String... attributes) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(String collection, String query) {
        throw unsupported("private data");
    }

    private static void requireCollection(String collection) {
        if (collection == null || !collection.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("invalid collection name " + collection);
        }
    }

    private static void requireKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        if (PrivateKeys.isReserved(key)) {
            throw new IllegalArgumentException("key is reserved for private data hashes");
        }
    }

    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("the embedded ledger does not support " + what);
    }
}
