package io.heitu.service.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A spreadsheet's rows as text, whether it came as CSV or as Excel (the first sheet). Date cells
 * become {@code yyyy-MM-dd HH:mm} and numbers lose Excel's formatting, so both files read alike.
 */
final class Sheets {

    /** More rows than one ledger batch takes are refused before reading them all. */
    static final int MAX_ROWS = 501;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Sheets() {}

    static List<List<String>> read(String filename, InputStream in) throws IOException {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        return name.endsWith(".xlsx") || name.endsWith(".xls") ? excel(in) : csv(in);
    }

    private static List<List<String>> csv(InputStream in) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null && rows.size() <= MAX_ROWS; line = lines.readLine()) {
            List<String> cells = new ArrayList<>();
            for (String cell : line.replace("\uFEFF", "").split(",", -1)) {
                cells.add(cell.replace("\"", "").strip());
            }
            rows.add(cells);
        }
        return rows;
    }

    private static List<List<String>> excel(InputStream in) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter text = new DataFormatter(Locale.ROOT);
        try (Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                if (rows.size() > MAX_ROWS) {
                    break;
                }
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null ? "" : value(cell, text));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private static String value(Cell cell, DataFormatter text) {
        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().format(WHEN);
        }
        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
            return java.math.BigDecimal.valueOf(cell.getNumericCellValue())
                    .stripTrailingZeros()
                    .toPlainString();
        }
        return text.formatCellValue(cell).strip();
    }
}
