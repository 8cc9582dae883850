package io.heitu.chaincode.product;

import io.heitu.chaincode.core.Change;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Times;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.Quantity;
import io.heitu.chaincode.location.Location;
import io.heitu.chaincode.location.Locations;
import io.heitu.chaincode.org.Organisations;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;

/**
 * The regulator's master data that bounds what the ledger lets come into being: the maximum
 * yield of a product per mu and season, the yield of one product from another, the areas of
 * geographical indications, and which products need a passing inspection before codes; and the
 * licences owners give to make lots under their GTINs.
 */
public final class Norms {

    static final String POLICY = "policy";
    static final String YIELD = "yield";
    static final String GI_AREA = "giarea";
    static final String LICENCE = "licence";

    private Norms() {}

    static ProductPolicy setPolicy(Tx tx, NormRequests.SetPolicy request) {
        Products.get(tx, request.gtin());
        ProductPolicy policy = new ProductPolicy(
                request.gtin(),
                request.inspectionRequired(),
                request.maxYieldPerMu(),
                tx.caller().mspId(),
                Times.format(tx.time()));
        tx.put(tx.key(POLICY, request.gtin()), policy);
        tx.emit("ProductPolicySet", Change.of(POLICY, request.gtin()));
        return policy;
    }

    static YieldLimit setYield(Tx tx, NormRequests.SetYield request) {
        Products.get(tx, request.inputGtin());
        Products.get(tx, request.outputGtin());
        YieldLimit limit = new YieldLimit(
                request.inputGtin(),
                request.outputGtin(),
                request.maxRatio(),
                tx.caller().mspId(),
                Times.format(tx.time()));
        tx.put(tx.key(YIELD, request.inputGtin(), request.outputGtin()), limit);
        tx.emit("YieldSet", Change.of(YIELD, request.inputGtin() + "/" + request.outputGtin()));
        return limit;
    }

    static GiArea registerGiArea(Tx tx, NormRequests.RegisterGiArea request) {
        GiArea area = new GiArea(request.giName(), request.area(), tx.caller().mspId(), Times.format(tx.time()));
        tx.put(tx.key(GI_AREA, request.giName()), area);
        tx.emit("GiAreaRegistered", Change.of(GI_AREA, request.giName()));
        return area;
    }

    static Licence license(Tx tx, NormRequests.ForLicensee request) {
        requireOwner(tx, request.gtin());
        Organisations.get(tx, request.mspId());
        Licence licence =
                new Licence(request.gtin(), request.mspId(), tx.caller().mspId(), Times.format(tx.time()));
        tx.put(tx.key(LICENCE, request.gtin(), request.mspId()), licence);
        tx.emit("LicenceGranted", Change.of(LICENCE, request.gtin() + "/" + request.mspId()));
        return licence;
    }

    static Licence revokeLicence(Tx tx, NormRequests.ForLicensee request) {
        requireOwner(tx, request.gtin());
        String key = tx.key(LICENCE, request.gtin(), request.mspId());
        Licence licence = tx.read(key, Licence.class)
                .orElseThrow(() -> new TraceException(
                        ErrorCode.GTIN_NOT_OWNED, request.mspId() + " holds no licence for " + request.gtin()));
        tx.delete(key);
        tx.emit("LicenceRevoked", Change.of(LICENCE, request.gtin() + "/" + request.mspId()));
        return licence;
    }

    private static void requireOwner(Tx tx, String gtin) {
        Product product = Products.get(tx, gtin);
        if (!product.ownerMsp().equals(tx.caller().mspId())) {
            throw new TraceException(ErrorCode.GTIN_NOT_OWNED, "GTIN " + gtin + " belongs to " + product.ownerMsp());
        }
    }

    /** Lots come only under GTINs the maker owns or is licensed to use. */
    public static void requireMaker(Tx tx, Product product, String mspId) {
        if (!product.ownerMsp().equals(mspId) && !tx.exists(tx.key(LICENCE, product.gtin(), mspId))) {
            throw new TraceException(
                    ErrorCode.GTIN_NOT_OWNED,
                    mspId + " neither owns GTIN " + product.gtin() + " nor holds a licence to make lots under it");
        }
    }

    public static Optional<ProductPolicy> policy(Tx tx, String gtin) {
        return tx.read(tx.key(POLICY, gtin), ProductPolicy.class);
    }

    /** A passing inspection before codes: where the registrant or the regulator asks for one, and for every GI product. */
    public static boolean inspectionRequired(Tx tx, Product product) {
        return product.inspectionRequired()
                || product.giName() != null
                || policy(tx, product.gtin())
                        .map(ProductPolicy::inspectionRequired)
                        .orElse(false);
    }

    /** The regulator's most per mu and season, refused when none is registered: no harvest goes unbounded. */
    public static Quantity maxYieldPerMu(Tx tx, Product product) {
        return policy(tx, product.gtin())
                .map(ProductPolicy::maxYieldPerMu)
                .orElseThrow(() -> new TraceException(
                        ErrorCode.YIELD_NOT_REGISTERED,
                        "no maximum yield per mu is registered for product " + product.gtin()));
    }

    /** The registered yield of {@code output} from {@code input}, if the regulator set one. */
    public static Optional<BigDecimal> yieldOf(Tx tx, String inputGtin, String outputGtin) {
        return tx.read(tx.key(YIELD, inputGtin, outputGtin), YieldLimit.class).map(YieldLimit::maxRatio);
    }

    /**
     * A lot of a product with a geographical indication comes only from plots inside the
     * indication's registered area, all of them, and never from sources the ledger does not know.
     */
    public static void requireGiOrigin(Tx tx, Product product, Collection<String> plots, boolean unknownSources) {
        if (product.giName() == null) {
            return;
        }
        GiArea area = tx.read(tx.key(GI_AREA, product.giName()), GiArea.class)
                .orElseThrow(() -> new TraceException(
                        ErrorCode.NOT_IN_GI_AREA, "no area is registered for the indication " + product.giName()));
        if (unknownSources || plots.isEmpty()) {
            throw new TraceException(
                    ErrorCode.NOT_IN_GI_AREA,
                    product.giName() + " is made only from harvests the ledger knows, on plots in its area");
        }
        for (String plotId : plots) {
            Location plot = Locations.get(tx, plotId);
            if (plot.geo() == null || !area.area().contains(plot.geo())) {
                throw new TraceException(
                        ErrorCode.NOT_IN_GI_AREA,
                        "plot " + plotId + " is not inside the registered area of " + product.giName());
            }
        }
    }
}
