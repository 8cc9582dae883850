package io.heitu.service.qr;

import io.heitu.service.api.Answers;
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
import org.springframework.web.bind.annotation.RestController;

/** Your organisation's QR signing keys: make one (its public half goes on the ledger), list, revoke. */
@RestController
@RequestMapping("/api/qr/keys")
@Tag(name = "QR codes", description = "Signing keys, issuance, images, label sheets")
class KeyController {

    private final SigningKeys keys;
    private final CurrentUser user;

    KeyController(SigningKeys keys, CurrentUser user) {
        this.keys = keys;
        this.user = user;
    }

    /** @param algorithm {@code Ed25519} (default) or {@code ES256} */
    record NewKey(String algorithm) {}

    /** @param mspId whose key; your own organisation's unless a regulator names another */
    record Revocation(String mspId, String reason) {}

    @Operation(
            summary = "Make a QR signing key for your organisation and register its public key (producers, processors)")
    @PostMapping
    ResponseEntity<SigningKeys.StoredKey> create(@RequestBody(required = false) NewKey body) {
        String algorithm = body == null || body.algorithm() == null ? "Ed25519" : body.algorithm();
        UserAccount account = user.account();
        SigningKeys.Created created =
                keys.create(user.enrollment(), account.username(), QrAlgorithm.fromLedgerName(algorithm));
        return ResponseEntity.created(URI.create("/api/qr/keys/" + created.key().keyId()))
                .header("X-Transaction-Id", created.key().txId())
                .header("X-Block-Number", Long.toString(created.blockNumber()))
                .body(created.key());
    }

    @GetMapping
    List<SigningKeys.StoredKey> list() {
        return keys.of(user.account().mspId());
    }

    @Operation(summary = "Revoke a signing key: codes signed with it stop being genuine (its owner or a regulator)")
    @PostMapping("/{keyId}/revoke")
    ResponseEntity<String> revoke(@PathVariable String keyId, @RequestBody Revocation body) {
        if (body.reason() == null || body.reason().isBlank()) {
            throw new ApiException("INVALID_ARGUMENT", "a revocation gives a reason");
        }
        String mspId = body.mspId() == null ? user.account().mspId() : body.mspId();
        return Answers.committed(keys.revoke(user.enrollment(), mspId, keyId, body.reason()));
    }
}
