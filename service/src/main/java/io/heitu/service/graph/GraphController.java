package io.heitu.service.graph;

import io.heitu.service.identity.CurrentUser;
import io.heitu.service.problem.ApiException;
import io.swagger.v3.oas.annotations.Operation;
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
            summary = "A page of the lineage (as lot:Lineage answers it) from the read model;"
                    + " X-Ledger-Height names the block it reflects, minHeight waits for a block")
    @GetMapping("/lots/{gtin}/{lotCode}/lineage")
    ResponseEntity<String> lineage(
            @PathVariable String gtin,
            @PathVariable String lotCode,
            @RequestParam(defaultValue = "backward") String direction,
            @RequestParam(required = false) Integer maxDepth,
            @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Long minHeight) {
        user.account();
        GraphLineages.Answer answer = lineages.page(gtin, lotCode, direction, maxDepth, pageSize, offset, minHeight);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HEIGHT, Long.toString(answer.height()))
                .body(json.writeValueAsString(answer.page()));
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
