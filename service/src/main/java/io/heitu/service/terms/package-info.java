/**
 * Commercial terms of a shipment (price, contract and invoice numbers, customer details): recorded
 * as private data of the two trading parties, read by them alone; the channel holds only a hash.
 */
package io.heitu.service.terms;
