package io.heitu.service.epcis;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The resources of the EPCIS 2.0 REST bindings and the methods each allows, for OPTIONS. */
final class EpcisRoutes {

    static final List<String> TOP_LEVEL = List.of(
            "queries",
            "capture",
            "events",
            "eventTypes",
            "epcs",
            "readPoints",
            "bizLocations",
            "dispositions",
            "bizSteps");
    private static final Set<String> VOCABULARIES =
            Set.of("eventTypes", "epcs", "readPoints", "bizLocations", "dispositions", "bizSteps");

    /** Methods allowed on a path below {@code /epcis} (raw, still percent-encoded); null for no resource. */
    static String allow(String path) {
        List<String> segments = Arrays.stream(path.split("/", -1))
                .filter(segment -> !segment.isEmpty())
                .toList();
        int n = segments.size();
        if (n == 0) {
            return "OPTIONS, GET";
        }
        String top = segments.get(0);
        return switch (top) {
            case "capture" -> n == 1 ? "OPTIONS, POST, GET" : n == 2 ? "OPTIONS, GET" : null;
            case "events" -> n == 1 ? "OPTIONS, GET, POST" : n == 2 ? "OPTIONS, GET" : null;
            case "queries" ->
                switch (n) {
                    case 1 -> "OPTIONS, GET, POST";
                    case 2 -> "OPTIONS, GET, DELETE";
                    case 3 ->
                        segments.get(2).equals("subscriptions")
                                ? "OPTIONS, GET, POST"
                                : segments.get(2).equals("events") ? "OPTIONS, GET" : null;
                    case 4 -> segments.get(2).equals("subscriptions") ? "OPTIONS, DELETE, GET" : null;
                    default -> null;
                };
            case "nextPageToken" -> n == 2 ? "OPTIONS, DELETE" : null;
            default ->
                VOCABULARIES.contains(top)
                                && (n <= 2 || n == 3 && segments.get(2).equals("events"))
                        ? "OPTIONS, GET"
                        : null;
        };
    }

    static boolean isCapture(String path) {
        return path.equals("/capture") || path.equals("/capture/");
    }

    private EpcisRoutes() {}
}
