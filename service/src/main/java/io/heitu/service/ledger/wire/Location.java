package io.heitu.service.ledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;

/** A plot, pasture, mill, warehouse or store as {@code location:Get} answers. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Location(
        String id,
        String ownerMsp,
        String kind,
        String nameZh,
        String nameEn,
        String gln,
        Address address,
        BigDecimal areaMu,
        Soil soil,
        Geo geo,
        String registeredAt) {

    /** Whether crops or animals are raised there. */
    public boolean farmed() {
        return "plot".equals(kind) || "pasture".equals(kind);
    }

    /** Where it is, county required. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(String province, String city, String county, String township, String village) {}

    /**
     * Where it is, as GeoJSON: a {@code Point} {@code [lon, lat]} or a {@code Polygon} of rings.
     *
     * @param coordinates decimals as the ledger holds them
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Geo(String type, tools.jackson.databind.JsonNode coordinates) {}

    /** The black-soil record of a plot. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Soil(
            BigDecimal organicMatterPct, BigDecimal ph, BigDecimal blackSoilDepthCm, String tillage, String practice) {}
}
