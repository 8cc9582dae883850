package io.heitu.service.epcis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What a recall report lists of an event (the key data elements of a critical tracking event), read
 * out of the EPCIS document once, when the read model stores it: a report of a hundred thousand
 * events then reads these few fields, not a hundred thousand documents. Every text is exactly what
 * the document says (its own spelling of times and URIs); names for URIs are the report's to find.
 *
 * @param hashId the event's CBV 2.0 hash ID (what the chaincode's read rule names)
 * @param at the event time, for the report's window and order
 * @param eventTime the event time as the document writes it
 * @param step the CBV step as a bare word (or the event type when it has none)
 * @param referenceTypes the business transaction types, as bare words, joined by {@code "; "}
 * @param references the business transaction identifiers, joined by {@code "; "}
 * @param location the business location's URI, else the read point's; null when it names neither
 * @param exportedId the eventID the EPCIS interface gives the event out under
 */
public record CriticalEvent(
        String hashId,
        Instant at,
        boolean verified,
        String eventTime,
        String step,
        String referenceTypes,
        String references,
        String location,
        List<Party> parties,
        List<Line> lines,
        String exportedId) {

    /** The EPCIS lists whose entries name a class of goods (a lot) with a quantity, in report order. */
    public static final List<String> QUANTITY_LISTS =
            List.of("quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList");

    /** A source ({@code to} false) or destination of the event, by URI. */
    public record Party(boolean to, String uri) {}

    /**
     * An entry of a quantity list: the lot (the document's own {@code epcClass} text), its quantity
     * and unit as text, empty when the entry gives none.
     */
    public record Line(String list, String epcClass, String quantity, String unit) {}

    public CriticalEvent {
        parties = List.copyOf(parties);
        lines = List.copyOf(lines);
    }

    /** The report's facts of an EPCIS event document (as the read model exports it). */
    public static CriticalEvent of(JsonNode event, String hashId, Instant at, boolean verified) {
        List<String> types = new ArrayList<>();
        List<String> references = new ArrayList<>();
        for (JsonNode transaction : event.path("bizTransactionList")) {
            types.add(word(transaction.path("type").asString("")));
            references.add(transaction.path("bizTransaction").asString(""));
        }
        List<Party> parties = new ArrayList<>();
        for (JsonNode source : event.path("sourceList")) {
            parties.add(new Party(false, source.path("source").asString("")));
        }
        for (JsonNode destination : event.path("destinationList")) {
            parties.add(new Party(true, destination.path("destination").asString("")));
        }
        List<Line> lines = new ArrayList<>();
        for (String list : QUANTITY_LISTS) {
            for (JsonNode element : event.path(list)) {
                lines.add(new Line(
                        list,
                        element.path("epcClass").asString(""),
                        element.path("quantity").asString(""),
                        element.has("quantity") ? element.path("uom").asString("EA") : ""));
            }
        }
        return new CriticalEvent(
                hashId,
                at,
                verified,
                event.path("eventTime").asString(),
                word(event.path("bizStep").asString(event.path("type").asString())),
                String.join("; ", types),
                String.join("; ", references),
                event.at("/bizLocation/id").asString(event.at("/readPoint/id").asString(null)),
                parties,
                lines,
                event.path("eventID").asString());
    }

    /**
     * The same event without its quantities, for a reader the chaincode lets see it only through
     * lineage: what {@code EventQuantities.withheld} leaves of the document (no quantity, no unit).
     */
    public CriticalEvent withQuantitiesWithheld() {
        List<Line> withheld = lines.stream()
                .map(line -> new Line(line.list(), line.epcClass(), "", ""))
                .toList();
        return new CriticalEvent(
                hashId,
                at,
                verified,
                eventTime,
                step,
                referenceTypes,
                references,
                location,
                parties,
                withheld,
                exportedId);
    }

    /** A CBV URI (GS1 Web vocabulary or URN) as its bare word; anything else as it is. */
    static String word(String value) {
        int dash = value.lastIndexOf('-');
        if (value.startsWith("https://ref.gs1.org/cbv/") && dash > 0) {
            return value.substring(dash + 1);
        }
        int colon = value.lastIndexOf(':');
        return value.startsWith("urn:epcglobal:cbv:") && colon > 0 ? value.substring(colon + 1) : value;
    }
}
