package io.heitu.service.lot.page;

import io.heitu.service.ledger.wire.EpcisEvent;

/** What the journey reads off one stored EPCIS event: its step, lot, quantity and destination. */
final class EventFields {

    private EventFields() {}

    /** The word the page translates: harvest, drying, milling, packing, shipping, hold, recall, … */
    static String stepName(EpcisEvent event, String bizStep) {
        if (event.origin() != null) {
            return event.origin();
        }
        if (event.transformationKind() != null) {
            return event.transformationKind();
        }
        if (event.statusAction() != null) {
            return event.statusAction();
        }
        return bizStep;
    }

    static String detail(EpcisEvent event, String bizStep) {
        return switch (bizStep) {
            case "inspecting" -> event.gradeLabel();
            case "sampling" -> event.reportNo();
            case "holding" -> event.reason();
            default -> null;
        };
    }

    /** What a transformation made, or how much of the lot an object event moved. */
    static LotPage.Quantity quantity(EpcisEvent event) {
        return Quantities.of(event.movedQuantity());
    }

    /** The lot code of the lot the event made or moved (its Digital Link's {@code /10/}); null for others. */
    static String lotCode(EpcisEvent event) {
        String epcClass = event.movedClass();
        int at = epcClass.lastIndexOf("/10/");
        return at < 0 ? null : epcClass.substring(at + 4);
    }
}
