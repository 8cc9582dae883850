package io.heitu.chaincode.core;

import java.util.List;

/** A page of results and the bookmark for the next one (empty when this is the last page). */
public record Page<T>(List<T> items, String bookmark) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public Page {
        items = List.copyOf(items);
        bookmark = bookmark == null ? "" : bookmark;
    }

    /** Longest bookmark taken back: a composite key of this ledger is far shorter. */
    public static final int MAX_BOOKMARK = 1024;

    /**
     * A bookmark from a request: the key a previous page ended before, as the ledger gave it. It
     * holds the composite key separator U+0000, so it is not checked as text; {@link Tx#page} checks
     * that it continues the same query.
     */
    public static String bookmark(String requested) {
        if (requested != null && requested.length() > MAX_BOOKMARK) {
            throw Texts.invalid("bookmark is longer than " + MAX_BOOKMARK + " characters");
        }
        return requested == null ? "" : requested;
    }

    /** A page size from a request: default when absent, refused when out of bounds. */
    public static int size(Integer requested) {
        if (requested == null) {
            return DEFAULT_SIZE;
        }
        if (requested < 1 || requested > MAX_SIZE) {
            throw Texts.invalid("pageSize must be between 1 and " + MAX_SIZE);
        }
        return requested;
    }
}
