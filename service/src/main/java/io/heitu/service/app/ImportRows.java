package io.heitu.service.app;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Spreadsheet rows as the entries of one {@code event:Batch}. The header names the columns
 * {@code action} (ship, receive, sell, or 发货, 收货, 销售), {@code gtin}, {@code lot},
 * {@code quantity}, {@code uom} (KGM, JIN or H87; kg, 斤 or 件), {@code party} (the receiving
 * organisation of a shipment, the sender of a receipt) and {@code time}. Each row is checked here
 * first; the chaincode then checks the whole batch in a dry run.
 */
final class ImportRows {

    private static final Map<String, String> ACTIONS =
            Map.of("ship", "ship", "发货", "ship", "receive", "receive", "收货", "receive", "sell", "sell", "销售", "sell");
    private static final Map<String, String> UNITS =
            Map.of("kgm", "KGM", "kg", "KGM", "公斤", "KGM", "jin", "JIN", "斤", "JIN", "h87", "H87", "件", "H87");

    /** The batch request and the rows' problems; the request is only meant to be sent when there are none. */
    record Result(ObjectNode batch, int entries, List<RowError> errors) {}

    private ImportRows() {}

    static Result of(List<List<String>> rows, JsonMapper json) {
        ObjectNode batch = json.createObjectNode();
        ArrayNode entries = batch.putArray("entries");
        List<RowError> errors = new ArrayList<>();
        if (rows.isEmpty()) {
            errors.add(new RowError(1, "import.error.header"));
            return new Result(batch, 0, errors);
        }
        List<String> header =
                rows.get(0).stream().map(cell -> cell.toLowerCase(Locale.ROOT)).toList();
        if (!header.containsAll(List.of("action", "gtin", "lot", "quantity", "uom", "time"))) {
            errors.add(new RowError(1, "import.error.header"));
            return new Result(batch, 0, errors);
        }
        if (rows.size() > Sheets.MAX_ROWS) {
            errors.add(new RowError(Sheets.MAX_ROWS + 1, "import.error.tooMany"));
            return new Result(batch, 0, errors);
        }
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            String error = entry(entries, header, row, i + 1, json);
            if (error != null) {
                errors.add(new RowError(i + 1, error));
            }
        }
        if (entries.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(rows.size(), "import.error.empty"));
        }
        return new Result(batch, entries.size(), errors);
    }

    /**
     * Adds the row's entry; the message key of its first problem otherwise. The entry carries its
     * row number as its line: two rows with equal fields (two sales of one bag in the same minute)
     * are two events, and uploading the same sheet again records nothing twice.
     */
    private static String entry(
            ArrayNode entries, List<String> header, List<String> row, int rowNumber, JsonMapper json) {
        String action = ACTIONS.get(cell(header, row, "action").toLowerCase(Locale.ROOT));
        if (action == null) {
            return "import.error.action";
        }
        LotKey lot = LotKey.parse(cell(header, row, "gtin") + " " + cell(header, row, "lot"))
                .orElse(null);
        if (lot == null) {
            return "form.error.lot";
        }
        FormErrors checks = new FormErrors();
        BigDecimal quantity = checks.positive("quantity", cell(header, row, "quantity"));
        String uom = UNITS.get(cell(header, row, "uom").toLowerCase(Locale.ROOT));
        String time = checks.time("time", cell(header, row, "time").replace(' ', 'T'));
        String party = FormErrors.optional(cell(header, row, "party"));
        if (quantity == null) {
            return checks.asMap().get("quantity");
        }
        if (uom == null) {
            return "import.error.uom";
        }
        if (time == null) {
            return checks.asMap().get("time");
        }
        if (action.equals("ship") && party == null) {
            return "import.error.party";
        }
        ObjectNode request = json.createObjectNode();
        ObjectNode line =
                request.putArray("lots").addObject().put("gtin", lot.gtin()).put("lotCode", lot.lotCode());
        line.putObject("quantity").put("value", quantity).put("uom", uom);
        if (party != null && !action.equals("sell")) {
            request.put(action.equals("ship") ? "toMsp" : "fromMsp", party);
        }
        request.put("eventTime", time);
        request.put("line", rowNumber);
        entries.addObject().put("action", action).set("request", request);
        return null;
    }

    private static String cell(List<String> header, List<String> row, String column) {
        int index = header.indexOf(column);
        return index < 0 || index >= row.size() || row.get(index) == null
                ? ""
                : row.get(index).strip();
    }
}
