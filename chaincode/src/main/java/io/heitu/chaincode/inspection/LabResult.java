package io.heitu.chaincode.inspection;

import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.epcis.LotRef;
import java.util.List;

/**
 * Request of {@code inspection:RecordLabResult}: results for a lot, from a destructive sample
 * ({@code sampling}) or a non-destructive check ({@code inspecting}).
 */
public record LabResult(
        String gtin,
        String lotCode,
        String kind,
        String eventTime,
        String reportNo,
        String lab,
        List<Measurement> results) {

    static final int MAX_RESULTS = 200;

    public LabResult {
        new LotRef(gtin, lotCode);
        kind = kind == null ? "sampling" : kind;
        if (!kind.equals("sampling") && !kind.equals("inspecting")) {
            throw Texts.invalid("kind must be sampling or inspecting");
        }
        Texts.require("eventTime", eventTime);
        reportNo = Texts.optional("reportNo", reportNo, Texts.ID_MAX);
        lab = Texts.optional("lab", lab, Texts.NAME_MAX);
        if (results == null || results.isEmpty() || results.size() > MAX_RESULTS) {
            throw Texts.invalid("results must hold 1 to " + MAX_RESULTS + " measurements");
        }
        results = List.copyOf(results);
    }

    LotRef ref() {
        return new LotRef(gtin, lotCode);
    }

    boolean conformant() {
        return results.stream().allMatch(Measurement::pass);
    }
}
