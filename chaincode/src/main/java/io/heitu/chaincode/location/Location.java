package io.heitu.chaincode.location;

import java.math.BigDecimal;

/** A place: a farm plot (with area in mu and black-soil data), a warehouse, a mill, a store … */
public record Location(
        String id,
        String ownerMsp,
        LocationKind kind,
        String nameZh,
        String nameEn,
        String gln,
        Address address,
        Geo geo,
        BigDecimal areaMu,
        Soil soil,
        String registeredAt) {}
