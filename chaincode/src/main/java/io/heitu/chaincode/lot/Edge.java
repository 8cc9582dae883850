package io.heitu.chaincode.lot;

import io.heitu.chaincode.epcis.Quantity;

/**
 * One step of lineage from a parent lot to a child lot: the transformation event, its kind, when,
 * how much of the parent went in and how much of the child came out.
 */
public record Edge(
        String parent, String child, String eventId, String kind, String at, Quantity consumed, Quantity produced) {}
