package io.heitu.service.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A recall report's spreadsheets read back: typed cells, missing values left empty, formulas defused. */
class RecallSheetsTest {

    private static final RecallReport REPORT = new RecallReport(
            "https://id.gs1.org/01/06901234500011/10/SL-1",
            OffsetDateTime.parse("2026-11-01T00:00:00Z"),
            OffsetDateTime.parse("2026-12-01T00:00:00Z"),
            List.of(row("affected", "1300.5", 1, true)),
            List.of(row("source", "=cmd|' /C calc'!A0", 2, null)),
            List.of(row("event", "-12", 0, false)));

    @Test
    void xlsx_has_a_sheet_each_with_numbers_as_numbers_and_absent_values_as_no_cell() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(RecallSheets.xlsx(REPORT)))) {
            Sheet affected = book.getSheet("Affected lots");
            Row header = affected.getRow(0);
            Row line = affected.getRow(1);

            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Record");
            assertThat(book.getFontAt(header.getCell(0).getCellStyle().getFontIndex())
                            .getBold())
                    .isTrue();
            assertThat(line.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(line.getCell(4).getNumericCellValue()).isEqualTo(1300.5);
            assertThat(line.getCell(14).getNumericCellValue()).isEqualTo(1);
            assertThat(line.getCell(15).getBooleanCellValue()).isTrue();
            assertThat(line.getCell(10)).as("no reference document").isNull();
            assertThat(line.getCell(1).getCellStyle().getIndex()).isZero();
            assertThat(book.getSheet("Sources").getRow(1).getCell(4).getCellType())
                    .isEqualTo(CellType.STRING);
            assertThat(book.getSheet("Events").getRow(1).getCell(4).getNumericCellValue())
                    .isEqualTo(-12);
        }
    }

    @Test
    void xlsx_keeps_any_text_a_partner_sends_and_shares_repeated_texts() throws Exception {
        String awkward = " 舒兰 <rice> & \"bags\" \uD83C\uDF3E\r\nline two\t ";
        RecallReport report = new RecallReport(
                "lot",
                OffsetDateTime.parse("2026-11-01T00:00:00Z"),
                OffsetDateTime.parse("2026-12-01T00:00:00Z"),
                List.of(row(awkward, "1", 0, true), row("ctrl\u0001char", "2", 0, true)),
                List.of(),
                List.of(row(awkward, "3", 0, false)));

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(RecallSheets.xlsx(report)))) {
            Sheet affected = book.getSheet("Affected lots");
            assertThat(affected.getRow(1).getCell(0).getStringCellValue()).isEqualTo(awkward);
            assertThat(affected.getRow(2).getCell(0).getStringCellValue())
                    .as("a character XML cannot hold, as POI wrote it")
                    .isEqualTo("ctrl?char");
            assertThat(book.getSheet("Events").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo(awkward);
            assertThat(book.getSheet("Sources").getLastRowNum()).isZero();
            assertThat(book.getSharedStringSource().getUniqueCount())
                    .as("each distinct text once")
                    .isLessThan(book.getSharedStringSource().getCount());
        }
    }

    @Test
    void csv_quotes_and_defuses_what_a_spreadsheet_would_run() {
        String csv = new String(RecallSheets.csv(REPORT), StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\uFEFFRecord,");
        assertThat(csv).contains(",1300.5,KGM,");
        assertThat(csv).contains(",'=cmd|' /C calc'!A0,");
        assertThat(csv).contains(",-12,KGM,");
    }

    private static RecallReport.Row row(String record, String quantity, int depth, Boolean verified) {
        return new RecallReport.Row(
                record,
                "SL-1",
                "06901234500011",
                "舒兰大米 5 kg",
                quantity,
                "KGM",
                "舒兰合作社",
                "",
                "2026-11-02T08:00:00+08:00",
                "shipping",
                null,
                null,
                "舒兰合作社",
                "active",
                depth,
                verified,
                null);
    }
}
