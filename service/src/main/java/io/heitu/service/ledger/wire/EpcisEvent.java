package io.heitu.service.ledger.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An EPCIS 2.0 event as the ledger holds it. Unlike the chaincode's own records an event is an open
 * JSON-LD document: events captured from other systems carry any extension, so this type reads the
 * fields the service uses, tolerating whatever else (or whatever shape) a document has, instead of
 * binding the whole document to fixed types. The Jilin extension fields are {@code jl:…}.
 */
public final class EpcisEvent {

    private final JsonNode document;

    private EpcisEvent(JsonNode document) {
        this.document = document;
    }

    @JsonCreator
    public static EpcisEvent of(ObjectNode document) {
        return new EpcisEvent(document);
    }

    /** The document itself, for the EPCIS interface (which serves events as documents). */
    @JsonValue
    public JsonNode document() {
        return document;
    }

    public String eventId() {
        return text("eventID");
    }

    public String type() {
        return text("type");
    }

    /** The CBV step as the ledger wrote it ({@code commissioning}, {@code shipping} …). */
    public String bizStep() {
        return text("bizStep");
    }

    public String disposition() {
        return text("disposition");
    }

    /** The event time as written (ISO-8601 with offset); null when absent. */
    public String eventTime() {
        return text("eventTime");
    }

    /** {@code jl:origin}: {@code harvest} or {@code slaughter} on a commissioning event. */
    public String origin() {
        return text("jl:origin");
    }

    /** {@code jl:transformationKind}: drying, milling, packing … */
    public String transformationKind() {
        return text("jl:transformationKind");
    }

    /** {@code jl:statusAction}: hold, release or recall. */
    public String statusAction() {
        return text("jl:statusAction");
    }

    public String reportNo() {
        return text("jl:reportNo");
    }

    public String lab() {
        return text("jl:lab");
    }

    /** {@code jl:reason} of a hold or recall. */
    public String reason() {
        return text("jl:reason");
    }

    public String gradeLabel() {
        JsonNode label = document.path("jl:grade").path("label");
        return label.isString() ? label.asString() : null;
    }

    /** Where it happened: the business location, else the read point; null when neither. */
    public String placeId() {
        String bizLocation = document.path("bizLocation").path("id").asString(null);
        return bizLocation != null
                ? bizLocation
                : document.path("readPoint").path("id").asString(null);
    }

    /** The first destination of type {@code location}; null when none. */
    public String destinationLocation() {
        for (JsonNode destination : document.path("destinationList")) {
            if ("location".equals(destination.path("type").asString())) {
                return destination.path("destination").asString();
            }
        }
        return null;
    }

    /** Whether the event carries lab results ({@code jl:labResults}). */
    public boolean hasLabResults() {
        return document.has("jl:labResults");
    }

    public List<LabResult> labResults() {
        List<LabResult> results = new ArrayList<>();
        for (JsonNode result : document.path("jl:labResults")) {
            results.add(new LabResult(
                    result.path("analyte").asString(),
                    decimal(result.path("value")),
                    result.path("unit").asString(null),
                    decimal(result.path("limit")),
                    result.path("pass").asBoolean()));
        }
        return results;
    }

    /** The numeric {@code gs1:Temperature} readings of the event's sensor reports. */
    public List<BigDecimal> temperatures() {
        List<BigDecimal> readings = new ArrayList<>();
        for (JsonNode element : document.path("sensorElementList")) {
            for (JsonNode report : element.path("sensorReport")) {
                if ("gs1:Temperature".equals(report.path("type").asString())
                        && report.path("value").isNumber()) {
                    readings.add(report.path("value").decimalValue());
                }
            }
        }
        return readings;
    }

    /**
     * What a transformation made, or how much of the lot an object event moved: the first entry with
     * a quantity of the output list, else of the quantity list; null when none has one.
     */
    public Quantity movedQuantity() {
        for (JsonNode entry : movedList()) {
            if (entry.has("quantity")) {
                JsonNode value = entry.path("quantity");
                return new Quantity(
                        value.isNumber() ? value.decimalValue() : null,
                        entry.path("uom").asString());
            }
        }
        return null;
    }

    /** The EPC class of the first entry of the output list, else of the quantity list; "" when none. */
    public String movedClass() {
        return movedList().path(0).path("epcClass").asString("");
    }

    private JsonNode movedList() {
        return document.has("outputQuantityList") ? document.path("outputQuantityList") : document.path("quantityList");
    }

    private String text(String field) {
        JsonNode value = document.path(field);
        return value.isString() ? value.asString() : null;
    }

    private static BigDecimal decimal(JsonNode value) {
        return value.isNumber() ? value.decimalValue() : null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EpcisEvent event && event.document.equals(document);
    }

    @Override
    public int hashCode() {
        return document.hashCode();
    }

    @Override
    public String toString() {
        return "EpcisEvent[" + eventId() + "]";
    }

    /** One measurement of a lab report against its limit. */
    public record LabResult(String analyte, BigDecimal value, String unit, BigDecimal limit, boolean pass) {}
}
