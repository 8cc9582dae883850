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
