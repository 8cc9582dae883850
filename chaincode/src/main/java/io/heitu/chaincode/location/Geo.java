package io.heitu.chaincode.location;

import com.fasterxml.jackson.databind.JsonNode;
import io.heitu.chaincode.core.Decimals;
import io.heitu.chaincode.core.Texts;
import java.math.BigDecimal;

/**
 * Where a location is, in WGS-84 as GeoJSON writes it: a {@code Point} {@code [lon, lat]} or a
 * {@code Polygon} of closed rings. Coordinates stay exact decimals.
 */
public record Geo(String type, JsonNode coordinates) {

    private static final int MAX_RING_POINTS = 500;
    private static final int MAX_RINGS = 5;

    public Geo {
        Texts.require("geo.type", type);
        Texts.require("geo.coordinates", coordinates);
        switch (type) {
            case "Point" -> position(coordinates);
            case "Polygon" -> polygon(coordinates);
            default -> throw Texts.invalid("geo.type must be Point or Polygon");
        }
    }

    private static void polygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty() || rings.size() > MAX_RINGS) {
            throw Texts.invalid("a polygon has 1 to " + MAX_RINGS + " rings");
        }
        for (JsonNode ring : rings) {
            if (!ring.isArray() || ring.size() < 4 || ring.size() > MAX_RING_POINTS) {
                throw Texts.invalid("a polygon ring has 4 to " + MAX_RING_POINTS + " positions");
            }
            ring.forEach(Geo::position);
            if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
                throw Texts.invalid("a polygon ring must end where it starts");
            }
        }
    }

    private static void position(JsonNode position) {
        if (!position.isArray()
                || position.size() != 2
                || !position.get(0).isNumber()
                || !position.get(1).isNumber()) {
            throw Texts.invalid("a position is [longitude, latitude]");
        }
        Decimals.between(
                "longitude", position.get(0).decimalValue(), BigDecimal.valueOf(-180), BigDecimal.valueOf(180));
        Decimals.between("latitude", position.get(1).decimalValue(), BigDecimal.valueOf(-90), BigDecimal.valueOf(90));
    }
}
