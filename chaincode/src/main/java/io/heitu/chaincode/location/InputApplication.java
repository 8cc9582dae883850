package io.heitu.chaincode.location;

/**
 * A fertiliser, pesticide or veterinary drug applied on a plot, with the pre-harvest interval
 * (安全间隔期) after which its crop may be harvested.
 */
public record InputApplication(
        String eventId,
        String plotId,
        String inputType,
        String productName,
        String activeIngredient,
        String appliedAt,
        int phiDays,
        String safeFrom) {}
