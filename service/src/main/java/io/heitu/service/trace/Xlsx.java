package io.heitu.service.trace;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A workbook of plain tables as SpreadsheetML (XLSX): sheets with a bold, frozen header row, column
 * widths and a filter, cells of text, numbers and truth values. Written straight into the zip,
 * every distinct text once in the shared strings: a report's hundred thousand rows repeat a few
 * lots, parties and places, so most cells are a number. POI's streaming writer spent about three
 * seconds of CPU on such a report, escaping and encoding every cell's text into a temporary file;
 * the library made for this (fastexcel) is not to be had here, and this is all the report needs.
 */
final class Xlsx {

    /** A sheet's content: its name, header, column widths (in characters) and rows of cells. */
    record Sheet(String name, List<String> header, int[] widths, List<? extends List<?>> rows) {}

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";

    private final Map<String, Integer> shared = new HashMap<>();
    private final List<String> strings = new ArrayList<>();
    private int references;

    private Xlsx() {}

    /** Cells are {@code String} (text), {@code Number} or {@code Boolean}; a null cell is left out. */
    static byte[] write(List<Sheet> sheets) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            // The fastest compression: the shared strings already took most of the repetition out.
            zip.setLevel(Deflater.BEST_SPEED);
            Writer out = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
            new Xlsx().write(sheets, zip, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private void write(List<Sheet> sheets, ZipOutputStream zip, Writer out) throws IOException {
        for (int i = 0; i < sheets.size(); i++) {
            part(zip, out, "xl/worksheets/sheet" + (i + 1) + ".xml");
            sheet(out, sheets.get(i));
        }
        part(zip, out, "xl/sharedStrings.xml");
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"" + MAIN + "\" count=\""
                + references + "\" uniqueCount=\"" + strings.size() + "\">");
        for (String text : strings) {
            out.write("<si><t xml:space=\"preserve\">");
            escaped(out, text);
            out.write("</t></si>");
        }
        out.write("</sst>");
        part(zip, out, "xl/styles.xml");
        out.write(STYLES);
        part(zip, out, "xl/workbook.xml");
        workbook(out, sheets);
        part(zip, out, "xl/_rels/workbook.xml.rels");
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\""
                + PACKAGE_RELATIONSHIPS + "\">");
        for (int i = 1; i <= sheets.size(); i++) {
            out.write("<Relationship Id=\"rId" + i + "\" Type=\"" + RELATIONSHIPS
                    + "/worksheet\" Target=\"worksheets/sheet" + i + ".xml\"/>");
        }
        out.write("<Relationship Id=\"rIdStyles\" Type=\"" + RELATIONSHIPS + "/styles\" Target=\"styles.xml\"/>"
                + "<Relationship Id=\"rIdStrings\" Type=\"" + RELATIONSHIPS
                + "/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
        part(zip, out, "_rels/.rels");
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\""
                + PACKAGE_RELATIONSHIPS + "\"><Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS
                + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        part(zip, out, "[Content_Types].xml");
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                + ".spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                + ".spreadsheetml.styles+xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                + ".spreadsheetml.sharedStrings+xml\"/>");
        for (int i = 1; i <= sheets.size(); i++) {
            out.write("<Override PartName=\"/xl/worksheets/sheet" + i + ".xml\" ContentType=\"application/vnd"
                    + ".openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        out.write("</Types>");
        out.flush();
        zip.closeEntry();
    }

    /** Ends the part being written and starts the next. */
    private static void part(ZipOutputStream zip, Writer out, String name) throws IOException {
        out.flush();
        zip.putNextEntry(new ZipEntry(name));
    }

    private void sheet(Writer out, Sheet sheet) throws IOException {
        int columns = sheet.header().size();
        String lastCell = column(columns - 1) + (sheet.rows().size() + 1);
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN
                + "\" xmlns:r=\"" + RELATIONSHIPS + "\"><dimension ref=\"A1:" + lastCell + "\"/>"
                + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\""
                + " activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
                + "<sheetFormatPr defaultRowHeight=\"15\"/><cols>");
        for (int i = 0; i < columns; i++) {
            out.write("<col min=\"" + (i + 1) + "\" max=\"" + (i + 1) + "\" width=\"" + sheet.widths()[i]
                    + "\" customWidth=\"1\"/>");
        }
        out.write("</cols><sheetData>");
        String[] letters = new String[columns];
        for (int i = 0; i < columns; i++) {
            letters[i] = column(i);
        }
        row(out, letters, 1, sheet.header(), "1");
        int r = 2;
        for (List<?> row : sheet.rows()) {
            row(out, letters, r++, row, null);
        }
        out.write("</sheetData><autoFilter ref=\"A1:" + lastCell + "\"/></worksheet>");
    }

