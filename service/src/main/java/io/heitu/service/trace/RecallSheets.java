package io.heitu.service.trace;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

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
        // Streaming: a report of a hundred thousand events keeps a window of rows in memory, not all.
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            sheet(workbook, header, "Affected lots", report.affected());
            sheet(workbook, header, "Sources", report.sources());
            sheet(workbook, header, "Events", report.events());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            workbook.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sheet(SXSSFWorkbook workbook, CellStyle style, String name, List<RecallReport.Row> rows) {
        SXSSFSheet sheet = workbook.createSheet(name);
        SXSSFRow header = sheet.createRow(0);
        for (int i = 0; i < RecallReport.COLUMNS.size(); i++) {
            header.createCell(i).setCellValue(RecallReport.COLUMNS.get(i));
            header.getCell(i).setCellStyle(style);
        }
        // Every cell gets the workbook's default style object explicitly: a cell without one makes
        // POI build a new style object from the style table each time the row is written out.
        CellStyle plain = workbook.getCellStyleAt(0);
        int r = 1;
        for (RecallReport.Row row : rows) {
            SXSSFRow line = sheet.createRow(r++);
            List<Object> cells = row.cells();
            for (int i = 0; i < cells.size(); i++) {
                Object value = cells.get(i);
                if (value == null) {
                    continue;
                }
                SXSSFCell cell = line.createCell(i);
                cell.setCellStyle(plain);
                if (value instanceof Integer number) {
                    cell.setCellValue(number);
                } else if (value instanceof Boolean flag) {
                    cell.setCellValue(flag);
                } else if (i == 4
                        && value instanceof String text
                        && DECIMAL.matcher(text).matches()) {
                    cell.setCellValue(Double.parseDouble(text));
                } else {
                    cell.setCellValue(value.toString());
                }
            }
        }
        // Widths last: a column with a width has a column style, and POI looks it up for every new
        // cell, which made writing a hundred thousand rows a third slower.
        for (int i = 0; i < RecallReport.COLUMNS.size(); i++) {
            sheet.setColumnWidth(i, (i == 3 || i == 6 || i == 7 || i == 16 ? 40 : 18) * 256);
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, RecallReport.COLUMNS.size() - 1));
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
