package io.heitu.chaincode.lot;

import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Row;
import io.heitu.chaincode.core.Times;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.epcis.Quantity;
import io.heitu.chaincode.epcis.Uom;
import io.heitu.chaincode.location.Location;
import io.heitu.chaincode.product.Norms;
import io.heitu.chaincode.product.Product;
import io.heitu.chaincode.product.Products;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Harvests and slaughters per plot and season: what bounds a harvest (the plot's area times the
 * product's registered maximum yield per mu, summed over the season, a calendar year in China) and
 * what an input application recorded later is checked against (its pre-harvest interval).
 */
public final class Harvests {

    static final String TYPE = "plotharvest";

    /** Bound on the harvests of one plot read in a transaction. */
    private static final int MAX_PER_PLOT = 10_000;

    private Harvests() {}

    /** A harvest as its plot remembers it. */
    public record Harvest(String gtin, String lotCode, Quantity quantity, String at) {}

    /** Refuses a harvest that would take the plot's season beyond the product's registered yield. */
    static void requireWithinYield(Tx tx, Product product, Location plot, Quantity quantity, Instant time) {
        Quantity perMu = Norms.maxYieldPerMu(tx, product);
        BigDecimal area = plot.areaMu() == null ? BigDecimal.ZERO : plot.areaMu();
        BigDecimal allowed = area.multiply(inUnitOf(product, perMu, perMu.uom()));
        BigDecimal season = inUnitOf(product, quantity, perMu.uom());
        for (Row row : tx.scan(MAX_PER_PLOT, TYPE, plot.id(), season(time))) {
            Harvest earlier = row.as(Harvest.class);
            if (earlier.gtin().equals(product.gtin())) {
                season = season.add(inUnitOf(product, earlier.quantity(), perMu.uom()));
            }
        }
        if (season.compareTo(allowed) > 0) {
            String unit = perMu.uom().isMass() ? "kg" : perMu.uom().code();
            throw new TraceException(
                    ErrorCode.YIELD_EXCEEDED,
                    "plot " + plot.id() + " (" + area.toPlainString() + " mu) may yield at most "
                            + allowed.stripTrailingZeros().toPlainString() + " " + unit + " of " + product.gtin()
                            + " in " + season(time) + "; this harvest would make it "
                            + season.stripTrailingZeros().toPlainString(),
                    Map.of(
                            "allowed", allowed.stripTrailingZeros().toPlainString(),
                            "season", season(time),
                            "total", season.stripTrailingZeros().toPlainString()));
        }
    }

    static void record(Tx tx, Location plot, LotRef ref, Quantity quantity, Instant time) {
        tx.put(
                tx.key(TYPE, plot.id(), season(time), ref.gtin(), ref.lotCode()),
                new Harvest(ref.gtin(), ref.lotCode(), quantity, Times.format(time)));
    }

    /** Every harvest recorded on the plot, every season. */
    public static List<Harvest> onPlot(Tx tx, String plotId) {
        return tx.scan(MAX_PER_PLOT, TYPE, plotId).stream()
                .map(row -> row.as(Harvest.class))
                .toList();
    }

    private static String season(Instant time) {
        return Integer.toString(time.atOffset(ZoneOffset.ofHours(8)).getYear());
    }

    /** Kilograms where the bound is a mass; otherwise the bound's own unit, which the harvest must be in. */
    private static BigDecimal inUnitOf(Product product, Quantity quantity, Uom unit) {
        if (unit.isMass()) {
            return Products.kilograms(product, quantity);
        }
        if (quantity.uom() != unit) {
            throw new TraceException(
                    ErrorCode.UNIT_MISMATCH,
                    "the maximum yield of " + product.gtin() + " is counted in " + unit + ", not " + quantity.uom());
        }
        return quantity.value();
    }
}
