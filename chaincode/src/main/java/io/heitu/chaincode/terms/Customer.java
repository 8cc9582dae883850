package io.heitu.chaincode.terms;

import io.heitu.chaincode.core.Texts;

/** Who the buyer's side is beyond the organisation: the contact, where to deliver, whom to invoice. */
public record Customer(String name, String contact, String phone, String address, String taxId) {

    public Customer {
        name = Texts.optional("customer.name", name, Texts.NAME_MAX);
        contact = Texts.optional("customer.contact", contact, Texts.NAME_MAX);
        phone = Texts.optional("customer.phone", phone, Texts.ID_MAX);
        address = Texts.optional("customer.address", address, Texts.NAME_MAX);
        taxId = Texts.optional("customer.taxId", taxId, Texts.ID_MAX);
    }
}
