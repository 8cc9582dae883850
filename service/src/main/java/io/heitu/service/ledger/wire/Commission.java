package io.heitu.service.ledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The request of {@code lot:Commission}: a harvest or slaughter making a new lot at a plot or
 * pasture, with its instance/lot master data ({@code ilmd}, e.g. {@code variety}). Pinned by the
 * golden wire files like the answers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Commission(
        String gtin,
        String lotCode,
        Quantity quantity,
        String origin,
        String plotId,
        String eventTime,
        Map<String, Object> ilmd) {}
