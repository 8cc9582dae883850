package io.heitu.chaincode.product;

import io.heitu.chaincode.core.Action;
import io.heitu.chaincode.core.Json;
import io.heitu.chaincode.core.PageRequest;
import io.heitu.chaincode.org.Gate;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** The product catalogue. */
@Contract(name = "product", info = @Info(title = "Products", version = "1"))
public final class ProductContract implements ContractInterface {

    /**
     * Registers a product under a GTIN whose check digit must be valid.
     *
     * @param request {@code {"gtin","nameZh","nameEn","category","giName","standard","inspectionRequired","netContent":{"value","uom"},"shelfLifeDays"}}
     * @return the product
     */
    @Transaction(name = "Register", intent = Transaction.TYPE.SUBMIT)
    public String register(Context ctx, String request) {
        return Gate.run(
                ctx, Action.PRODUCT_REGISTER, tx -> Products.register(tx, Json.read(request, RegisterProduct.class)));
    }

    /**
     * The regulator's decisions on a product: a passing inspection before codes, and the most one
     * mu may yield of it in a season (every harvest of it is bounded by it; without one, none).
     *
     * @param request {@code {"gtin","inspectionRequired","maxYieldPerMu":{"value","uom"}}}
     */
    @Transaction(name = "SetPolicy", intent = Transaction.TYPE.SUBMIT)
    public String setPolicy(Context ctx, String request) {
        return Gate.run(
                ctx,
                Action.PRODUCT_SET_POLICY,
                tx -> Norms.setPolicy(tx, Json.read(request, NormRequests.SetPolicy.class)));
    }

    /**
     * The most of {@code outputGtin} a kilogram of {@code inputGtin} may become (regulators).
     *
     * @param request {@code {"inputGtin","outputGtin","maxRatio"}}
     */
    @Transaction(name = "SetYield", intent = Transaction.TYPE.SUBMIT)
    public String setYield(Context ctx, String request) {
        return Gate.run(
                ctx,
                Action.PRODUCT_SET_YIELD,
                tx -> Norms.setYield(tx, Json.read(request, NormRequests.SetYield.class)));
    }

    /**
     * The area of a geographical indication, a GeoJSON Polygon (regulators).
     *
     * @param request {@code {"giName","area":{"type":"Polygon","coordinates":[…]}}}
     */
    @Transaction(name = "RegisterGiArea", intent = Transaction.TYPE.SUBMIT)
    public String registerGiArea(Context ctx, String request) {
        return Gate.run(
                ctx,
                Action.PRODUCT_REGISTER_GI_AREA,
                tx -> Norms.registerGiArea(tx, Json.read(request, NormRequests.RegisterGiArea.class)));
    }

    /**
     * Lets another organisation make lots under the caller's GTIN.
     *
     * @param request {@code {"gtin","mspId"}}
     */
    @Transaction(name = "License", intent = Transaction.TYPE.SUBMIT)
    public String license(Context ctx, String request) {
        return Gate.run(
                ctx,
                Action.PRODUCT_LICENSE,
                tx -> Norms.license(tx, Json.read(request, NormRequests.ForLicensee.class)));
    }

    /** @param request {@code {"gtin","mspId"}} */
    @Transaction(name = "RevokeLicence", intent = Transaction.TYPE.SUBMIT)
    public String revokeLicence(Context ctx, String request) {
        return Gate.run(
                ctx,
                Action.PRODUCT_REVOKE_LICENCE,
                tx -> Norms.revokeLicence(tx, Json.read(request, NormRequests.ForLicensee.class)));
    }

    /**
     * @param request {@code {"gtin"}}
     * @return the product
     */
    @Transaction(name = "Get", intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx, String request) {
        return Gate.run(
                ctx,
                Action.PRODUCT_GET,
                tx -> Products.get(tx, Json.read(request, ByGtin.class).gtin()));
    }

    /**
     * @param request {@code {"pageSize","bookmark"}}
     * @return {@code {"items":[…],"bookmark"}}
     */
    @Transaction(name = "List", intent = Transaction.TYPE.EVALUATE)
    public String list(Context ctx, String request) {
        return Gate.run(ctx, Action.PRODUCT_LIST, tx -> {
            PageRequest page = Json.read(request, PageRequest.class);
            return Products.list(tx, page.pageSize(), page.bookmark());
        });
    }

    record ByGtin(String gtin) {}
}
