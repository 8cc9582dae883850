package io.heitu.service.lot.page;

import io.heitu.service.ledger.Ledger;
import io.heitu.service.ledger.TxProof;
import io.heitu.service.ledger.wire.EpcisEvent;
import io.heitu.service.ledger.wire.Location;
import io.heitu.service.ledger.wire.StoredEvent;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** Adds one stored event; the caller adds each eventId once. */
    void add(StoredEvent item) {
        EpcisEvent event = item.event();
        String bizStep = text(event.bizStep());
        String lotCode = EventFields.lotCode(event);
        if ("sensor_reporting".equals(bizStep)) {
            String key = lotCode + "|" + text(item.recordedBy());
            sensors.computeIfAbsent(key, k -> new Sensors(item, lotCode)).add(event);
            return;
        }
        if ("sampling".equals(bizStep) && event.hasLabResults()) {
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

    private LotPage.Step step(StoredEvent item, EpcisEvent event, String name, String lotCode, String detail) {
        Optional<Location> place = names.place(event.placeId());
        Optional<Location> to = names.place(event.destinationLocation());
        String txId = item.txId();
        return new LotPage.Step(
                Quantities.time(event.eventTime()),
                name,
                lotCode,
                names.org(text(item.recordedBy())),
                place.map(Location::nameZh).orElse(null),
                place.map(Journeys::nameEn).orElse(null),
                to.map(Location::nameZh).orElse(null),
                to.map(Journeys::nameEn).orElse(null),
                EventFields.quantity(event),
                detail,
                txId,
                txId == null
                        ? null
                        : ledger.proof(txId).map(TxProof::blockNumber).orElse(null));
    }

    private static LotPage.Inspection inspection(EpcisEvent event, String lotCode) {
        List<LotPage.Measurement> results = new ArrayList<>();
        for (EpcisEvent.LabResult result : event.labResults()) {
            results.add(new LotPage.Measurement(
                    result.analyte(),
                    Quantities.decimal(result.value()),
                    result.unit(),
                    Quantities.decimal(result.limit()),
                    result.pass()));
        }
        return new LotPage.Inspection(
                Quantities.time(event.eventTime()),
                lotCode,
                event.reportNo(),
                event.lab(),
                event.disposition(),
                results);
    }

    /** A place's English name, its Chinese one when it has none. */
    private static String nameEn(Location place) {
        return place.nameEn() != null ? place.nameEn() : place.nameZh();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** Temperature readings of one lot by one carrier, summed up as one step. */
    private final class Sensors {
        private final StoredEvent first;
        private final String lotCode;
        private OffsetDateTime last;
        private BigDecimal min;
        private BigDecimal max;

        Sensors(StoredEvent first, String lotCode) {
            this.first = first;
            this.lotCode = lotCode;
        }

        void add(EpcisEvent event) {
            OffsetDateTime at = Quantities.time(event.eventTime());
            last = last == null || (at != null && at.isAfter(last)) ? at : last;
            for (BigDecimal value : event.temperatures()) {
                min = min == null || value.compareTo(min) < 0 ? value : min;
                max = max == null || value.compareTo(max) > 0 ? value : max;
            }
        }

        LotPage.Step step() {
            String range = min == null
                    ? null
                    : min.stripTrailingZeros().toPlainString() + "–"
                            + max.stripTrailingZeros().toPlainString() + " °C";
            LotPage.Step step = Journeys.this.step(first, first.event(), "sensor_reporting", lotCode, range);
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
                    step.blockNumber());
        }
    }
}
