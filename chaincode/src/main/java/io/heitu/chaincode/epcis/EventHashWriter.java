package io.heitu.chaincode.epcis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes the pre-hash string of an event tree: {@code eventType=...}, then the standard fields in
 * {@link EventHashOrder}, then everything not written yet (user extensions, ilmd, the
 * bizTransaction/source/destination lists, unknown fields), sorted. Writing consumes the tree.
 *
 * <p>Within one field, repeated values are sorted, so list order never matters. Strings are compared
 * by Unicode code point, as the reference (Python) compares them.
 */
final class EventHashWriter {
    private static final Set<String> EXCLUDED = Set.of("recordTime", "eventID", "type", "errorDeclaration");
    private static final Comparator<String> CODE_POINT_ORDER = EventHashWriter::compareCodePoints;

    private EventHashWriter() {}

    static String write(EventHashNode event) {
        String ordered = ordered(event.children(), EventHashOrder.EVENT);
        List<EventHashNode> rest = new ArrayList<>(event.children());
        rest.removeIf(child -> EXCLUDED.stream().anyMatch(child::isNamed));
        return "eventType=" + event.name() + ordered + unordered(rest);
    }

    /** Writes the children named in {@code order}, removing every child it has fully written. */
    private static String ordered(List<EventHashNode> children, List<EventHashOrder> order) {
        List<EventHashNode> extensions = userExtensions(children);
        StringBuilder out = new StringBuilder();
        for (EventHashOrder property : order) {
            List<String> values = new ArrayList<>();
            for (EventHashNode child : List.copyOf(children)) {
                if (!child.isNamed(property.name())) {
                    continue;
                }
                String written = element(child, property.children());
                if (!written.isEmpty()) {
                    values.add(written);
                }
                if (child.children().isEmpty()) {
                    children.remove(child);
                }
            }
            values.sort(CODE_POINT_ORDER);
            values.forEach(out::append);
        }
        return out.append(unordered(extensions)).toString();
    }

    private static String element(EventHashNode child, List<EventHashOrder> childOrder) {
        String nested = childOrder.isEmpty() ? "" : ordered(child.children(), childOrder);
        String text = "";
        if (!child.value().isEmpty()) {
            text = EventHashValues.strip(child.value());
            text = isTimestamp(child.name()) ? EventHashValues.timestamp(text) : EventHashValues.canonical(text);
            text = text.isEmpty() ? "" : "=" + text;
        }
        return text.isEmpty() && nested.isEmpty() ? "" : child.name() + text + nested;
    }

    private static boolean isTimestamp(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("time") && !lower.contains("offset");
    }

    /**
     * Takes the user extensions ({@code {namespace/}name} elements) out of a standard structure such
     * as readPoint or sensorReport, to be written after its standard fields. Like the reference, this
     * skips the event level, structures with a single child, and namespaces not ending in "/": such
     * extensions stay behind and are written with the unordered rest of the event.
     */
    private static List<EventHashNode> userExtensions(List<EventHashNode> children) {
        List<EventHashNode> extensions = new ArrayList<>();
        if (children.size() <= 1 || children.stream().anyMatch(EventHashWriter::isEventLevelMarker)) {
            return extensions;
        }
        for (EventHashNode child : children) {
            if (!child.isPair() && child.name().contains("{") && child.name().contains("/}")) {
                extensions.add(child);
            }
        }
        children.removeAll(extensions);
        return extensions;
    }

    private static boolean isEventLevelMarker(EventHashNode child) {
        return !child.isPair()
                && (child.name().contains("eventTime") || child.name().contains("action"));
    }

    /**
     * Writes elements as {@code name=value} followed by their children, sorted at every level; a pair
     * keeps its type before its value. (The reference also leaves unsorted any other element with a
     * child called source, destination or bizTransaction, where JSON field order would then change
     * the hash; such elements are sorted here.)
     */
    private static String unordered(List<EventHashNode> children) {
        List<String> values = new ArrayList<>();
        for (EventHashNode child : children) {
            values.add(child.isPair() ? pair(child) : unorderedElement(child));
        }
        values.sort(CODE_POINT_ORDER);
        return String.join("", values);
    }

    private static String pair(EventHashNode pair) {
        StringBuilder out = new StringBuilder();
        pair.children().forEach(member -> out.append(unorderedElement(member)));
        return out.toString();
    }

    private static String unorderedElement(EventHashNode element) {
        String text = EventHashValues.strip(element.value());
        text = text.isEmpty() ? "" : "=" + EventHashValues.canonical(text);
        return element.name() + text + unordered(element.children());
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
