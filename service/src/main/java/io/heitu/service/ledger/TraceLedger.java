package io.heitu.service.ledger;

import io.heitu.ledger.identity.Enrollment;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trace chaincode as the service sees it: the only class that knows transaction names. Requests
 * and answers are the chaincode's JSON; the chaincode validates every field and refuses with a
 * stable code, so the rules are the same on every ledger. A transaction that loses an MVCC race is
 * simulated again (recording the same event twice is idempotent on the ledger).
 */
@Component
public class TraceLedger {

    static final int ATTEMPTS = 4;

    private final Ledger ledger;
    private final JsonMapper json;

    public TraceLedger(Ledger ledger, JsonMapper json) {
        this.ledger = ledger;
        this.json = json;
    }

    // Master data
    public Committed registerOrganisation(Enrollment actor, Object request) {
        return submit(actor, "org:Register", request);
    }

    public String organisation(Enrollment actor, String mspId) {
        return evaluate(actor, "org:Get", obj("mspId", mspId));
    }

    public String organisations(Enrollment actor, Object page) {
        return evaluate(actor, "org:List", page);
    }

    public Committed registerLocation(Enrollment actor, Object request) {
        return submit(actor, "location:Register", request);
    }

    public String location(Enrollment actor, String id) {
        return evaluate(actor, "location:Get", obj("id", id));
    }

    public String locations(Enrollment actor, Object query) {
        return evaluate(actor, "location:List", query);
    }

    public Committed registerProduct(Enrollment actor, Object request) {
        return submit(actor, "product:Register", request);
    }

    public String product(Enrollment actor, String gtin) {
        return evaluate(actor, "product:Get", obj("gtin", gtin));
    }

    public String products(Enrollment actor, Object page) {
        return evaluate(actor, "product:List", page);
    }

    /** The regulator's decisions on a product: inspection before codes, maximum yield per mu and season. */
    public Committed setProductPolicy(Enrollment actor, Object request) {
        return submit(actor, "product:SetPolicy", request);
    }

    /** The regulator's most of one product a kilogram of another may become. */
    public Committed setYield(Enrollment actor, Object request) {
        return submit(actor, "product:SetYield", request);
    }

    /** The regulator's area of a geographical indication. */
    public Committed registerGiArea(Enrollment actor, Object request) {
        return submit(actor, "product:RegisterGiArea", request);
    }

    /** The owner of a GTIN lets another organisation make lots under it. */
    public Committed license(Enrollment actor, Object request) {
        return submit(actor, "product:License", request);
    }

    // Lots
    public Committed commission(Enrollment actor, Object request) {
        return submit(actor, "lot:Commission", request);
    }

    public Committed hold(Enrollment actor, Object request) {
        return submit(actor, "lot:Hold", request);
    }

    public Committed release(Enrollment actor, Object request) {
        return submit(actor, "lot:Release", request);
    }

    public Committed recall(Enrollment actor, Object request) {
        return submit(actor, "lot:Recall", request);
    }

    public String lot(Enrollment actor, String gtin, String lotCode) {
        return evaluate(actor, "lot:Get", lotRef(gtin, lotCode));
    }

    public String lots(Enrollment actor, Object query) {
        return evaluate(actor, "lot:List", query);
    }

    public String lotHistory(Enrollment actor, String gtin, String lotCode) {
        return evaluate(actor, "lot:History", lotRef(gtin, lotCode));
    }

    public String lotEvents(Enrollment actor, Object query) {
        return evaluate(actor, "lot:Events", query);
    }

    public String lineage(Enrollment actor, Object query) {
        return evaluate(actor, "lot:Lineage", query);
    }

    // Events
    public Committed applyInput(Enrollment actor, Object request) {
        return submit(actor, "event:ApplyInput", request);
    }

    public Committed observe(Enrollment actor, Object request) {
        return submit(actor, "event:Observe", request);
    }

    public Committed ship(Enrollment actor, Object request) {
        return submit(actor, "event:Ship", request);
    }

    public Committed receive(Enrollment actor, Object request) {
        return submit(actor, "event:Receive", request);
    }

