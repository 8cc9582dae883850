package io.heitu.chaincode.terms;

import io.heitu.chaincode.core.Json;
import io.heitu.chaincode.core.Texts;
import java.nio.charset.StandardCharsets;

/**
 * The commercial terms of one shipment. {@code salt} is random text the client adds so that the
 * hash on the channel cannot be matched by guessing a price: a price alone has few likely values.
 */
public record Terms(
        Price price, String contractNumber, String invoiceNumber, Customer customer, String paymentTerms, String salt) {

    /** The transient-map entry that carries the terms' JSON; never a proposal argument. */
    public static final String TRANSIENT_KEY = "terms";

    public Terms {
        Texts.require("price", price);
        contractNumber = Texts.optional("contractNumber", contractNumber, Texts.ID_MAX);
        invoiceNumber = Texts.optional("invoiceNumber", invoiceNumber, Texts.ID_MAX);
        paymentTerms = Texts.optional("paymentTerms", paymentTerms, Texts.NAME_MAX);
        salt = Texts.optional("salt", salt, Texts.ID_MAX);
    }

    /** The terms as transient bytes: JSON as the client sent it, read with the request limits. */
    static Terms parse(byte[] transientValue) {
        return Json.read(new String(transientValue, StandardCharsets.UTF_8), Terms.class);
    }

    /** The canonical bytes stored and hashed: the same terms give the same hash, whatever the field order. */
    byte[] canonical() {
        return Json.bytes(this);
    }
}
