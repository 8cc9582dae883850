package io.heitu.service.ledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A pesticide or fertiliser applied to a plot, as {@code event:PlotInputs} lists them. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InputApplication(
        String eventId,
        String plotId,
        String inputType,
        String productName,
        String activeIngredient,
        String appliedAt,
        int phiDays,
        String safeFrom) {}
