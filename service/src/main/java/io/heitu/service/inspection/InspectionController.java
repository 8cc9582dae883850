package io.heitu.service.inspection;

import io.heitu.service.api.Answers;
import io.heitu.service.api.Pages;
import io.heitu.service.identity.CurrentUser;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.ledger.wire.CertificateView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Lab results, grades, certificates and the quality ranking (产品品质排序). */
@RestController
@Tag(name = "Inspections", description = "Lab results, certificates, grades, ranking")
class InspectionController {

    private final TraceLedger ledger;
    private final CurrentUser user;
    private final JsonMapper json;

    InspectionController(TraceLedger ledger, CurrentUser user, JsonMapper json) {
        this.ledger = ledger;
        this.user = user;
        this.json = json;
    }

    @Operation(summary = "Lab results against limits (inspectors); a failing result holds the lot")
    @PostMapping("/api/inspections/lab-results")
    ResponseEntity<String> labResult(@RequestBody JsonNode body) {
        return Answers.committed(ledger.labResult(user.enrollment(), body));
    }

    @Operation(summary = "Quality grade of a lot (inspectors), e.g. GB/T 1354 level 1")
    @PostMapping("/api/inspections/grades")
    ResponseEntity<String> grade(@RequestBody JsonNode body) {
        return Answers.committed(ledger.grade(user.enrollment(), body));
    }

    @Operation(summary = "Issue a green food, organic, GI authorisation or inspection report certificate (inspectors)")
    @PostMapping("/api/certificates")
    ResponseEntity<String> certify(@RequestBody JsonNode body) {
        var committed = ledger.issueCertificate(user.enrollment(), body);
        return Answers.committed(committed, location(committed.answer()));
    }

    @Operation(summary = "Issue the 承诺达标合格证 for a lot you produced (producers)")
    @PostMapping("/api/certificates/commitments")
    ResponseEntity<String> commit(@RequestBody JsonNode body) {
        var committed = ledger.issueCommitment(user.enrollment(), body);
        return Answers.committed(committed, location(committed.answer()));
    }

    @PostMapping("/api/certificates/{issuerMsp}/{number}/revoke")
    ResponseEntity<String> revoke(
            @PathVariable String issuerMsp, @PathVariable String number, @RequestBody JsonNode body) {
        ObjectNode request = body instanceof ObjectNode object ? object : json.createObjectNode();
        return Answers.committed(ledger.revokeCertificate(
                user.enrollment(), request.put("issuerMsp", issuerMsp).put("number", number)));
    }

    @GetMapping("/api/certificates/{issuerMsp}/{number}")
    ResponseEntity<String> certificate(@PathVariable String issuerMsp, @PathVariable String number) {
        return Answers.json(ledger.certificateJson(user.enrollment(), issuerMsp, number));
    }

    @GetMapping("/api/organisations/{mspId}/certificates")
    ResponseEntity<String> organisationCertificates(@PathVariable String mspId) {
        return Answers.json(ledger.certificatesJson(
                user.enrollment(), json.createObjectNode().put("mspId", mspId)));
    }

    @Operation(summary = "Lots or producers of a category, best first")
    @GetMapping("/api/ranking")
    ResponseEntity<String> ranking(
            @RequestParam String category,
            @RequestParam(defaultValue = "lots") String scope,
            @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) String bookmark) {
        ObjectNode query =
                Pages.of(json, pageSize, bookmark).put("category", category).put("scope", scope);
        return Answers.json(ledger.rankingJson(user.enrollment(), query));
    }

    private static String location(CertificateView certificate) {
        return "/api/certificates/" + certificate.issuerMsp() + "/" + certificate.number();
    }
}
