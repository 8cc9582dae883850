package io.heitu.service.ledger;

import io.heitu.identity.Enrollment;
import io.heitu.service.ledger.wire.Attachment;
import io.heitu.service.ledger.wire.CertificateView;
import io.heitu.service.ledger.wire.InputApplication;
import io.heitu.service.ledger.wire.IssuanceRecord;
import io.heitu.service.ledger.wire.LineageGraph;
import io.heitu.service.ledger.wire.Location;
import io.heitu.service.ledger.wire.LotView;
import io.heitu.service.ledger.wire.Organisation;
import io.heitu.service.ledger.wire.Page;
import io.heitu.service.ledger.wire.Product;
import io.heitu.service.ledger.wire.ProductNorm;
import io.heitu.service.ledger.wire.RankingEntry;
import io.heitu.service.ledger.wire.Readability;
import io.heitu.service.ledger.wire.Recorded;
import io.heitu.service.ledger.wire.Recordings;
import io.heitu.service.ledger.wire.SigningKey;
import io.heitu.service.ledger.wire.StoredEvent;
import io.heitu.service.ledger.wire.Wire;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trace chaincode as the service sees it: the only class that knows transaction names. Requests
 * are the chaincode's JSON; the chaincode validates every field and refuses with a stable code, so
 * the rules are the same on every ledger. Answers are decoded here, once, into the records of {@code
 * ledger.wire} (pinned by the golden wire files the chaincode's tests write); features use fields and
 * enums, never JSON paths. The {@code …Json} methods at the end are the REST API's pass-through: the
 * chaincode's JSON becomes the response body unparsed. A transaction that loses an MVCC race is
 * simulated again (recording the same event twice is idempotent on the ledger).
 */
@Component
public class TraceLedger {

    static final int ATTEMPTS = 4;
    private static final String TERMS = "terms";

    private static final TypeReference<List<CertificateView>> CERTIFICATES = new TypeReference<>() {};
    private static final TypeReference<List<StoredEvent>> EVENTS = new TypeReference<>() {};
    private static final TypeReference<List<InputApplication>> INPUTS = new TypeReference<>() {};
    private static final TypeReference<List<SigningKey>> KEYS = new TypeReference<>() {};
    private static final TypeReference<List<IssuanceRecord>> ISSUANCES = new TypeReference<>() {};
    private static final TypeReference<List<Attachment>> ATTACHMENTS = new TypeReference<>() {};

    private final Ledger ledger;
    private final JsonMapper json;

    public TraceLedger(Ledger ledger, JsonMapper json) {
        this.ledger = ledger;
        this.json = json;
    }

    // Master data
    public Receipt<Organisation> registerOrganisation(Enrollment actor, Object request) {
        return submit(actor, "org:Register", request, Organisation.class);
    }

    public Organisation organisation(Enrollment actor, String mspId) {
        return Wire.decode(organisationJson(actor, mspId), Organisation.class);
    }

    public Page<Organisation> organisations(Enrollment actor, Object page) {
        return Wire.page(organisationsJson(actor, page), Organisation.class);
    }

    public Receipt<Location> registerLocation(Enrollment actor, Object request) {
        return submit(actor, "location:Register", request, Location.class);
    }

    public Location location(Enrollment actor, String id) {
        return Wire.decode(locationJson(actor, id), Location.class);
    }

    public Page<Location> locations(Enrollment actor, Object query) {
        return Wire.page(locationsJson(actor, query), Location.class);
    }

    public Receipt<Product> registerProduct(Enrollment actor, Object request) {
        return submit(actor, "product:Register", request, Product.class);
    }

    public Product product(Enrollment actor, String gtin) {
        return Wire.decode(productJson(actor, gtin), Product.class);
    }

    public Page<Product> products(Enrollment actor, Object page) {
        return Wire.page(productsJson(actor, page), Product.class);
    }

    /** The regulator's decisions on a product: inspection before codes, maximum yield per mu and season. */
    public Receipt<ProductNorm.Policy> setProductPolicy(Enrollment actor, Object request) {
        return submit(actor, "product:SetPolicy", request, ProductNorm.Policy.class);
    }

    /** The regulator's most of one product a kilogram of another may become. */
    public Receipt<ProductNorm.Yield> setYield(Enrollment actor, Object request) {
        return submit(actor, "product:SetYield", request, ProductNorm.Yield.class);
    }

    /** The regulator's area of a geographical indication. */
    public Receipt<ProductNorm.GiArea> registerGiArea(Enrollment actor, Object request) {
        return submit(actor, "product:RegisterGiArea", request, ProductNorm.GiArea.class);
    }

    /** The owner of a GTIN lets another organisation make lots under it. */
    public Receipt<ProductNorm.Licence> license(Enrollment actor, Object request) {
        return submit(actor, "product:License", request, ProductNorm.Licence.class);
    }

    // Lots
    public Receipt<Recorded> commission(Enrollment actor, Object request) {
        return recorded(actor, "lot:Commission", request);
    }

    public Receipt<Recorded> hold(Enrollment actor, Object request) {
        return recorded(actor, "lot:Hold", request);
    }

    /** Asks an inspection body to inspect a lot: from then on it reads the lot and its lineage. */
    public Receipt<Map<?, ?>> requestInspection(Enrollment actor, Object request) {
        Committed committed = submit(actor, "lot:RequestInspection", request);
        return new Receipt<>(Map.of(), committed);
    }

    public Receipt<Recorded> release(Enrollment actor, Object request) {
        return recorded(actor, "lot:Release", request);
    }

    public Receipt<Recorded> recall(Enrollment actor, Object request) {
        return recorded(actor, "lot:Recall", request);
    }

    public LotView lot(Enrollment actor, String gtin, String lotCode) {
        return Wire.decode(lotJson(actor, gtin, lotCode), LotView.class);
    }

    /** Most lots {@link #lotsAtOnce} asks for in one query. */
    public static final int AT_ONCE = 200;

    /**
     * Several lots in one query ({@code lot:GetMany}), each as {@link #lot} answers it, in the order
     * given as {@code {gtin, lotCode}} pairs, at most {@link #AT_ONCE}: a dashboard's page in one
     * endorsement rather than one per row.
     */
    public List<LotView> lotsAtOnce(Enrollment actor, List<String[]> gtinAndLotCodes) {
        List<JsonNode> lots =
                gtinAndLotCodes.stream().map(key -> lotRef(key[0], key[1])).toList();
        return Wire.decode(evaluate(actor, "lot:GetMany", Map.of("lots", lots)), new TypeReference<List<LotView>>() {});
    }

    public Page<LotView> lots(Enrollment actor, Object query) {
        return Wire.page(lotsJson(actor, query), LotView.class);
    }

    public Page<StoredEvent> lotEvents(Enrollment actor, Object query) {
        return Wire.page(lotEventsJson(actor, query), StoredEvent.class);
    }

    /** One page of the lineage; {@code trace.Lineages} reads every page. */
    public LineageGraph lineage(Enrollment actor, Object query) {
        return Wire.decode(lineageJson(actor, query), LineageGraph.class);
    }

    // Events
    public Receipt<Recorded> applyInput(Enrollment actor, Object request) {
        return recorded(actor, "event:ApplyInput", request);
    }

    public Receipt<Recorded> observe(Enrollment actor, Object request) {
        return recorded(actor, "event:Observe", request);
    }

    public Receipt<Recorded> ship(Enrollment actor, Object request) {
        return recorded(actor, "event:Ship", request);
    }

    public Receipt<Recorded> receive(Enrollment actor, Object request) {
        return recorded(actor, "event:Receive", request);
    }

    public Receipt<Recorded> sell(Enrollment actor, Object request) {
        return recorded(actor, "event:Sell", request);
    }

    public Receipt<Recorded> dispose(Enrollment actor, Object request) {
        return recorded(actor, "event:Dispose", request);
    }

    public Receipt<Recorded> transform(Enrollment actor, Object request) {
        return recorded(actor, "event:Transform", request);
    }

    public Receipt<Recorded> aggregate(Enrollment actor, Object request) {
        return recorded(actor, "event:Aggregate", request);
    }

    public Receipt<Recordings> batch(Enrollment actor, Object request) {
        return submit(actor, "event:Batch", request, Recordings.class);
    }

    /**
     * Simulates {@code event:Batch} without ordering or committing it: the chaincode's verdict on a
     * spreadsheet import (a dry run) under the same rules, with nothing written.
     */
    public Recordings checkBatch(Enrollment actor, Object request) {
        return Wire.decode(evaluate(actor, "event:Batch", request), Recordings.class);
    }

    /** EPCIS 2.0 events of another system's document: {@code {"context","events":[…]}}. */
    public Receipt<Recordings> capture(Enrollment actor, Object request) {
        return submit(actor, "event:Capture", request, Recordings.class);
    }

    public StoredEvent event(Enrollment actor, String eventId) {
        return Wire.decode(eventJson(actor, eventId), StoredEvent.class);
    }

    /** Up to 500 events in one query, in the order given. */
    public List<StoredEvent> events(Enrollment actor, List<String> eventIds) {
        return Wire.decode(eventsJson(actor, eventIds), EVENTS);
    }

    public List<InputApplication> plotInputs(Enrollment actor, String plotId) {
        return Wire.decode(plotInputsJson(actor, plotId), INPUTS);
    }

    // Inspections and certificates
    public Receipt<Recorded> labResult(Enrollment actor, Object request) {
        return recorded(actor, "inspection:RecordLabResult", request);
    }

    public Receipt<CertificateView> issueCertificate(Enrollment actor, Object request) {
        return submit(actor, "inspection:IssueCertificate", request, CertificateView.class);
    }

    public Receipt<CertificateView> issueCommitment(Enrollment actor, Object request) {
        return submit(actor, "inspection:IssueCommitment", request, CertificateView.class);
    }

    public Receipt<CertificateView> revokeCertificate(Enrollment actor, Object request) {
        return submit(actor, "inspection:RevokeCertificate", request, CertificateView.class);
    }

    public Receipt<Recorded> grade(Enrollment actor, Object request) {
        return recorded(actor, "inspection:Grade", request);
    }

    /** Certificates of a lot ({@code {"gtin","lotCode"}}) or an organisation ({@code {"mspId"}}). */
    public List<CertificateView> certificates(Enrollment actor, Object subject) {
        return Wire.decode(certificatesJson(actor, subject), CERTIFICATES);
    }

    public Page<RankingEntry> ranking(Enrollment actor, Object query) {
        return Wire.page(rankingJson(actor, query), RankingEntry.class);
    }

    // QR codes
    public Receipt<SigningKey> registerSigningKey(Enrollment actor, Object request) {
        return submit(actor, "qr:RegisterKey", request, SigningKey.class);
    }

    public Receipt<SigningKey> revokeSigningKey(Enrollment actor, Object request) {
        return submit(actor, "qr:RevokeKey", request, SigningKey.class);
    }

    public Receipt<IssuanceRecord> recordIssuance(Enrollment actor, Object request) {
        return submit(actor, "qr:RecordIssuance", request, IssuanceRecord.class);
    }

    /** Every organisation's keys, revoked ones too, when {@code mspId} is null. */
    public List<SigningKey> signingKeys(Enrollment actor, String mspId) {
        return Wire.decode(evaluate(actor, "qr:Keys", mspId == null ? obj() : obj("mspId", mspId)), KEYS);
    }

    public List<IssuanceRecord> issuances(Enrollment actor, String gtin, String lotCode) {
        return Wire.decode(evaluate(actor, "qr:Issuances", lotRef(gtin, lotCode)), ISSUANCES);
    }

    // Evidence files (kept off the ledger; the ledger has their hashes)
    public Receipt<Attachment> attachEvidence(Enrollment actor, Object request) {
        return submit(actor, "evidence:Attach", request, Attachment.class);
    }

    /** A lot's files, or with {@code lotCode} null the product's. */
    public List<Attachment> evidence(Enrollment actor, String gtin, String lotCode) {
        return Wire.decode(evidenceJson(actor, gtin, lotCode), ATTACHMENTS);
    }

    // Commercial terms of shipments: private data, so the terms travel in the transient map (under
    // "terms"), never as an argument, which is on the channel.
    public Receipt<Map<?, ?>> recordTerms(Enrollment actor, String shipmentEventId, byte[] termsJson) {
        Committed committed =
                submit(actor, "terms:Record", obj("shipmentEventId", shipmentEventId), Map.of(TERMS, termsJson));
        return new Receipt<>(Wire.decode(committed.json(), Map.class), committed);
    }

    /** The terms of a shipment, for its two parties only (the chaincode decides). */
    public String termsJson(Enrollment actor, String shipmentEventId) {
        return evaluate(actor, "terms:Get", obj("shipmentEventId", shipmentEventId));
    }

    /** Whether these terms are the ones recorded: their hash against the channel's. */
    public String verifyTermsJson(Enrollment actor, String shipmentEventId, byte[] termsJson) {
        return ledger.evaluate(
                actor, "terms:Verify", encode(obj("shipmentEventId", shipmentEventId)), Map.of(TERMS, termsJson));
    }

    // REST pass-through: the chaincode's JSON as the API's response body, never parsed here.
    public String evidenceJson(Enrollment actor, String gtin, String lotCode) {
        return evaluate(actor, "evidence:List", lotCode == null ? obj("gtin", gtin) : lotRef(gtin, lotCode));
    }

    public String organisationJson(Enrollment actor, String mspId) {
        return evaluate(actor, "org:Get", obj("mspId", mspId));
    }

    public String organisationsJson(Enrollment actor, Object page) {
        return evaluate(actor, "org:List", page);
    }

    public String locationJson(Enrollment actor, String id) {
        return evaluate(actor, "location:Get", obj("id", id));
    }

    public String locationsJson(Enrollment actor, Object query) {
        return evaluate(actor, "location:List", query);
    }

    public String productJson(Enrollment actor, String gtin) {
        return evaluate(actor, "product:Get", obj("gtin", gtin));
    }

    public String productsJson(Enrollment actor, Object page) {
        return evaluate(actor, "product:List", page);
    }

    public String lotJson(Enrollment actor, String gtin, String lotCode) {
        return evaluate(actor, "lot:Get", lotRef(gtin, lotCode));
    }

    public String lotsJson(Enrollment actor, Object query) {
        return evaluate(actor, "lot:List", query);
    }

    public String lotHistoryJson(Enrollment actor, String gtin, String lotCode) {
        return evaluate(actor, "lot:History", lotRef(gtin, lotCode));
    }

    public String lotEventsJson(Enrollment actor, Object query) {
        return evaluate(actor, "lot:Events", query);
    }

    public String lineageJson(Enrollment actor, Object query) {
        return evaluate(actor, "lot:Lineage", query);
    }

    /**
     * The stored event as the ledger holds it. Also what the EPCIS read model indexes: an EPCIS
     * event is an open JSON-LD document, kept and served as a document.
     */
    public String eventJson(Enrollment actor, String eventId) {
        return evaluate(actor, "event:Get", obj("eventId", eventId));
    }

    /** Up to 500 stored events in one query, in the order given, as a JSON array (see {@link #eventJson}). */
    /**
     * Which of these events (hash IDs, at most 500) the actor may read, and which of those without
     * quantities, as the chaincode decides.
     */
    public Readability readableEvents(Enrollment actor, List<String> eventIds) {
        return Wire.decode(evaluate(actor, "event:Readable", Map.of("eventIds", eventIds)), Readability.class);
    }

    public String eventsJson(Enrollment actor, List<String> eventIds) {
        return evaluate(actor, "event:GetMany", Map.of("eventIds", eventIds));
    }

    /** What the lineage read model keeps of up to 500 lots ({@code lot:Facts}), as a JSON array. */
    public String lotFactsJson(Enrollment actor, List<String> lots) {
        return evaluate(actor, "lot:Facts", Map.of("lots", lots));
    }

    public String plotInputsJson(Enrollment actor, String plotId) {
        return evaluate(actor, "event:PlotInputs", obj("plotId", plotId));
    }

    public String certificateJson(Enrollment actor, String issuerMsp, String number) {
        return evaluate(actor, "inspection:GetCertificate", obj("issuerMsp", issuerMsp, "number", number));
    }

    public String certificatesJson(Enrollment actor, Object subject) {
        return evaluate(actor, "inspection:Certificates", subject);
    }

    public String rankingJson(Enrollment actor, Object query) {
        return evaluate(actor, "inspection:Ranking", query);
    }

    private Receipt<Recorded> recorded(Enrollment actor, String transaction, Object request) {
        return submit(actor, transaction, request, Recorded.class);
    }

    private <T> Receipt<T> submit(Enrollment actor, String transaction, Object request, Class<T> answer) {
        Committed committed = submit(actor, transaction, request);
        return new Receipt<>(Wire.decode(committed.json(), answer), committed);
    }

    private Committed submit(Enrollment actor, String transaction, Object request) {
        return submit(actor, transaction, request, Map.of());
    }

    private Committed submit(Enrollment actor, String transaction, Object request, Map<String, byte[]> transientData) {
        String body = encode(request);
        LedgerException.Conflict last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return ledger.submit(actor, transaction, body, transientData);
            } catch (LedgerException.Conflict conflict) {
                if (conflict.attempts() > 1) {
                    // The adapter has retried it already, with backoff (Fabric): its answer is final.
                    throw conflict;
                }
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
