package io.heitu.service.label;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** Die-cut A4 label sheets: labels tile the page edge to edge, as on common 70 × 37 mm stock. */
public enum LabelLayout {
    /** 24 labels of 70 × 37 mm: a 5 kg rice bag. */
    A4_3X8(3, 8),
    /** 40 labels of 52.5 × 29.7 mm: a single ginseng root's box. */
    A4_4X10(4, 10),
    /** 10 labels of 105 × 59.4 mm: cartons and display cases. */
    A4_2X5(2, 5);

    private final int columns;
    private final int rows;

    LabelLayout(int columns, int rows) {
        this.columns = columns;
        this.rows = rows;
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    public int perPage() {
        return columns * rows;
    }

    /** In PDF points (1/72 inch). */
    float labelWidth() {
        return PDRectangle.A4.getWidth() / columns;
    }

    float labelHeight() {
        return PDRectangle.A4.getHeight() / rows;
    }
}
