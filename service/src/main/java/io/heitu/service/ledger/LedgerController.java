package io.heitu.service.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The ledger's own evidence: verification of the whole chain, and where a transaction sits. */
@RestController
@Tag(name = "Ledger", description = "Verification and proofs")
class LedgerController {

    private final Ledger ledger;
    private final LedgerIntegrity integrity;

    LedgerController(Ledger ledger, LedgerIntegrity integrity) {
        this.ledger = ledger;
        this.integrity = integrity;
    }

    @Operation(summary = "Recompute every block hash, chain link and signature; names the first bad block")
    @GetMapping("/api/ledger/verify")
    ResponseEntity<Verification> verify() {
        Verification verification = integrity.check().verification();
        return ResponseEntity.status(verification.ok() ? 200 : 409).body(verification);
    }

    @Operation(summary = "The block, position and block hash of a committed transaction")
    @GetMapping("/api/public/ledger/transactions/{txId}")
    ResponseEntity<TxProof> proof(@PathVariable String txId) {
        return ledger.proof(txId)
                .map(ResponseEntity::ok)
                .orElse(ResponseEntity.notFound().build());
    }
}
