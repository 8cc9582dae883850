package io.heitu.chaincode.core;

/** Paging of a list query: {@code {"pageSize":50,"bookmark":""}}, both optional. */
public record PageRequest(Integer pageSize, String bookmark) {

    public PageRequest {
        Page.size(pageSize);
        bookmark = Page.bookmark(bookmark);
    }
}
