package io.heitu.service.consumer;

import io.heitu.service.lot.page.LotPage;
import java.util.List;
import java.util.Locale;

/**
 * A small map of where a lot grew, drawn on the server as SVG (no tile service, no script): Jilin
 * province's extent with a few cities for bearings and a pin on the plot, and, for a field with an
 * outline, its shape to scale with a scale bar. Only numbers and known city names go into the
 * drawing; no text from the ledger.
 */
final class OriginMap {

    static final int WIDTH = 168;
    static final int HEIGHT = 120;

    /** The province's extent in degrees, a little beyond its borders. */
    private static final double WEST = 121.3;

    private static final double EAST = 131.5;
    private static final double SOUTH = 40.7;
    private static final double NORTH = 46.5;
    /** Degrees of longitude are shorter than of latitude up here: cos(43.6°). */
    private static final double LON_SCALE = Math.cos(Math.toRadians(43.6));

    private static final double EARTH_METRES_PER_DEGREE = 111_320;

    /** Cities for bearings (approximate city centres). */
    private record City(String zh, String en, double lon, double lat, boolean labelled) {}

    private static final List<City> CITIES = List.of(
            new City("长春", "Changchun", 125.32, 43.82, true),
            new City("吉林", "Jilin", 126.55, 43.84, false),
            new City("延吉", "Yanji", 129.51, 42.89, true),
            new City("四平", "Siping", 124.35, 43.17, false),
            new City("松原", "Songyuan", 124.82, 45.14, false),
            new City("白城", "Baicheng", 122.84, 45.62, false),
            new City("通化", "Tonghua", 125.94, 41.73, false),
            new City("白山", "Baishan", 126.42, 41.94, false),
            new City("辽源", "Liaoyuan", 125.14, 42.89, false),
            new City("敦化", "Dunhua", 128.23, 43.37, false));

    private OriginMap() {}

    /** The map, or null when the plot has no coordinates or lies outside the province's extent. */
    static String svg(LotPage.Geo geo, boolean english, String label) {
        if (geo == null || geo.lon() < WEST || geo.lon() > EAST || geo.lat() < SOUTH || geo.lat() > NORTH) {
            return null;
        }
        boolean outline = geo.outline().size() >= 4;
        int mapWidth = outline ? WIDTH - 56 : WIDTH;
        StringBuilder svg = new StringBuilder(2048);
        svg.append("<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" aria-label=\"")
                .append(escape(label))
                .append("\">");
        svg.append("<rect width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" rx=\"8\" fill=\"#e8efe0\"/>");
        graticule(svg, mapWidth);
        for (City city : CITIES) {
            double x = x(city.lon(), mapWidth);
            double y = y(city.lat(), mapWidth);
            svg.append("<circle cx=\"")
                    .append(f(x))
                    .append("\" cy=\"")
                    .append(f(y))
                    .append("\" r=\"2\" fill=\"#6b6357\"/>");
            if (city.labelled()) {
                svg.append("<text x=\"")
                        .append(f(x + 3))
                        .append("\" y=\"")
                        .append(f(y - 3))
                        .append("\" font-size=\"10\" fill=\"#3d362c\">")
                        .append(english ? city.en() : city.zh())
                        .append("</text>");
            }
        }
        double px = x(geo.lon(), mapWidth);
        double py = y(geo.lat(), mapWidth);
        svg.append("<circle cx=\"")
                .append(f(px))
                .append("\" cy=\"")
                .append(f(py))
                .append("\" r=\"7\" fill=\"#b3141b\" fill-opacity=\".25\"/>");
        svg.append("<path d=\"M")
                .append(f(px))
                .append(' ')
                .append(f(py))
                .append("l-5 -10a5.6 5.6 0 1 1 10 0z\" fill=\"#b3141b\" stroke=\"#fff\" stroke-width=\"1\"/>");
        if (outline) {
            field(svg, geo, mapWidth);
        }
        return svg.append("</svg>").toString();
    }

