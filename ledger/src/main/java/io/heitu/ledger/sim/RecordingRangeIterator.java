package io.heitu.ledger.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * A range scan that records what the chaincode consumed, so that validation can re-run the scan on
 * the state at commit time and reject the transaction if a key appeared, vanished or changed.
 */
final class RecordingRangeIterator
        implements QueryResultsIterator<KeyValue>, QueryResultsIteratorWithMetadata<KeyValue>, Iterator<KeyValue> {

    private final CloseableIterator<StateEntry> cursor;
    private final ReadWriteSet rwSet;
    private final String start;
    private final String end;
    private final int limit;
    private final List<RangeRead.KeyVersion> seen = new ArrayList<>();
    private boolean closed;

    RecordingRangeIterator(StateView state, ReadWriteSet rwSet, String start, String end, int limit) {
        this.cursor = state.range(start, end);
        this.rwSet = rwSet;
        this.start = start;
        this.end = end;
        this.limit = limit;
    }

    @Override
    public Iterator<KeyValue> iterator() {
        return this;
    }

    @Override
    public boolean hasNext() {
        return !closed && seen.size() < limit && cursor.hasNext();
    }

    @Override
    public KeyValue next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        StateEntry entry = cursor.next();
        seen.add(new RangeRead.KeyVersion(entry.key(), entry.value().version()));
        return new Entry(entry.key(), entry.value().value().clone());
    }

    /** The bookmark is the next key after this page, or empty when the range is exhausted. */
    @Override
    public QueryResponseMetadata getMetadata() {
        String bookmark = seen.size() >= limit && cursor.hasNext() ? peekNextKey() : "";
        return QueryResponseMetadata.newBuilder()
                .setFetchedRecordsCount(seen.size())
                .setBookmark(bookmark)
                .build();
    }

    private String peekNextKey() {
        StateEntry next = cursor.next();
        seen.add(new RangeRead.KeyVersion(next.key(), next.value().version()));
        return next.key();
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean exhausted = !cursor.hasNext();
        cursor.close();
        rwSet.recordRangeRead(new RangeRead(start, end, seen, exhausted));
    }

    private record Entry(String key, byte[] value) implements KeyValue {
        @Override
        public String getKey() {
            return key;
        }

        @Override
        public byte[] getValue() {
            return value;
        }

        @Override
        public String getStringValue() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }
}
