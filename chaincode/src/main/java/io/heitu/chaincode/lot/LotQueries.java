package io.heitu.chaincode.lot;

import io.heitu.chaincode.core.Page;
import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.epcis.LotRef;
import java.util.List;

/** Requests of the lot contract's queries. */
final class LotQueries {

    private LotQueries() {}

    record ByLot(String gtin, String lotCode) {
        ByLot {
            new LotRef(gtin, lotCode);
        }

        LotRef ref() {
            return new LotRef(gtin, lotCode);
        }
    }

    /** Up to {@link #MAX} lots by key, answered in the order asked. */
    record ManyLots(List<ByLot> lots) {
        static final int MAX = 200;

        ManyLots {
            if (lots == null || lots.isEmpty() || lots.size() > MAX) {
                throw Texts.invalid("lots must name between 1 and " + MAX + " lots");
            }
            for (ByLot lot : lots) {
                if (lot == null) {
                    throw Texts.invalid("lots must not hold null");
                }
            }
            lots = List.copyOf(lots);
        }
    }

    record LotEvents(String gtin, String lotCode, Integer pageSize, String bookmark) {
        LotEvents {
            new LotRef(gtin, lotCode);
            Page.size(pageSize);
            bookmark = Page.bookmark(bookmark);
        }

        LotRef ref() {
            return new LotRef(gtin, lotCode);
        }
    }

    record LineageQuery(
            String gtin, String lotCode, String direction, Integer maxDepth, Integer pageSize, Integer offset) {
        static final int MAX_PAGE = 10_000;

        LineageQuery {
            new LotRef(gtin, lotCode);
            direction = direction == null ? "backward" : direction;
            maxDepth = maxDepth == null ? 64 : maxDepth;
            pageSize = pageSize == null ? 1_000 : pageSize;
            offset = offset == null ? 0 : offset;
            if (maxDepth < 0 || maxDepth > 1_000) {
                throw Texts.invalid("maxDepth must be between 0 and 1000");
            }
            if (pageSize < 1 || pageSize > MAX_PAGE) {
                throw Texts.invalid("pageSize must be between 1 and " + MAX_PAGE);
            }
            // A traversal never visits more than MAX_LOTS lots, so no page starts beyond them; the
            // bound also keeps offset + pageSize from overflowing.
            if (offset < 0 || offset > Lineage.MAX_LOTS) {
                throw Texts.invalid("offset must be between 0 and " + Lineage.MAX_LOTS);
            }
        }

        LotRef ref() {
            return new LotRef(gtin, lotCode);
        }
    }

    record ListLots(String mspId, Boolean produced, Boolean asked, Integer pageSize, String bookmark) {
        ListLots {
            mspId = Texts.required("mspId", mspId, Texts.ID_MAX);
            produced = Boolean.TRUE.equals(produced);
            asked = Boolean.TRUE.equals(asked);
            if (produced && asked) {
                throw Texts.invalid("list the lots made or those asked to be inspected, not both");
            }
            Page.size(pageSize);
            bookmark = Page.bookmark(bookmark);
        }
    }

    /** One version of a lot from GetHistoryForKey. */
    record Version(String txId, String timestamp, boolean deleted, Lot lot) {}
}