    private static void graticule(StringBuilder svg, int mapWidth) {
        svg.append("<g stroke=\"#c9d6bd\" stroke-width=\"1\">");
        for (int lon = 122; lon <= 131; lon += 2) {
            double x = x(lon, mapWidth);
            svg.append("<line x1=\"")
                    .append(f(x))
                    .append("\" y1=\"0\" x2=\"")
                    .append(f(x))
                    .append("\" y2=\"")
                    .append(HEIGHT)
                    .append("\"/>");
        }
        for (int lat = 41; lat <= 46; lat++) {
            double y = y(lat, mapWidth);
            svg.append("<line x1=\"0\" y1=\"")
                    .append(f(y))
                    .append("\" x2=\"")
                    .append(mapWidth)
                    .append("\" y2=\"")
                    .append(f(y))
                    .append("\"/>");
        }
        svg.append("</g>");
    }

    /** The field's outline to scale in a box at the right, with a scale bar. */
    private static void field(StringBuilder svg, LotPage.Geo geo, int mapWidth) {
        double metresPerLon = EARTH_METRES_PER_DEGREE * Math.cos(Math.toRadians(geo.lat()));
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double[] corner : geo.outline()) {
            double mx = (corner[0] - geo.lon()) * metresPerLon;
            double my = (corner[1] - geo.lat()) * EARTH_METRES_PER_DEGREE;
            minX = Math.min(minX, mx);
            maxX = Math.max(maxX, mx);
            minY = Math.min(minY, my);
            maxY = Math.max(maxY, my);
        }
        double box = 44;
        double span = Math.max(1, Math.max(maxX - minX, maxY - minY));
        double scale = box / span;
        double left = mapWidth + 6;
        double top = 20;
        svg.append("<rect x=\"")
                .append(mapWidth)
                .append("\" width=\"")
                .append(WIDTH - mapWidth)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" fill=\"#f6f3ea\"/>");
        svg.append("<path d=\"");
        boolean first = true;
        for (double[] corner : geo.outline()) {
            double mx = (corner[0] - geo.lon()) * metresPerLon;
            double my = (corner[1] - geo.lat()) * EARTH_METRES_PER_DEGREE;
            svg.append(first ? 'M' : 'L')
                    .append(f(left + (mx - minX) * scale))
                    .append(' ')
                    .append(f(top + (maxY - my) * scale));
            first = false;
        }
        svg.append("z\" fill=\"#8fb36a\" stroke=\"#3f6b1f\" stroke-width=\"1.5\"/>");
        long bar = niceMetres(span / 2);
        double barLength = bar * scale;
        double barY = top + box + 16;
        svg.append("<path d=\"M")
                .append(f(left))
                .append(' ')
                .append(f(barY))
                .append("h")
                .append(f(barLength))
                .append("\" stroke=\"#3d362c\" stroke-width=\"2\"/>");
        svg.append("<text x=\"")
                .append(f(left))
                .append("\" y=\"")
                .append(f(barY + 12))
                .append("\" font-size=\"10\" fill=\"#3d362c\">")
                .append(bar >= 1000 ? (bar / 1000) + " km" : bar + " m")
                .append("</text>");
    }

    /** 1, 2 or 5 times a power of ten, at most {@code metres}. */
    static long niceMetres(double metres) {
        long power = 1;
        while (power * 10 <= metres) {
            power *= 10;
        }
        for (long step : new long[] {5, 2, 1}) {
            if (step * power <= metres) {
                return step * power;
            }
        }
        return power;
    }

    private static double scale(int mapWidth) {
        return Math.min(mapWidth / ((EAST - WEST) * LON_SCALE), HEIGHT / (NORTH - SOUTH));
    }

    private static double x(double lon, int mapWidth) {
        double scale = scale(mapWidth);
        return (mapWidth - (EAST - WEST) * LON_SCALE * scale) / 2 + (lon - WEST) * LON_SCALE * scale;
    }

    private static double y(double lat, int mapWidth) {
        double scale = scale(mapWidth);
        return (HEIGHT - (NORTH - SOUTH) * scale) / 2 + (NORTH - lat) * scale;
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace("\"", "&quot;")
                .replace(">", "&gt;");
    }
}
