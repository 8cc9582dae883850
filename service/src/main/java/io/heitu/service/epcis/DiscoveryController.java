package io.heitu.service.epcis;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Discovery ({@code GET /epcis/}: the top-level resources) and the release of nextPageTokens. */
@RestController
@RequestMapping("/epcis")
@Tag(name = "EPCIS 2.0 discovery", description = "GS1 EPCIS 2.0 REST bindings: discovery")
class DiscoveryController {

    private final PageTokens tokens;
    private final EpcisAnswers answers;
    private final JsonMapper json;

    DiscoveryController(PageTokens tokens, EpcisAnswers answers, JsonMapper json) {
        this.tokens = tokens;
        this.answers = answers;
        this.json = json;
    }

    @Operation(summary = "The top-level resources of this EPCIS repository")
    @GetMapping({"", "/"})
    ResponseEntity<String> topLevel(HttpServletRequest request) {
        ObjectNode collection = json.createObjectNode();
        collection.set("@context", EpcisDocuments.context(json));
        collection.put("type", "Collection");
        var members = collection.putArray("member");
        EpcisRoutes.TOP_LEVEL.forEach(members::add);
        return answers.json(request, HttpStatus.OK, collection, null);
    }

    @Operation(summary = "Releases a nextPageToken: it is not accepted again")
    @DeleteMapping("/nextPageToken/{token}")
    ResponseEntity<Void> release(@PathVariable String token) {
        tokens.release(token);
        return ResponseEntity.noContent().build();
    }
}
