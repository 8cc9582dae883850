package io.heitu.chaincode.location;

import com.fasterxml.jackson.databind.JsonNode;
import io.heitu.chaincode.core.Decimals;
import io.heitu.chaincode.core.Texts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * True when every position of {@code place} (a point, or each corner of a plot's outline) lies
     * inside this polygon (inside its outer ring and outside its holes). Exact decimal arithmetic,
     * so every peer decides alike; a position on an edge may fall either side.
     */
    public boolean contains(Geo place) {
        if (!"Polygon".equals(type)) {
            return false;
        }
        List<JsonNode> positions = new ArrayList<>();
        if ("Point".equals(place.type())) {
            positions.add(place.coordinates());
        } else {
            place.coordinates().get(0).forEach(positions::add);
        }
        for (JsonNode position : positions) {
            if (!inside(coordinates.get(0), position)) {
                return false;
            }
            for (int hole = 1; hole < coordinates.size(); hole++) {
                if (inside(coordinates.get(hole), position)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Ray casting along +x, with the division of the crossing point multiplied out. */
    private static boolean inside(JsonNode ring, JsonNode position) {
        BigDecimal x = position.get(0).decimalValue();
        BigDecimal y = position.get(1).decimalValue();
        boolean inside = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            BigDecimal xi = ring.get(i).get(0).decimalValue();
            BigDecimal yi = ring.get(i).get(1).decimalValue();
            BigDecimal xj = ring.get(j).get(0).decimalValue();
            BigDecimal yj = ring.get(j).get(1).decimalValue();
            if ((yi.compareTo(y) > 0) != (yj.compareTo(y) > 0)) {
                BigDecimal dy = yj.subtract(yi);
                BigDecimal left = x.subtract(xi).multiply(dy);
                BigDecimal right = xj.subtract(xi).multiply(y.subtract(yi));
                if (dy.signum() > 0 ? left.compareTo(right) < 0 : left.compareTo(right) > 0) {
                    inside = !inside;
                }
            }
        }
        return inside;
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
