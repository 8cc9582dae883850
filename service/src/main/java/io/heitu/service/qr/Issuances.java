package io.heitu.service.qr;

import io.heitu.identity.Enrollment;
import io.heitu.service.ledger.Receipt;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.ledger.wire.IssuanceRecord;
import io.heitu.service.problem.ApiException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issuing codes for a lot: recorded on the ledger first (which refuses codes before a passing
 * inspection where the product needs one), then signed and stored here. Only the issuing
 * organisation sees its codes: serials are unguessable, and listing them would undo that.
 */
@Service
public class Issuances {

    static final int MAX_LISTED = 200;

    private final TraceLedger ledger;
    private final SigningKeys keys;
    private final IssuanceStore store;
    private final QrSettings settings;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    Issuances(
            TraceLedger ledger,
            SigningKeys keys,
            IssuanceStore store,
            QrSettings settings,
            JsonMapper json,
            ApplicationEventPublisher events) {
        this.ledger = ledger;
        this.keys = keys;
        this.store = store;
        this.settings = settings;
        this.json = json;
        this.events = events;
    }

    /**
     * @param count per-unit codes to make, or labels to print of the one per-lot code
     * @param keyId optional: the organisation's newest active key by default
     */
    public record Request(String gtin, String lotCode, Integer count, Boolean perUnit, String keyId) {}

    /** Published once an issuance is stored, so verifiers drop cached "not issued" answers. */
    public record Stored(String issuanceId, String gtin, String lotCode) {}

    public Issuance issue(Enrollment actor, String username, Request request) {
        DigitalLink lot = DigitalLink.ofLot(request.gtin(), request.lotCode());
        boolean perUnit = Boolean.TRUE.equals(request.perUnit());
        int count = request.count() == null ? 1 : request.count();
        if (count < 1 || count > settings.maxCodesPerIssuance()) {
            throw new ApiException(
                    "LIMIT_EXCEEDED", "an issuance has 1 to " + settings.maxCodesPerIssuance() + " codes");
        }
        String keyId = request.keyId() != null
                ? request.keyId()
                : keys.newestActive(actor.mspId())
                        .map(SigningKeys.StoredKey::keyId)
                        .orElseThrow(() -> new ApiException(
                                "SIGNING_KEY_NOT_FOUND", "make a QR signing key first: POST /api/qr/keys"));
        CodeSigner signer = keys.signer(actor.mspId(), keyId);
        List<String> serials = perUnit ? Serials.batch(count) : List.of();

        ObjectNode record = json.createObjectNode()
                .put("gtin", lot.gtin())
                .put("lotCode", lot.lot())
                .put("keyId", keyId)
                .put("count", count)
                .put("perUnit", perUnit);
        if (perUnit) {
            record.put("serialsDigest", Serials.digest(serials));
        }
        Receipt<IssuanceRecord> committed = ledger.recordIssuance(actor, record);
        String id = committed.answer().issuanceId() == null
                ? committed.txId()
                : committed.answer().issuanceId();

        List<IssuanceStore.Unit> units = new ArrayList<>(serials.size());
        for (String serial : serials) {
            SignedLink code = signer.sign(DigitalLink.ofUnit(lot.gtin(), lot.lot(), serial));
            units.add(new IssuanceStore.Unit(serial, code.signature().value()));
        }
        String lotSignature = perUnit ? null : signer.sign(lot).signature().value();
        IssuanceStore.Row row = new IssuanceStore.Row(
                id,
                lot.gtin(),
                lot.lot(),
                actor.mspId(),
                keyId,
                perUnit,
                count,
                lotSignature,
                committed.blockNumber(),
                username,
                OffsetDateTime.now(ZoneOffset.UTC));
        store.save(row, units);
        events.publishEvent(new Stored(id, lot.gtin(), lot.lot()));
        return view(row);
    }

    public List<Issuance> of(String mspId, String gtin, String lotCode) {
        String gtin14 = gtin == null ? null : Gs1.gtin14(gtin);
        return store.of(mspId, gtin14, lotCode, MAX_LISTED).stream()
                .map(this::view)
                .toList();
    }

    /** One of the organisation's issuances; another organisation's is "not found", not "forbidden". */
    public Issuance get(String mspId, String id) {
        return view(row(mspId, id));
    }

    /** Code URIs in issue order: the units', or the per-lot code once. */
    public List<String> codes(String mspId, String id, int offset, int limit) {
        IssuanceStore.Row row = row(mspId, id);
        if (!row.perUnit()) {
            return offset == 0 ? List.of(row.lotUri(settings)) : List.of();
        }
        return store.units(id, offset, limit).stream()
                .map(unit -> row.unitUri(settings, unit))
                .toList();
    }

    /** The URI of one unit code; {@code serial} null for a per-lot issuance's code. */
    public String code(String mspId, String id, String serial) {
        IssuanceStore.Row row = row(mspId, id);
        if (row.perUnit() != (serial != null)) {
            throw new ApiException("NOT_FOUND", "no such code in issuance " + id);
        }
        return serial == null
                ? row.lotUri(settings)
                : store.unit(row, serial)
                        .map(unit -> row.unitUri(settings, unit))
                        .orElseThrow(() -> new ApiException("NOT_FOUND", "no code " + serial + " in issuance " + id));
    }

    /** What a label sheet prints: each unit code once, or the per-lot code {@code count} times. */
    public List<String> labels(String mspId, String id) {
        IssuanceStore.Row row = row(mspId, id);
        if (!row.perUnit()) {
            return Collections.nCopies(row.count(), row.lotUri(settings));
        }
        return store.units(id, 0, row.count()).stream()
                .map(unit -> row.unitUri(settings, unit))
                .toList();
    }

    /** Which issuance here holds a unit code, and with which key; for verifiers. */
    public Optional<String> unitIssuedWith(DigitalLink unit, String keyId) {
        return store.issued(unit.gtin(), unit.lot(), unit.serial())
                .filter(issued -> issued.keyId().equals(keyId))
                .map(IssuanceStore.Issued::issuanceId);
    }

    /**
     * The code a person typed from a label: with a serial (printed as SN) the unit code issued here,
     * without one the lot's per-lot code. Serials are 60 random bits, so knowing one is having seen
     * the label; the code found is then checked like any scan.
     */
    public Optional<String> typed(String gtin, String lotCode, String serial) {
        if (serial == null) {
            return store.newestLotIssuance(gtin, lotCode).map(row -> row.lotUri(settings));
        }
        return store.issuanceOfUnit(gtin, lotCode, serial)
                .flatMap(row -> store.unit(row, serial).map(unit -> row.unitUri(settings, unit)));
    }

    /** Organisations that issued codes for the lot through this service. */
    public List<String> issuers(String gtin, String lotCode) {
        return store.issuers(gtin, lotCode);
    }

    private IssuanceStore.Row row(String mspId, String id) {
        return store.find(id)
                .filter(row -> row.issuerMsp().equals(mspId))
                .orElseThrow(() -> new ApiException("ISSUANCE_NOT_FOUND", "no issuance " + id + " of " + mspId));
    }

    private Issuance view(IssuanceStore.Row row) {
        String first = row.perUnit()
                ? store.units(row.id(), 0, 1).stream()
                        .map(unit -> row.unitUri(settings, unit))
                        .findFirst()
                        .orElse(null)
                : row.lotUri(settings);
        return Issuance.of(row, first);
    }
}
