package io.heitu.service.qr;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published key set: every organisation's QR signing keys from the ledger, revoked ones with
 * their status, so anyone can check a code offline. Public, cacheable for five minutes.
 */
@RestController
class KeySetController {

    static final String PATH = "/.well-known/heitu/qr-keys.json";

    private final PublishedKeys keys;

    KeySetController(PublishedKeys keys) {
        this.keys = keys;
    }

    @GetMapping(PATH)
    ResponseEntity<String> keySet(@RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        PublishedKeys.Snapshot snapshot = keys.snapshot();
        CacheControl cache = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
        if (snapshot.etag().equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .cacheControl(cache)
                    .eTag(snapshot.etag())
                    .build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(cache)
                .eTag(snapshot.etag())
                .header("Access-Control-Allow-Origin", "*")
                .body(snapshot.jwks());
    }
}
