package io.heitu.ledger.embedded.state;

import io.heitu.ledger.sim.CloseableIterator;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * A forward scan over {@code [from, to)} of a RocksDB iterator; closing it frees the native cursor
 * and the native read options it was made with, if it owns them.
 */
final class RocksCursor<T> implements CloseableIterator<T> {

    private final RocksIterator iterator;
    private final byte[] to;
    private final BiFunction<byte[], byte[], T> decode;
    private final AutoCloseable[] owned;
    private boolean closed;

    RocksCursor(
            RocksIterator iterator,
            byte[] from,
            byte[] to,
            BiFunction<byte[], byte[], T> decode,
            AutoCloseable... owned) {
        this.iterator = iterator;
        this.to = to;
        this.decode = decode;
        this.owned = owned;
        iterator.seek(from);
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        if (!iterator.isValid()) {
            checkStatus();
            return false;
        }
        return Arrays.compareUnsigned(iterator.key(), to) < 0;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T value = decode.apply(iterator.key(), iterator.value());
        iterator.next();
        return value;
    }

    private void checkStatus() {
        try {
            iterator.status();
        } catch (RocksDBException e) {
            throw new IllegalStateException("state store read failed", e);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            iterator.close();
            for (AutoCloseable resource : owned) {
                try {
                    resource.close();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot free a native read resource", e);
                }
            }
        }
    }
}
