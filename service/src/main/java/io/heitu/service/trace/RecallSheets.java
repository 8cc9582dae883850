package io.heitu.service.trace;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A recall report as an electronic sortable spreadsheet: CSV (one table, a record column telling
 * affected lots, sources and events apart; UTF-8 with a byte order mark so that spreadsheet programs
 * read the Chinese names) or XLSX (a sheet for each, with filters on the header row).
 */
final class RecallSheets {

    /** A plain decimal: a quantity cell is a number, and such text is no formula. Compiled once, not per cell. */
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");

    private RecallSheets() {}

    static byte[] csv(RecallReport report) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, RecallReport.COLUMNS.stream().map(Object.class::cast).toList());
        for (RecallReport.Row row : report.all()) {
            line(out, row.cells());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(RecallReport report) {
        return Xlsx.write(List.of(
                sheet("Affected lots", report.affected()),
                sheet("Sources", report.sources()),
                sheet("Events", report.events())));
    }

    private static final int[] WIDTHS = widths();

    private static int[] widths() {
        int[] widths = new int[RecallReport.COLUMNS.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = i == 3 || i == 6 || i == 7 || i == 16 ? 40 : 18;
        }
        return widths;
    }

    private static Xlsx.Sheet sheet(String name, List<RecallReport.Row> rows) {
        List<List<Object>> cells = new ArrayList<>(rows.size());
        for (RecallReport.Row row : rows) {
            List<Object> line = row.cells();
            // A plain decimal quantity is a number; other text (and a formula) stays text.
            if (line.get(4) instanceof String text && DECIMAL.matcher(text).matches()) {
                line.set(4, Double.parseDouble(text));
            }
            cells.add(line);
        }
        return new Xlsx.Sheet(name, RecallReport.COLUMNS, WIDTHS, cells);
    }

    private static void line(StringBuilder out, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object value = cells.get(i);
            out.append(quote(value == null ? "" : value.toString()));
        }
        out.append("\r\n");
    }

    /**
     * RFC 4180 quoting, and a leading apostrophe for text a spreadsheet would run as a formula: the
     * names in a report come from many organisations.
     */
    static String quote(String value) {
        String text = !value.isEmpty()
                        && "=+-@".indexOf(value.charAt(0)) >= 0
                        && !DECIMAL.matcher(value).matches()
                ? "'" + value
                : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
