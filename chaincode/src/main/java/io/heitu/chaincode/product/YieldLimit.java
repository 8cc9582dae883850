package io.heitu.chaincode.product;

import java.math.BigDecimal;

/**
 * The most of one product a kilogram of another may become (paddy → milled rice 0.72), registered
 * by the regulator: a transformation's outputs of {@code outputGtin} weigh at most this share of
 * its inputs of {@code inputGtin}.
 */
public record YieldLimit(String inputGtin, String outputGtin, BigDecimal maxRatio, String setBy, String setAt) {}
