package io.heitu.service.bench;

import io.heitu.service.identity.CurrentUser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP floor for benchmarks: the same authentication, the same request body parsed the same
 * way, and no ledger. Only present when {@code heitu.bench.enabled=true}.
 */
@RestController
@ConditionalOnProperty(name = "heitu.bench.enabled", havingValue = "true")
class BaselineController {

    private final CurrentUser user;

    BaselineController(CurrentUser user) {
        this.user = user;
    }

    @PostMapping("/api/bench/noop")
    ResponseEntity<String> noop(@RequestBody JsonNode body) {
        String mspId = user.account().mspId();
        return ResponseEntity.status(201)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"ok\":true,\"fields\":" + body.size() + ",\"msp\":\"" + mspId + "\"}");
    }
}
