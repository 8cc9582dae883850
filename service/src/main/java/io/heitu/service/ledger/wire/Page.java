package io.heitu.service.ledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list query and the bookmark for the next; the bookmark is empty on the last page.
 * Readers that need everything follow the bookmark until then.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Page<T>(List<T> items, String bookmark) {

    public Page {
        items = items == null ? List.of() : List.copyOf(items);
        bookmark = bookmark == null ? "" : bookmark;
    }

    /** Whether this is the last page: no bookmark, or fewer items than were asked for. */
    public boolean last(int pageSize) {
        return bookmark.isEmpty() || items.size() < pageSize;
    }

    /**
     * Every item of a paged query, page after page: {@code read} gets the bookmark ("" first) and
     * asks for pages of {@code pageSize}.
     */
    public static <T> List<T> all(int pageSize, Function<String, Page<T>> read) {
        List<T> all = new ArrayList<>();
        String bookmark = "";
        while (true) {
            Page<T> page = read.apply(bookmark);
            all.addAll(page.items());
            if (page.last(pageSize) || page.bookmark().equals(bookmark)) {
                return all;
            }
            bookmark = page.bookmark();
        }
    }
}
