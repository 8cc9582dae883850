package io.heitu.service.trace;

import io.heitu.service.ledger.wire.LineageGraph;
import io.heitu.service.ledger.wire.LotView;
import io.heitu.service.ledger.wire.Quantity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Draws a lineage as an SVG picture, server-side and without scripts: one column per depth (the
 * lot itself on the left, its sources or destinations further right), a box per lot with its
 * product, status, who holds how much, and an arrow per edge in the direction goods went, labelled
 * with the step and the quantities. Beyond {@value #MAX_LOTS} lots the picture says how many more.
 */
final class LineageSvg {

    static final int MAX_LOTS = 400;
    private static final int WIDTH = 260;
    private static final int GAP_X = 90;
    private static final int GAP_Y = 18;
    private static final int LINE = 15;
    private static final int MARGIN = 20;

    private record Box(LineageGraph.Node node, int x, int y, int height) {}

    private LineageSvg() {}

    static String draw(LineageGraph lineage, Lineages.Names names) {
        boolean backward = "backward".equals(lineage.direction());
        Map<Integer, List<LineageGraph.Node>> columns = new TreeMap<>();
        int shown = 0;
        for (LineageGraph.Node node : lineage.nodes()) {
            if (shown++ < MAX_LOTS) {
                columns.computeIfAbsent(node.depth(), depth -> new ArrayList<>())
                        .add(node);
            }
        }
        int hidden = Math.max(0, lineage.nodes().size() - MAX_LOTS);
        Map<String, Box> boxes = new HashMap<>();
        int width = MARGIN;
        int height = MARGIN;
        for (Map.Entry<Integer, List<LineageGraph.Node>> column : columns.entrySet()) {
            int x = MARGIN + column.getKey() * (WIDTH + GAP_X);
            int y = MARGIN + 30;
            for (LineageGraph.Node node : column.getValue()) {
                int lines = 4 + node.holdings().size() + node.inTransit().size();
                int boxHeight = lines * LINE + 10;
                boxes.put(node.lot(), new Box(node, x, y, boxHeight));
                y += boxHeight + GAP_Y;
            }
            width = Math.max(width, x + WIDTH + MARGIN);
            height = Math.max(height, y + MARGIN);
        }
        if (hidden > 0) {
            height += 2 * LINE;
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif\" font-size=\"12\">\n",
                width,
                height,
                width,
                height));
        svg.append("<title>")
                .append(escape((backward ? "Sources of " : "Destinations of ") + Lineages.text(lineage.root())))
                .append("</title>\n");
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
                + "markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/>"
                + "</marker></defs>\n");
        svg.append(text(
                MARGIN,
                MARGIN + 4,
                14,
                "bold",
                (backward ? "溯源 Backward trace: " : "追踪 Forward trace: ") + Lineages.text(lineage.root())));
        for (LineageGraph.Edge edge : lineage.edges()) {
            Box parent = boxes.get(edge.parent());
            Box child = boxes.get(edge.child());
            if (parent != null && child != null) {
                svg.append(edge(backward ? child : parent, backward ? parent : child, edge, backward));
            }
        }
        boxes.values().forEach(box -> svg.append(box(box, names)));
        if (hidden > 0) {
            svg.append(text(MARGIN, height - LINE, 12, "normal", "… " + hidden + " more lots (see the JSON)"));
        }
        return svg.append("</svg>\n").toString();
    }

    /** An arrow from the box nearer the root to the one further away, goods flowing parent → child. */
    private static String edge(Box near, Box far, LineageGraph.Edge edge, boolean backward) {
        int x1 = near.x() + WIDTH;
        int y1 = near.y() + near.height() / 2;
        int x2 = far.x();
        int y2 = far.y() + far.height() / 2;
        int mid = (x1 + x2) / 2;
        String path = String.format(
                Locale.ROOT,
                "<path d=\"M%d,%d C%d,%d %d,%d %d,%d\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.2\" %s/>\n",
                x1,
                y1,
                mid,
                y1,
                mid,
                y2,
                x2,
                y2,
                backward ? "marker-start=\"url(#arrow)\"" : "marker-end=\"url(#arrow)\"");
        String label = Lineages.text(edge.kind()) + " " + quantity(edge.consumed()) + " → " + quantity(edge.produced());
        return path + text(mid - 40, (y1 + y2) / 2 - 4, 10, "normal", label);
    }

    private static String box(Box box, Lineages.Names names) {
        LineageGraph.Node node = box.node();
        String status = node.status() == null ? "" : node.status().word();
        String fill = switch (status) {
            case "recalled" -> "#fde2e1";
            case "on_hold" -> "#fff4d6";
            case "unverified" -> "#eeeeee";
            default -> "#e6f2e6";
        };
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "<g class=\"lot\" data-lot=\"%s\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\" "
                        + "fill=\"%s\" stroke=\"%s\"/>\n",
                escape(Lineages.text(node.lot())),
                box.x(),
                box.y(),
                WIDTH,
                box.height(),
                fill,
                "unverified".equals(status) ? "#999" : "#4a7d4a"));
        int x = box.x() + 8;
        int y = box.y() + LINE;
        out.append(text(x, y, 12, "bold", Lineages.text(node.lotCode()) + "  [" + status + "]"));
        String product = "unverified".equals(status) ? "" : names.productName(node.gtin());
        out.append(text(x, y += LINE, 11, "normal", Lineages.text(node.gtin()) + " " + clip(product, 24)));
        out.append(text(
                x,
                y += LINE,
                11,
                "normal",
                switch (status) {
                    case "unverified" -> "unverified upstream 上游未核验";
                    case "restricted" -> "not yours to read 无权查看";
                    default -> clip(names.party(node.producerMsp()), 30);
                }));
        out.append(text(
                x,
                y += LINE,
                11,
                "normal",
                Lineages.text(node.eventTime()).replace("T", " ").replace(".000Z", "Z") + "  "
                        + quantity(node.quantity())));
        for (LotView.Holding holding : node.holdings()) {
            out.append(text(
                    x,
                    y += LINE,
                    11,
                    "normal",
                    "● " + clip(names.party(holding.mspId()), 30) + ": " + quantity(holding.quantity())));
        }
        for (LotView.Transit transit : node.inTransit()) {
            out.append(text(
                    x,
                    y += LINE,
                    11,
                    "normal",
                    "→ " + clip(Lineages.text(transit.toMsp()), 28) + ": " + quantity(transit.quantity())));
        }
        return out.append("</g>\n").toString();
    }

    static String quantity(Quantity quantity) {
        if (quantity == null) {
            return "";
        }
        return quantity.amount() + " " + Lineages.text(quantity.uom());
    }

    private static String text(int x, int y, int size, String weight, String content) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" font-size=\"%d\" font-weight=\"%s\">%s</text>\n",
                x,
                y,
                size,
                weight,
                escape(content));
    }

    private static String clip(String text, int max) {
        return text.codePointCount(0, text.length()) <= max
                ? text
                : text.substring(0, text.offsetByCodePoints(0, max)) + "…";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // XML 1.0 forbids most control characters even escaped.
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
