package io.heitu.chaincode.product;

import io.heitu.chaincode.epcis.Quantity;

/**
 * What the regulator decides about a product: whether its lots need a passing inspection before
 * codes are issued (a product with a geographical indication always does), and the most of it one
 * mu (亩) may yield in a season, which bounds every harvest of it.
 */
public record ProductPolicy(
        String gtin, boolean inspectionRequired, Quantity maxYieldPerMu, String setBy, String setAt) {}
