package io.heitu.service.epcis.query;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A WHERE clause over the read model's {@code epcis_event e}, with named parameters. */
public final class Sql {

    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Map<String, Object> params = new LinkedHashMap<>();
    private int counter;

    /** Adds {@code AND (fragment)}; each {@code ?} in the fragment takes the next of {@code values}. */
    public Sql and(String fragment, Object... values) {
        StringBuilder text = new StringBuilder();
        int next = 0;
        for (char c : fragment.toCharArray()) {
            if (c == '?') {
                String name = "p" + counter++;
                params.put(name, values[next++]);
                text.append(':').append(name);
            } else {
                text.append(c);
            }
        }
        where.append(" AND (").append(text).append(')');
        return this;
    }

    public String where() {
        return where.toString();
    }

    public Map<String, Object> params() {
        return params;
    }

    /** A value for an {@code IN (?)} list. */
    public static List<String> list(Collection<String> values) {
        return List.copyOf(values);
    }

    /** A LIKE pattern that matches what starts with {@code prefix}. */
    public static String startsWith(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
