package io.heitu.chaincode.event;

import io.heitu.chaincode.core.Decimals;
import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.core.Words;
import java.math.BigDecimal;

/**
 * Request of {@code event:ApplyInput}: a fertiliser, pesticide or drug applied on a plot. The
 * pre-harvest interval (days) is required for plant-protection products and veterinary drugs.
 */
public record ApplyInput(
        String plotId,
        String eventTime,
        String inputType,
        String productName,
        String activeIngredient,
        String registrationNo,
        BigDecimal dose,
        String doseUnit,
        BigDecimal treatedAreaMu,
        Integer phiDays,
        String operator,
        String note,
        Integer line) {

    /** Kinds of input; the ones that need a pre-harvest interval come first. */
    enum InputType {
        PESTICIDE,
        HERBICIDE,
        FUNGICIDE,
        INSECTICIDE,
        VETERINARY_DRUG,
        FERTILISER,
        ORGANIC_FERTILISER,
        OTHER;

        boolean needsInterval() {
            return ordinal() <= VETERINARY_DRUG.ordinal();
        }
    }

    public ApplyInput {
        plotId = Texts.id("plotId", plotId);
        Texts.require("eventTime", eventTime);
        InputType type = Words.parse(InputType.class, "inputType", Texts.require("inputType", inputType));
        productName = Texts.required("productName", productName, Texts.NAME_MAX);
        activeIngredient = Texts.optional("activeIngredient", activeIngredient, Texts.NAME_MAX);
        registrationNo = Texts.optional("registrationNo", registrationNo, Texts.ID_MAX);
        dose = Decimals.positive("dose", dose);
        doseUnit = Texts.required("doseUnit", doseUnit, 32);
        treatedAreaMu = Decimals.nonNegative("treatedAreaMu", treatedAreaMu);
        if (phiDays == null) {
            if (type.needsInterval()) {
                throw Texts.invalid("phiDays (pre-harvest interval) is required for a " + inputType);
            }
            phiDays = 0;
        }
        if (phiDays < 0 || phiDays > 365) {
            throw Texts.invalid("phiDays must be between 0 and 365");
        }
        operator = Texts.optional("operator", operator, Texts.NAME_MAX);
        note = Texts.optional("note", note, Texts.NOTE_MAX);
        line = Texts.line(line);
    }
}
