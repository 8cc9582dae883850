package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.support.Api;
import io.heitu.service.support.ServiceTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/**
 * Traces for people and regulators on the demo chain (paddy SL2026-0928 → dried → milled
 * MR-2026-1003 → 5 kg bags R5-2026-1005 at the supermarket): the lineage with holders as JSON and
 * as an SVG picture, the recall report as CSV and XLSX, the NY/T 4712 batches.
 */
class TraceIT extends ServiceTest {

    private static final String PADDY = "/api/lots/06901234500011/SL2026-0928";
    private static final String BAGS = "/api/lots/06901234500035/R5-2026-1005";
    private static final String ALL_TIME = "?from=2020-01-01T00:00:00Z";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void the_lineage_json_names_who_holds_how_much_of_every_lot() {
        JsonNode forward =
                api().get("regulator", PADDY + "/lineage?direction=forward").json();

        JsonNode bags = null;
        for (JsonNode node : forward.path("nodes")) {
            if (node.path("lotCode").asString().equals("R5-2026-1005")) {
                bags = node;
            }
        }
        assertThat(bags).isNotNull();
        assertThat(bags.path("holdings").toString()).contains("ChangchunMartMSP");
        assertThat(bags.path("depth").asInt()).isEqualTo(3);
    }

    @Test
    void the_lineage_picture_is_well_formed_svg_naming_every_lot_and_holder() throws Exception {
        HttpResponse<byte[]> backward = get("regulator", BAGS + "/lineage.svg?direction=backward");
        HttpResponse<byte[]> forward = get("regulator", PADDY + "/lineage.svg?direction=forward");

        assertThat(backward.statusCode()).isEqualTo(200);
        assertThat(backward.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        Document svg = xml(backward.body());
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        String text = new String(backward.body(), StandardCharsets.UTF_8);
        assertThat(text)
                .contains("R5-2026-1005", "MR-2026-1003", "SL2026-0928D", "SL2026-0928")
                .doesNotContain("<script");
        assertThat(svg.getElementsByTagName("path").getLength()).isGreaterThanOrEqualTo(3);
        String destinations = new String(forward.body(), StandardCharsets.UTF_8);
        xml(forward.body());
        assertThat(destinations).contains("R5-2026-1005", "长春欧亚超市");
    }

    @Test
    void the_recall_report_csv_lists_affected_lots_with_holders_sources_and_events() {
        HttpResponse<byte[]> response = get("regulator", PADDY + "/recall-report.csv" + ALL_TIME);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .contains("recall-");
        String csv = new String(response.body(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFFRecord,Traceability lot code,GTIN,Product description,Quantity");
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("affected,R5-2026-1005,06901234500035,")
                        .contains("ChangchunMartMSP")
                        .contains("holding"));
        assertThat(lines)
                .anySatisfy(line -> assertThat(line).startsWith("event,").contains("shipping"));
        assertThat(lines)
                .anySatisfy(line -> assertThat(line).startsWith("event,").contains("receiving"));
    }

    @Test
    void the_recall_report_lists_only_the_events_inside_its_window_oldest_first() {
        String before = new String(
                get("regulator", PADDY + "/recall-report.csv?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z")
                        .body(),
                StandardCharsets.UTF_8);
        List<String> all = new String(
                        get("regulator", PADDY + "/recall-report.csv" + ALL_TIME)
                                .body(),
                        StandardCharsets.UTF_8)
                .lines()
                .filter(line -> line.startsWith("event,"))
                .toList();

        assertThat(before.lines())
                .noneMatch(line -> line.startsWith("event,"))
                .anyMatch(line -> line.startsWith("affected,"));
        assertThat(all).hasSizeGreaterThan(3);
        // The date column is the first timestamp on a line; earlier columns hold none.
        java.util.regex.Pattern timestamp = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[^,\"]+");
        List<java.time.Instant> times = all.stream()
                .map(line -> timestamp
                        .matcher(line)
                        .results()
                        .findFirst()
                        .orElseThrow()
                        .group())
                .map(text -> java.time.OffsetDateTime.parse(text).toInstant())
                .toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.naturalOrder());
    }

    @Test
    void the_recall_report_xlsx_has_a_sortable_sheet_for_affected_lots_sources_and_events() throws IOException {
        HttpResponse<byte[]> response = get("regulator", BAGS + "/recall-report.xlsx" + ALL_TIME);

        assertThat(response.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Affected lots");
            Sheet sources = workbook.getSheet("Sources");
            Sheet events = workbook.getSheet("Events");
            assertThat(sources.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Traceability lot code");
            assertThat(column(sources, 1)).contains("MR-2026-1003", "SL2026-0928D", "SL2026-0928");
            assertThat(column(events, 9)).contains("shipping");
            assertThat(column(workbook.getSheet("Affected lots"), 6))
                    .anySatisfy(holder -> assertThat(holder).contains("ChangchunMartMSP"));
            assertThat(sources.getColumnWidth(6)).isEqualTo(40 * 256);
            assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) sources)
                            .getCTWorksheet()
                            .isSetAutoFilter())
                    .isTrue();
        }
    }

    @Test
    void the_nyt_4712_export_lists_inbound_and_outbound_batches_with_the_parties() {
        JsonNode export =
                api().get("regulator", PADDY + "/nyt4712.json" + ALL_TIME).json();

        assertThat(export.path("standard").asString()).isEqualTo("NY/T 4712-2025");
        assertThat(export.at("/product/batchNo").asString()).isEqualTo("SL2026-0928");
        List<String> directions = export.path("batches").findValuesAsString("direction");
        assertThat(directions).contains("outbound", "inbound");
        assertThat(export.path("batches").toString()).contains("ChangchunMartMSP");
    }

    @Test
    void a_report_asked_for_at_least_a_writes_block_includes_that_write_and_names_its_height() {
        String lotCode = "FRESH-"
                + java.util.UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8))
                .minusMinutes(5)
                .withNano(0)
                .toString();
        Api.Response harvest = api().post(
                        "farmer",
                        "/api/lots/harvests",
                        java.util.Map.of(
                                "gtin",
                                "06901234500011",
                                "lotCode",
                                lotCode,
                                "quantity",
                                java.util.Map.of("value", 500, "uom", "JIN"),
                                "plotId",
                                "SL-PLOT-07",
                                "eventTime",
                                now));
        assertThat(harvest.status()).as(harvest.body()).isEqualTo(201);
        long block =
                Long.parseLong(harvest.headers().firstValue("X-Block-Number").orElseThrow());
        String lot = "/api/lots/06901234500011/" + lotCode;

        for (String user : List.of("regulator", "farmer")) {
            HttpResponse<byte[]> csv = get(user, lot + "/recall-report.csv?minHeight=" + block);
            HttpResponse<byte[]> nyt = get(user, lot + "/nyt4712.json?minHeight=" + block);
            HttpResponse<byte[]> svg = get(user, lot + "/lineage.svg?minHeight=" + block);
            for (HttpResponse<byte[]> answer : List.of(csv, nyt, svg)) {
                assertThat(answer.statusCode())
                        .as(new String(answer.body(), StandardCharsets.UTF_8))
                        .isEqualTo(200);
                assertThat(Long.parseLong(
                                answer.headers().firstValue("X-Ledger-Height").orElseThrow()))
                        .as(user + " " + answer.uri())
                        .isGreaterThanOrEqualTo(block);
            }
            // The harvest's own event is in the report: the event store had reached its block.
            assertThat(new String(csv.body(), StandardCharsets.UTF_8))
                    .contains("\nevent," + lotCode + ",")
                    .contains("commissioning");
        }

        HttpResponse<byte[]> beyond = get("regulator", lot + "/recall-report.csv?minHeight=" + (block + 1_000_000));
        assertThat(beyond.statusCode()).isEqualTo(400);
        assertThat(new String(beyond.body(), StandardCharsets.UTF_8)).contains("INVALID_ARGUMENT");
    }

    @Test
    void a_lot_the_ledger_does_not_know_is_a_problem_not_a_picture() {
        Api.Response response = api().get("regulator", "/api/lots/06901234500011/NO-SUCH/lineage.svg");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("LOT_NOT_FOUND");
    }

    private static List<String> column(Sheet sheet, int index) {
        List<String> values = new ArrayList<>();
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && row.getCell(index) != null) {
                values.add(row.getCell(index).toString());
            }
        }
        return values;
    }

    private static Document xml(byte[] body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    private HttpResponse<byte[]> get(String user, String path) {
        String credentials =
                Base64.getEncoder().encodeToString((user + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
