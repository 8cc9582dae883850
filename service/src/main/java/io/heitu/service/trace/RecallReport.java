package io.heitu.service.trace;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A recall report for one lot, in the shape of an FSMA 204 electronic sortable spreadsheet: every
 * lot made from it (downstream) with who holds or carries how much now, every lot it was made from
 * (upstream), and the critical tracking events of all of them within the window, each row with the
 * key data elements.
 */
record RecallReport(
        String lot, OffsetDateTime from, OffsetDateTime to, List<Row> affected, List<Row> sources, List<Row> events) {

    static final List<String> COLUMNS = List.of(
            "Record",
            "Traceability lot code",
            "GTIN",
            "Product description",
            "Quantity",
            "Unit of measure",
            "Holder or party",
            "Location description",
            "Date",
            "Critical tracking event",
            "Reference document type",
            "Reference document number",
            "Traceability lot code source",
            "Status",
            "Lineage depth",
            "Verified",
            "Event ID");

    /** One line of the spreadsheet, in the order of {@link #COLUMNS}. */
    record Row(
            String record,
            String lotCode,
            String gtin,
            String product,
            String quantity,
            String unit,
            String party,
            String location,
            String date,
            String cte,
            String referenceType,
            String referenceNumber,
            String lotCodeSource,
            String status,
            Integer depth,
            Boolean verified,
            String eventId) {

        List<Object> cells() {
            return java.util.Arrays.asList(
                    record,
                    lotCode,
                    gtin,
                    product,
                    quantity,
                    unit,
                    party,
                    location,
                    date,
                    cte,
                    referenceType,
                    referenceNumber,
                    lotCodeSource,
                    status,
                    depth,
                    verified,
                    eventId);
        }
    }

    RecallReport {
        affected = List.copyOf(affected);
        sources = List.copyOf(sources);
        events = List.copyOf(events);
    }

    List<Row> all() {
        List<Row> all = new java.util.ArrayList<>(affected);
        all.addAll(sources);
        all.addAll(events);
        return all;
    }
}
