package io.heitu.chaincode.product;

import io.heitu.chaincode.epcis.Quantity;

/**
 * A trade item: a GTIN with its names, category, geographic indication (e.g. 舒兰大米, shown only
 * where an authorisation certificate backs it), product standard (e.g. GB/T 1354), whether a passing
 * inspection must come before codes are issued (一检一码), and the net content of one piece.
 */
public record Product(
        String gtin,
        String nameZh,
        String nameEn,
        Category category,
        String giName,
        String standard,
        boolean inspectionRequired,
        Quantity netContent,
        Integer shelfLifeDays,
        String ownerMsp,
        String registeredAt) {}
