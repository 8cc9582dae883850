package io.heitu.service.identity;

import io.heitu.service.problem.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Users, their certificates and personal access tokens. */
@RestController
@Tag(name = "Accounts", description = "Users, certificates and tokens")
class AccountController {

    private static final Set<String> ROLES =
            Set.of("producer", "processor", "logistics", "retailer", "inspector", "regulator", "admin");

    private final Identities identities;
    private final CurrentUser current;

    AccountController(Identities identities, CurrentUser current) {
        this.identities = identities;
        this.current = current;
    }

    record NewUser(String username, String displayName, String mspId, String role, String password) {}

    record Me(String username, String displayName, String mspId, String role, String certificate) {}

    record NewToken(String name) {}

    @Operation(
            summary =
                    "Enrol a user with a role in an organisation (administrators): a key pair and a certificate from the organisation's CA")
    @PostMapping("/api/users")
    ResponseEntity<Me> enrol(@RequestBody NewUser request) {
        if (!"admin".equals(current.account().role())) {
            throw new ApiException("FORBIDDEN", "only administrators enrol users");
        }
        if (request.username() == null || !request.username().matches("[a-z0-9][a-z0-9._-]{2,63}")) {
            throw new ApiException("INVALID_ARGUMENT", "username: 3-64 lowercase letters, digits, '.', '_' or '-'");
        }
        if (request.password() == null
                || request.password().length() < 10
                || request.password().length() > 128) {
            throw new ApiException("INVALID_ARGUMENT", "password: 10 to 128 characters");
        }
        if (!ROLES.contains(request.role())) {
            throw new ApiException(
                    "INVALID_ARGUMENT",
                    "role must be one of "
                            + String.join(", ", ROLES.stream().sorted().toList()));
        }
        if (request.mspId() == null || !identities.hasCa(request.mspId())) {
            throw new ApiException("ORGANISATION_NOT_FOUND", "no certificate authority for " + request.mspId());
        }
        if (identities.user(request.username()).isPresent()) {
            throw new ApiException("USER_EXISTS", "user name taken");
        }
        String displayName = request.displayName() == null ? request.username() : request.displayName();
        UserAccount account =
                identities.enroll(request.username(), displayName, request.mspId(), request.role(), request.password());
        return ResponseEntity.status(HttpStatus.CREATED).body(me(account));
    }

    @Operation(summary = "The signed-in user and the certificate that signs their transactions")
    @GetMapping("/api/me")
    Me me() {
        return me(current.account());
    }

    @Operation(summary = "A new personal access token (shown once) for Authorization: Bearer")
    @PostMapping("/api/me/tokens")
    ResponseEntity<Map<String, String>> token(@RequestBody(required = false) NewToken request) {
        String name = request == null || request.name() == null ? "token" : request.name();
        if (name.length() > 100) {
            throw new ApiException("INVALID_ARGUMENT", "name: at most 100 characters");
        }
        String token = identities.issueToken(current.account(), name);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("name", name, "token", token));
    }

    @GetMapping("/api/users")
    List<Me> users() {
        if (!"admin".equals(current.account().role())) {
            throw new ApiException("FORBIDDEN", "only administrators list users");
        }
        return identities.allUsers().stream().map(AccountController::me).toList();
    }

    private static Me me(UserAccount account) {
        return new Me(account.username(), account.displayName(), account.mspId(), account.role(), account.certPem());
    }
}
