package io.heitu.service.label;

import io.heitu.service.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Label sheets of thousands of codes: start a job, watch its progress, fetch the PDF. */
@RestController
@RequestMapping("/api/qr/label-jobs")
@Tag(name = "QR codes")
class LabelJobController {

    private final LabelJobs jobs;
    private final CurrentUser user;

    LabelJobController(LabelJobs jobs, CurrentUser user) {
        this.jobs = jobs;
        this.user = user;
    }

    /** @param layout A4_3X8 (default), A4_4X10 or A4_2X5; @param ec L, M (default), Q or H */
    record NewJob(String issuanceId, String layout, String ec) {}

    @Operation(summary = "Render an issuance's label sheet in the background; poll the job for progress")
    @PostMapping
    ResponseEntity<LabelJobs.Status> start(@RequestBody NewJob body) {
        LabelJobs.Status status = jobs.start(
                user.account().mspId(),
                body.issuanceId(),
                CodeImageController.layout(body.layout() == null ? "A4_3X8" : body.layout()),
                CodeImageController.level(body.ec() == null ? "M" : body.ec()));
        return ResponseEntity.accepted()
                .location(URI.create("/api/qr/label-jobs/" + status.id()))
                .body(status);
    }

    @GetMapping("/{id}")
    LabelJobs.Status status(@PathVariable String id) {
        return jobs.status(user.account().mspId(), id);
    }

    @Operation(summary = "The job's label sheet, once the job is done")
    @ApiResponse(
            responseCode = "200",
            description = "The label sheet",
            content = @Content(mediaType = "application/pdf"))
    @ApiResponse(
            responseCode = "409",
            description = "The job is still queued, running or failed (LABEL_JOB_NOT_DONE): poll the job",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping("/{id}/pdf")
    ResponseEntity<Resource> pdf(@PathVariable String id) {
        Path file = jobs.pdf(user.account().mspId(), id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"labels-" + id + ".pdf\"")
                .body(new FileSystemResource(file));
    }
}
