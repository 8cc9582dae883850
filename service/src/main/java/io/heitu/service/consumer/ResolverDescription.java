package io.heitu.service.consumer;

import io.heitu.service.origin.PublicOrigin;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The resolver description file GS1 conformant resolvers publish at {@code /.well-known/gs1resolver},
 * so that apps know this host resolves GTIN-based Digital Links and where the linksets are.
 */
@RestController
class ResolverDescription {

    private final PublicOrigin origin;

    ResolverDescription(PublicOrigin origin) {
        this.origin = origin;
    }

    @GetMapping("/.well-known/gs1resolver")
    Map<String, Object> describe() {
        // The configured origin, as the codes print it: a forged Host must not become the resolver root.
        String root = origin.base();
        return Map.of(
                "name",
                "Heitu Trace 黑土溯源",
                "resolverRoot",
                root,
                "supportedPrimaryKeys",
                List.of("01"),
                "supportedQualifiers",
                List.of("10", "21"),
                "linkTypeDefaultCanBeLinkset",
                false,
                "supportsSemanticsURI",
                false,
                "keySet",
                root + "/.well-known/heitu/qr-keys.json",
                "contact",
                "see " + root + "/swagger-ui.html");
    }
}
