package io.heitu.service.bench;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP floor for the consumer benchmark: an anonymous GET answered with a little JSON and no
 * work, beside the resolver on the same server (Tomcat, security filters, MVC). Only present when
 * {@code heitu.bench.enabled=true}.
 */
@RestController
@ConditionalOnProperty(name = "heitu.bench.enabled", havingValue = "true")
class PublicBaselineController {

    @GetMapping("/api/public/bench/noop")
    ResponseEntity<String> noop() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"ok\":true}");
    }
}
