/**
 * Commercial terms of a shipment (price, contract and invoice numbers, customer details) kept as
 * private data: only the two trading parties hold and read them, the channel holds their hash.
 */
package io.heitu.chaincode.terms;
