package io.heitu.chaincode.product;

import io.heitu.chaincode.core.Change;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Page;
import io.heitu.chaincode.core.Role;
import io.heitu.chaincode.core.Times;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.Gs1;
import io.heitu.chaincode.epcis.Quantity;
import io.heitu.chaincode.epcis.Uom;
import io.heitu.chaincode.org.Organisations;
import java.math.BigDecimal;

/** The product catalogue, keyed by GTIN-14. */
public final class Products {

    static final String TYPE = "product";

    private Products() {}

    /** True when the GTIN is registered here: its lots come into being on this ledger only. */
    public static boolean registered(Tx tx, String gtin) {
        return tx.exists(tx.key(TYPE, Gs1.gtin(gtin)));
    }

    public static Product get(Tx tx, String gtin) {
        String gtin14 = Gs1.gtin(gtin);
        return tx.read(tx.key(TYPE, gtin14), Product.class)
                .orElseThrow(() ->
                        new TraceException(ErrorCode.PRODUCT_NOT_FOUND, "product " + gtin14 + " is not registered"));
    }

    /**
     * Kilograms in a quantity of this product: mass units directly, pieces through the product's net
     * content. Mass balance is checked in kilograms.
     */
    public static BigDecimal kilograms(Product product, Quantity quantity) {
        if (quantity.uom().isMass()) {
            return quantity.uom().toKilograms(quantity.value());
        }
        if (quantity.uom() == Uom.H87 && product.netContent() != null) {
            Quantity perPiece = product.netContent();
            return perPiece.uom().toKilograms(perPiece.value()).multiply(quantity.value());
        }
        throw new TraceException(
                ErrorCode.UNIT_MISMATCH,
                "product " + product.gtin() + " is counted in pieces without a net content, so its weight is unknown");
    }

    static Product register(Tx tx, RegisterProduct request) {
        String owner = request.ownerMsp() == null ? tx.caller().mspId() : request.ownerMsp();
        if (!owner.equals(tx.caller().mspId()) && tx.caller().role() != Role.ADMIN) {
            throw new TraceException(
                    ErrorCode.FORBIDDEN_NOT_OWNER, "only administrators register products for other organisations");
        }
        Organisations.requireOwned(Organisations.get(tx, owner), request.gtin().substring(1), "GTIN");
        String key = tx.key(TYPE, request.gtin());
        if (tx.exists(key)) {
            throw new TraceException(ErrorCode.PRODUCT_EXISTS, "product " + request.gtin() + " is already registered");
        }
        Product product = new Product(
                request.gtin(),
                request.nameZh(),
                request.nameEn(),
                request.category(),
                request.giName(),
                request.standard(),
                request.inspectionRequired(),
                request.netContent(),
                request.shelfLifeDays(),
                owner,
                Times.format(tx.time()));
        tx.put(key, product);
        tx.emit("ProductRegistered", Change.of(TYPE, product.gtin()));
        return product;
    }

    static Page<Product> list(Tx tx, Integer pageSize, String bookmark) {
        var rows = tx.page(Page.size(pageSize), bookmark, TYPE);
        return new Page<>(
                rows.items().stream().map(row -> row.as(Product.class)).toList(), rows.bookmark());
    }
}
