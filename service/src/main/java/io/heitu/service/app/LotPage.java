package io.heitu.service.app;

import java.util.List;

/** A page of "my lots": its rows, the row it starts at (0-based), and how many lots there are in all. */
public record LotPage(List<LotRow> rows, int offset, int total) {

    public LotPage {
        rows = List.copyOf(rows);
    }

    public boolean hasPrevious() {
        return offset > 0;
    }

    public boolean hasNext() {
        return offset + MyLots.ROWS < total;
    }

    public int previous() {
        return Math.max(0, offset - MyLots.ROWS);
    }

    public int next() {
        return offset + MyLots.ROWS;
    }

    /** The number of the page's first row, 1-based, for "1–50 of 1,234". */
    public int first() {
        return offset + 1;
    }

    /** The number of the page's last row, 1-based. */
    public int last() {
        return offset + rows.size();
    }
}
