package io.heitu.ledger.sim;

import java.util.Iterator;

/** An iterator over a store cursor that must be released. */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {

    @Override
    void close();
}
