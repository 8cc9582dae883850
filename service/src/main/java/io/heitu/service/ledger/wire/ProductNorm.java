package io.heitu.service.ledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;

/**
 * The regulator's master data that bounds what may come into being, and the licences owners give,
 * as {@code product:SetPolicy}, {@code product:SetYield}, {@code product:RegisterGiArea} and
 * {@code product:License} answer.
 */
public final class ProductNorm {

    private ProductNorm() {}

    /** Inspection before codes and the most one mu may yield in a season. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Policy(String gtin, boolean inspectionRequired, Quantity maxYieldPerMu, String setBy, String setAt) {}

    /** The most of one product a kilogram of another may become. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Yield(String inputGtin, String outputGtin, BigDecimal maxRatio, String setBy, String setAt) {}

    /** The area of a geographical indication (its polygon is not read here). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GiArea(String giName, String registeredBy, String registeredAt) {}

    /** A licence to make lots under another organisation's GTIN. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Licence(String gtin, String licenseeMsp, String grantedBy, String grantedAt) {}
}
