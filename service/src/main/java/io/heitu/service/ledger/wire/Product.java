package io.heitu.service.ledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A product under its GTIN as {@code product:Get} answers. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Product(
        String gtin,
        String nameZh,
        String nameEn,
        String category,
        String giName,
        String standard,
        boolean inspectionRequired,
        Quantity netContent,
        Integer shelfLifeDays,
        String ownerMsp,
        String registeredAt) {}