    public Committed sell(Enrollment actor, Object request) {
        return submit(actor, "event:Sell", request);
    }

    public Committed dispose(Enrollment actor, Object request) {
        return submit(actor, "event:Dispose", request);
    }

    public Committed transform(Enrollment actor, Object request) {
        return submit(actor, "event:Transform", request);
    }

    public Committed aggregate(Enrollment actor, Object request) {
        return submit(actor, "event:Aggregate", request);
    }

    public Committed batch(Enrollment actor, Object request) {
        return submit(actor, "event:Batch", request);
    }

    /**
     * Simulates {@code event:Batch} without ordering or committing it: the chaincode's verdict on a
     * spreadsheet import (a dry run) under the same rules, with nothing written.
     */
    public String checkBatch(Enrollment actor, Object request) {
        return evaluate(actor, "event:Batch", request);
    }

    /** EPCIS 2.0 events of another system's document: {@code {"context","events":[…]}}. */
    public Committed capture(Enrollment actor, Object request) {
        return submit(actor, "event:Capture", request);
    }

    public String event(Enrollment actor, String eventId) {
        return evaluate(actor, "event:Get", obj("eventId", eventId));
    }

    /** Up to 500 events in one query, in the order given, as a JSON array. */
    public String events(Enrollment actor, List<String> eventIds) {
        return evaluate(actor, "event:GetMany", Map.of("eventIds", eventIds));
    }

    public String plotInputs(Enrollment actor, String plotId) {
        return evaluate(actor, "event:PlotInputs", obj("plotId", plotId));
    }

    // Inspections and certificates
    public Committed labResult(Enrollment actor, Object request) {
        return submit(actor, "inspection:RecordLabResult", request);
    }

    public Committed issueCertificate(Enrollment actor, Object request) {
        return submit(actor, "inspection:IssueCertificate", request);
    }

    public Committed issueCommitment(Enrollment actor, Object request) {
        return submit(actor, "inspection:IssueCommitment", request);
    }

    public Committed revokeCertificate(Enrollment actor, Object request) {
        return submit(actor, "inspection:RevokeCertificate", request);
    }

    public Committed grade(Enrollment actor, Object request) {
        return submit(actor, "inspection:Grade", request);
    }

    public String certificate(Enrollment actor, String issuerMsp, String number) {
        return evaluate(actor, "inspection:GetCertificate", obj("issuerMsp", issuerMsp, "number", number));
    }

    public String certificates(Enrollment actor, Object subject) {
        return evaluate(actor, "inspection:Certificates", subject);
    }

    public String ranking(Enrollment actor, Object query) {
        return evaluate(actor, "inspection:Ranking", query);
    }

    // QR codes
    public Committed registerSigningKey(Enrollment actor, Object request) {
        return submit(actor, "qr:RegisterKey", request);
    }

    public Committed revokeSigningKey(Enrollment actor, Object request) {
        return submit(actor, "qr:RevokeKey", request);
    }

    public Committed recordIssuance(Enrollment actor, Object request) {
        return submit(actor, "qr:RecordIssuance", request);
    }

    public String signingKeys(Enrollment actor, String mspId) {
        return evaluate(actor, "qr:Keys", mspId == null ? obj() : obj("mspId", mspId));
    }

    public String issuances(Enrollment actor, String gtin, String lotCode) {
        return evaluate(actor, "qr:Issuances", lotRef(gtin, lotCode));
    }

    private Committed submit(Enrollment actor, String transaction, Object request) {
        String body = encode(request);
        LedgerException.Conflict last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return ledger.submit(actor, transaction, body);
            } catch (LedgerException.Conflict conflict) {
                last = conflict;
            }
        }
        throw last;
    }

    private String evaluate(Enrollment actor, String transaction, Object request) {
        return ledger.evaluate(actor, transaction, encode(request));
    }

    private String encode(Object request) {
        return request instanceof String text ? text : json.writeValueAsString(request);
    }

    private JsonNode lotRef(String gtin, String lotCode) {
        return obj("gtin", gtin, "lotCode", lotCode);
    }

    private JsonNode obj(String... keysAndValues) {
        var node = json.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return node;
    }
}
