package io.heitu.service.graph;

import io.heitu.service.identity.CurrentUser;
import io.heitu.service.problem.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The lineage graph read model: lineage pages in milliseconds, its state, and a rebuild from block 0. */
@RestController
@RequestMapping("/api/graph")
@Tag(name = "Lineage graph", description = "Lineage from the read model that follows the ledger")
class GraphController {

    static final String HEIGHT = "X-Ledger-Height";

    private final GraphLineages lineages;
    private final GraphFeed feed;
    private final CurrentUser user;
    private final JsonMapper json;

    GraphController(GraphLineages lineages, GraphFeed feed, CurrentUser user, JsonMapper json) {
        this.lineages = lineages;
        this.feed = feed;
        this.user = user;
        this.json = json;
    }

    @Operation(
            summary = "A page of the lineage (as lot:Lineage answers it, or in the compact shape) from the read model;"
                    + " X-Ledger-Height names the block it reflects, minHeight waits for a block")
    @GetMapping("/lots/{gtin}/{lotCode}/lineage")
    ResponseEntity<byte[]> lineage(
            @PathVariable String gtin,
            @PathVariable String lotCode,
            @RequestParam(defaultValue = "backward") String direction,
            @RequestParam(required = false) Integer maxDepth,
            @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Long minHeight,
            @Parameter(
                            description = "full: lot:Lineage's shape; compact: every lot URI and repeated word once,"
                                    + " the facts positionally (README, \"Lineage graph read model\")",
                            schema = @Schema(allowableValues = {"full", "compact"}))
                    @RequestParam(defaultValue = "full")
                    String shape) {
        requireReadsEverything();
        GraphLineages.Answer answer =
                lineages.page(gtin, lotCode, direction, maxDepth, pageSize, offset, minHeight, shape);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HEIGHT, Long.toString(answer.height()))
                .body(answer.json());
    }

    @Operation(
            summary = "The lots an organisation holds some of now, oldest first, with their standing, a page at a time")
    @GetMapping("/orgs/{mspId}/lots")
    ResponseEntity<String> heldBy(
            @PathVariable String mspId,
            @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Long minHeight) {
        if (!user.account().mspId().equals(mspId)) {
            requireReadsEverything();
        }
        int[] paging = paging(pageSize, offset);
        lineages.awaitHeight(minHeight);
        LotGraph graph = feed.graph();
        long height = graph.height();
        return lots(graph.heldBy(mspId, paging[1], paging[0]), height, paging);
    }

    @Operation(summary = "Lots carrying a hold or a recall of their own (the regulator's overview), a page at a time")
    @GetMapping("/holds")
    ResponseEntity<String> flagged(
            @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Long minHeight) {
        requireReadsEverything();
        int[] paging = paging(pageSize, offset);
        lineages.awaitHeight(minHeight);
        LotGraph graph = feed.graph();
        long height = graph.height();
        return lots(graph.flagged(paging[1], paging[0]), height, paging);
    }

    private ResponseEntity<String> lots(LotGraph.Lots lots, long height, int[] paging) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("height", height);
        body.put("total", lots.total());
        body.put("lots", lots.lots());
        int next = paging[1] + paging[0];
        body.put("nextOffset", next < lots.total() ? next : null);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HEIGHT, Long.toString(height))
                .body(json.writeValueAsString(body));
    }

    /**
     * The graph holds every organisation's lots and quantities, so it answers only those who may
     * read everything (chaincode {@code lot/Access}: regulators and administrators); members read
     * their own holdings here and lineage through {@code /api/lots/…/lineage}, which applies the rule.
     */
    private void requireReadsEverything() {
        String role = user.account().role();
        if (!role.equals("regulator") && !role.equals("admin")) {
            throw new ApiException("FORBIDDEN_READ", "the lineage graph answers regulators and administrators");
        }
    }

    /** {pageSize, offset}: 1 to 10,000 lots (200 unless told), from a non-negative offset. */
    private static int[] paging(Integer pageSize, Integer offset) {
        int size = pageSize == null ? 200 : pageSize;
        int from = offset == null ? 0 : offset;
        if (size < 1 || size > GraphLineages.MAX_PAGE) {
            throw new ApiException("INVALID_ARGUMENT", "pageSize must be between 1 and " + GraphLineages.MAX_PAGE);
        }
        if (from < 0) {
            throw new ApiException("INVALID_ARGUMENT", "offset must not be negative");
        }
        return new int[] {size, from};
    }

    @Operation(summary = "The read model's block, size and whether a rebuild is under way")
    @GetMapping
    ResponseEntity<Map<String, Object>> status() {
        LotGraph graph = feed.graph();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("height", graph.height());
        status.put("lots", graph.lots());
        status.put("edges", graph.edges());
        status.put("rebuilding", feed.rebuilding());
        return ResponseEntity.ok().header(HEIGHT, Long.toString(graph.height())).body(status);
    }

    @Operation(
            summary =
                    "Rebuild the read model from block 0 (administrators); the old graph answers until the new one has caught up")
    @PostMapping("/rebuild")
    ResponseEntity<Map<String, Object>> rebuild() {
        if (!"admin".equals(user.account().role())) {
            throw new ApiException("FORBIDDEN", "only administrators rebuild read models");
        }
        boolean started = feed.rebuild();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("rebuilding", true, "started", started));
    }
}