    private void row(Writer out, String[] letters, int r, List<?> cells, String style) throws IOException {
        String number = Integer.toString(r);
        out.write("<row r=\"");
        out.write(number);
        out.write("\">");
        for (int i = 0; i < cells.size(); i++) {
            Object value = cells.get(i);
            if (value == null) {
                continue;
            }
            out.write("<c r=\"");
            out.write(letters[i]);
            out.write(number);
            out.write(style == null ? "\"" : "\" s=\"" + style + "\"");
            if (value instanceof Boolean flag) {
                out.write(flag ? " t=\"b\"><v>1</v></c>" : " t=\"b\"><v>0</v></c>");
            } else if (value instanceof Number amount) {
                out.write("><v>");
                out.write(amount.toString());
                out.write("</v></c>");
            } else {
                out.write(" t=\"s\"><v>");
                out.write(Integer.toString(shared(value.toString())));
                out.write("</v></c>");
            }
        }
        out.write("</row>");
    }

    private int shared(String text) {
        references++;
        Integer index = shared.get(text);
        if (index == null) {
            index = strings.size();
            shared.put(text, index);
            strings.add(text);
        }
        return index;
    }

    private static void workbook(Writer out, List<Sheet> sheets) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"" + MAIN
                + "\" xmlns:r=\"" + RELATIONSHIPS + "\"><sheets>");
        for (int i = 0; i < sheets.size(); i++) {
            out.write("<sheet name=\"");
            escaped(out, sheets.get(i).name());
            out.write("\" sheetId=\"" + (i + 1) + "\" r:id=\"rId" + (i + 1) + "\"/>");
        }
        out.write("</sheets><definedNames>");
        // Excel keeps a sheet's filter range under this hidden name too.
        for (int i = 0; i < sheets.size(); i++) {
            Sheet sheet = sheets.get(i);
            out.write("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"" + i + "\" hidden=\"1\">");
            escaped(
                    out,
                    "'" + sheet.name().replace("'", "''") + "'!$A$1:$"
                            + column(sheet.header().size() - 1) + "$"
                            + (sheet.rows().size() + 1));
            out.write("</definedName>");
        }
        out.write("</definedNames></workbook>");
    }

    /** Style 0 is the default; style 1 the header's bold font. */
    private static final String STYLES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<styleSheet xmlns=\"" + MAIN + "\">"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
            + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
            + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>";

    /** The column's letters: A … Z, AA … */
    static String column(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }

    /**
     * XML text: markup characters escaped, and characters XML 1.0 cannot hold (control characters,
     * lone surrogates) as a question mark, as POI wrote them.
     */
    private static void escaped(Writer out, String text) throws IOException {
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement;
            if (c == '<') {
                replacement = "&lt;";
            } else if (c == '>') {
                replacement = "&gt;";
            } else if (c == '&') {
                replacement = "&amp;";
            } else if (c == '"') {
                replacement = "&quot;";
            } else if (c == '\r') {
                replacement = "&#13;"; // a parser would read a bare one as a line feed
            } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
                replacement = "?";
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            } else if (Character.isSurrogate(c)) {
                replacement = "?";
            } else {
                continue;
            }
            out.write(text, start, i - start);
            out.write(replacement);
            start = i + 1;
        }
        out.write(text, start, text.length() - start);
    }
}
