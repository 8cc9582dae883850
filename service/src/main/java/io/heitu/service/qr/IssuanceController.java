package io.heitu.service.qr;

import io.heitu.service.identity.CurrentUser;
import io.heitu.service.identity.UserAccount;
import io.heitu.service.problem.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Issuing codes for a lot, and your codes as URIs (images and label sheets: {@code label.CodeImageController}). */
@RestController
@RequestMapping("/api/qr/issuances")
@Tag(name = "QR codes")
class IssuanceController {

    private final Issuances issuances;
    private final CurrentUser user;

    IssuanceController(Issuances issuances, CurrentUser user) {
        this.issuances = issuances;
        this.user = user;
    }

    /** A page of code URIs; {@code next} is the offset of the following page, absent at the end. */
    record Codes(List<String> codes, int offset, Integer next) {}

    @Operation(
            summary = "Issue per-lot or per-unit codes for a lot; refused before a passing inspection where required")
    @PostMapping
    ResponseEntity<Issuance> issue(@RequestBody Issuances.Request request) {
        UserAccount account = user.account();
        Issuance issued = issuances.issue(user.enrollment(), account.username(), request);
        return ResponseEntity.created(URI.create("/api/qr/issuances/" + issued.id()))
                .header("X-Transaction-Id", issued.id())
                .header("X-Block-Number", Long.toString(issued.blockNumber()))
                .body(issued);
    }

    @Operation(summary = "Your organisation's issuances, newest first")
    @GetMapping
    List<Issuance> list(@RequestParam(required = false) String gtin, @RequestParam(required = false) String lotCode) {
        return issuances.of(user.account().mspId(), gtin, lotCode);
    }

    @GetMapping("/{id}")
    Issuance get(@PathVariable String id) {
        return issuances.get(user.account().mspId(), id);
    }

    @GetMapping("/{id}/codes")
    Codes codes(
            @PathVariable String id,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "1000") int limit) {
        if (offset < 0 || limit < 1 || limit > 10_000) {
            throw new ApiException("INVALID_ARGUMENT", "offset >= 0, 1 <= limit <= 10000");
        }
        List<String> codes = issuances.codes(user.account().mspId(), id, offset, limit);
        return new Codes(codes, offset, codes.size() == limit ? offset + limit : null);
    }
}
