package io.heitu.service.trace;

import io.heitu.identity.Enrollment;
import io.heitu.service.epcis.EventFeed;
import io.heitu.service.graph.GraphLineages;
import io.heitu.service.identity.CurrentUser;
import io.heitu.service.ledger.wire.LineageGraph;
import io.heitu.service.ledger.wire.LotState;
import io.heitu.service.problem.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Traces for people and regulators: the lineage as a picture, recall reports as spreadsheets, NY/T 4712 batches. */
@RestController
@RequestMapping("/api/lots/{gtin}/{lotCode}")
@Tag(name = "Traces", description = "Lineage pictures, FSMA 204 recall reports, NY/T 4712 exports")
class TraceController {

    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** The block an answer reflects at least, as the lineage graph's answers name it. */
    static final String HEIGHT = "X-Ledger-Height";

    private final Lineages lineages;
    private final RecallReports reports;
    private final GraphLineages graph;
    private final EventFeed events;
    private final CurrentUser user;
    private final JsonMapper json;

    TraceController(
            Lineages lineages,
            RecallReports reports,
            GraphLineages graph,
            EventFeed events,
            CurrentUser user,
            JsonMapper json) {
        this.lineages = lineages;
        this.reports = reports;
        this.graph = graph;
        this.events = events;
        this.user = user;
        this.json = json;
    }

    @Operation(summary = "The lineage as an SVG picture: backward (sources) or forward (destinations)")
    @GetMapping("/lineage.svg")
    ResponseEntity<String> lineageSvg(
            @PathVariable String gtin,
            @PathVariable String lotCode,
            @RequestParam(defaultValue = "backward") String direction,
            @RequestParam(required = false) Integer maxDepth,
            @RequestParam(required = false) Long minHeight) {
        long height = reflected(minHeight, false);
        Enrollment reader = user.enrollment();
        LineageGraph lineage = lineages.lineage(reader, gtin, lotCode, direction, maxDepth);
        return ResponseEntity.ok()
                .contentType(SVG)
                .header(HEIGHT, Long.toString(height))
                .body(LineageSvg.draw(lineage, lineages.names(reader)));
    }

    @Operation(summary = "Recall report (FSMA 204 sortable spreadsheet) as CSV: affected lots, sources, events")
    @GetMapping("/recall-report.csv")
    ResponseEntity<byte[]> recallCsv(
            @PathVariable String gtin,
            @PathVariable String lotCode,
            @RequestParam(required = false) Integer days,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Long minHeight) {
        long height = reflected(minHeight, true);
        RecallReport report = report(gtin, lotCode, days, from, to);
        return file(RecallSheets.csv(report), CSV, "recall-" + gtin + "-" + lotCode + ".csv", height);
    }

    @Operation(summary = "Recall report (FSMA 204 sortable spreadsheet) as XLSX")
    @GetMapping("/recall-report.xlsx")
    ResponseEntity<byte[]> recallXlsx(
            @PathVariable String gtin,
            @PathVariable String lotCode,
            @RequestParam(required = false) Integer days,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Long minHeight) {
        long height = reflected(minHeight, true);
        RecallReport report = report(gtin, lotCode, days, from, to);
        return file(RecallSheets.xlsx(report), XLSX, "recall-" + gtin + "-" + lotCode + ".xlsx", height);
    }

    @Operation(summary = "Inbound and outbound batches of the lot's chain in the shape of NY/T 4712-2025")
    @GetMapping("/nyt4712.json")
    ResponseEntity<String> nyt4712(
            @PathVariable String gtin,
            @PathVariable String lotCode,
            @RequestParam(required = false) Integer days,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Long minHeight) {
        long height = reflected(minHeight, true);
        OffsetDateTime[] window = window(days, from, to);
        RecallReports.Trace trace = reports.trace(user.enrollment(), gtin, lotCode);
        List<String> lots = new ArrayList<>();
        // Lots the chaincode keeps from this reader (restricted) give no batches.
        trace.forward().nodes().stream()
                .filter(node -> node.status() != LotState.RESTRICTED)
                .forEach(node -> lots.add(node.lot()));
        trace.backward().nodes().stream()
                .filter(node -> node.status() != LotState.RESTRICTED)
                .forEach(node -> lots.add(node.lot()));
        var found = reports.events(lots, window[0], window[1]);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HEIGHT, Long.toString(height))
                .body(json.writeValueAsString(Nyt4712.export(json, trace, found)));
    }

    /**
     * The block an answer read after this will reflect at least, having waited briefly for {@code
     * minHeight} (a write's {@code X-Block-Number}) when asked. Lineage comes from the graph only
     * once it has reached the ledger's last block, else from the chaincode, so the ledger's last
     * block before reading is a floor for both; a report's events come from the EPCIS read model,
     * which may be a block or two behind.
     *
     * @throws ApiException {@code INVALID_ARGUMENT} for a block the ledger has not committed,
     *     {@code READ_MODEL_BEHIND} when a read model does not reach it within a few seconds
     */
    private long reflected(Long minHeight, boolean withEvents) {
        graph.awaitHeight(minHeight);
        if (withEvents && minHeight != null && !events.await(minHeight, GraphLineages.WAIT)) {
            throw new ApiException(
                    "READ_MODEL_BEHIND",
                    "the EPCIS read model holds block " + events.handled() + ", not yet block " + minHeight);
        }
        long last = graph.lastBlock();
        return withEvents ? Math.min(last, events.handled()) : last;
    }

    private RecallReport report(String gtin, String lotCode, Integer days, String from, String to) {
        OffsetDateTime[] window = window(days, from, to);
        return reports.report(user.enrollment(), gtin, lotCode, window[0], window[1]);
    }

    /** {@code from}/{@code to}, or the last {@code days} (30 unless told). */
    private static OffsetDateTime[] window(Integer days, String from, String to) {
        try {
            OffsetDateTime end = to == null
                    ? OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5)
                    : OffsetDateTime.parse(to.replace(' ', '+'));
            int span = days == null ? 30 : days;
            if (span < 1 || span > 3_650) {
                throw new ApiException("INVALID_ARGUMENT", "days must be between 1 and 3650");
            }
            OffsetDateTime start = from == null ? end.minusDays(span) : OffsetDateTime.parse(from.replace(' ', '+'));
            return new OffsetDateTime[] {start, end};
        } catch (DateTimeParseException e) {
            throw new ApiException("INVALID_TIME", "from and to are date-times with an offset");
        }
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name, long height) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HEIGHT, Long.toString(height))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
