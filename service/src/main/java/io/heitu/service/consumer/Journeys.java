package io.heitu.service.consumer;

import io.heitu.service.ledger.Ledger;
import io.heitu.service.ledger.TxProof;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Turns the EPCIS events of a lot and the lots it came from into the journey from plot to shelf,
 * and picks out the lab results. A truck's temperature readings become one step per lot and
 * carrier (coldest to warmest), or the page would be all thermometer.
 */
final class Journeys {

    static final int MAX_STEPS = 100;

    private final Names names;
    private final Ledger ledger;
    private final List<LotPage.Step> steps = new ArrayList<>();
    private final List<LotPage.Inspection> inspections = new ArrayList<>();
    private final Map<String, Sensors> sensors = new LinkedHashMap<>();

    Journeys(Names names, Ledger ledger) {
        this.names = names;
        this.ledger = ledger;
    }

    /** Adds one stored event ({@code {"event","eventId","lots","recordedBy","txId"}}), once per eventId. */
    void add(JsonNode item) {
        JsonNode event = item.path("event");
        String bizStep = event.path("bizStep").asString();
        String lotCode = EventFields.lotCode(event);
        if ("sensor_reporting".equals(bizStep)) {
            String key = lotCode + "|" + item.path("recordedBy").asString();
            sensors.computeIfAbsent(key, k -> new Sensors(item, lotCode)).add(event);
            return;
        }
        if ("sampling".equals(bizStep) && event.has("jl:labResults")) {
            inspections.add(inspection(event, lotCode));
        }
        steps.add(step(item, event, EventFields.stepName(event, bizStep), lotCode, EventFields.detail(event, bizStep)));
    }

    List<LotPage.Step> steps() {
        List<LotPage.Step> all = new ArrayList<>(steps);
        sensors.values().forEach(reading -> all.add(reading.step()));
        all.sort(Comparator.comparing(LotPage.Step::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return all.size() > MAX_STEPS ? all.subList(all.size() - MAX_STEPS, all.size()) : all;
    }

    List<LotPage.Inspection> inspections() {
        inspections.sort(Comparator.comparing(LotPage.Inspection::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return inspections;
    }

    private LotPage.Step step(JsonNode item, JsonNode event, String name, String lotCode, String detail) {
        String placeId = event.path("bizLocation")
                .path("id")
                .asString(event.path("readPoint").path("id").asString(""));
        Optional<JsonNode> place = names.place(placeId);
        Optional<JsonNode> to = names.place(EventFields.destination(event));
        String txId = item.path("txId").asString(null);
        OffsetDateTime at = Quantities.time(event.path("eventTime"));
        OffsetDateTime recorded = Quantities.time(event.path("recordTime"));
        boolean late = at != null && recorded != null && recorded.isAfter(at.plus(LotPage.Step.LATE));
        return new LotPage.Step(
                at,
                name,
                lotCode,
                names.org(item.path("recordedBy").asString()),
                place.map(p -> p.path("nameZh").asString(null)).orElse(null),
                place.map(p -> p.path("nameEn").asString(p.path("nameZh").asString(null)))
                        .orElse(null),
                to.map(p -> p.path("nameZh").asString(null)).orElse(null),
                to.map(p -> p.path("nameEn").asString(p.path("nameZh").asString(null)))
                        .orElse(null),
                EventFields.quantity(event),
                detail,
                txId,
                txId == null
                        ? null
                        : ledger.proof(txId).map(TxProof::blockNumber).orElse(null),
                late);
    }

    private static LotPage.Inspection inspection(JsonNode event, String lotCode) {
        List<LotPage.Measurement> results = new ArrayList<>();
        for (JsonNode result : event.path("jl:labResults")) {
            results.add(new LotPage.Measurement(
                    result.path("analyte").asString(),
                    Quantities.decimal(result.path("value")),
                    result.path("unit").asString(null),
                    Quantities.decimal(result.path("limit")),
                    result.path("pass").asBoolean()));
        }
        return new LotPage.Inspection(
                Quantities.time(event.path("eventTime")),
                lotCode,
                event.path("jl:reportNo").asString(null),
                event.path("jl:lab").asString(null),
                event.path("disposition").asString(null),
                results);
    }

    /** Temperature readings of one lot by one carrier, summed up as one step. */
    private final class Sensors {
        private final JsonNode first;
        private final String lotCode;
        private OffsetDateTime last;
        private BigDecimal min;
        private BigDecimal max;

        Sensors(JsonNode first, String lotCode) {
            this.first = first;
            this.lotCode = lotCode;
        }

        void add(JsonNode event) {
            OffsetDateTime at = Quantities.time(event.path("eventTime"));
            last = last == null || (at != null && at.isAfter(last)) ? at : last;
            for (JsonNode element : event.path("sensorElementList")) {
                for (JsonNode report : element.path("sensorReport")) {
                    if ("gs1:Temperature".equals(report.path("type").asString())
                            && report.path("value").isNumber()) {
                        BigDecimal value = report.path("value").decimalValue();
                        min = min == null || value.compareTo(min) < 0 ? value : min;
                        max = max == null || value.compareTo(max) > 0 ? value : max;
                    }
                }
            }
        }

        LotPage.Step step() {
            String range = min == null
                    ? null
                    : min.stripTrailingZeros().toPlainString() + "–"
                            + max.stripTrailingZeros().toPlainString() + " °C";
            LotPage.Step step = Journeys.this.step(first, first.path("event"), "sensor_reporting", lotCode, range);
            return new LotPage.Step(
                    last,
                    step.step(),
                    lotCode,
                    step.by(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    range,
                    step.txId(),
                    step.blockNumber(),
                    step.lateRecorded());
        }
    }
}
