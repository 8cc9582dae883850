package io.heitu.chaincode.product;

import io.heitu.chaincode.location.Geo;

/**
 * The registered area of a geographical indication (舒兰大米, 抚松人参 …): a lot of a product
 * carrying the indication is made only from harvests on plots inside it.
 */
public record GiArea(String giName, Geo area, String registeredBy, String registeredAt) {}
