package io.heitu.service.consumer;

import io.heitu.service.identity.CurrentUser;
import io.heitu.service.qr.DigitalLink;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Freezing a code or a whole lot's codes (its owner or a regulator), and lifting the freeze. */
@RestController
@RequestMapping("/api/qr/freezes")
@Tag(name = "QR codes")
class FreezeController {

    private final Freezes freezes;
    private final CurrentUser user;

    FreezeController(Freezes freezes, CurrentUser user) {
        this.freezes = freezes;
        this.user = user;
    }

    /** @param serial one unit code; absent for the whole lot */
    record NewFreeze(String gtin, String lotCode, String serial, String reason) {}

    @Operation(summary = "Freeze a unit code or every code of a lot: scans then say so at once")
    @PostMapping
    ResponseEntity<Freezes.Freeze> freeze(@RequestBody NewFreeze body) {
        DigitalLink code = new DigitalLink(body.gtin(), body.lotCode(), body.serial());
        Freezes.Freeze freeze = freezes.freeze(user.account(), code, body.reason());
        return ResponseEntity.created(URI.create("/api/qr/freezes/" + freeze.id()))
                .body(freeze);
    }

    @GetMapping
    List<Freezes.Freeze> list(@RequestParam String gtin, @RequestParam String lotCode) {
        DigitalLink lot = DigitalLink.ofLot(gtin, lotCode);
        return freezes.of(lot.gtin(), lot.lot());
    }

    @Operation(summary = "Lift a freeze")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> lift(@PathVariable long id) {
        freezes.lift(user.account(), id);
        return ResponseEntity.noContent().build();
    }
}
