package io.heitu.service.api;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Paging parameters as the chaincode's list queries take them. */
public final class Pages {

    private Pages() {}

    public static ObjectNode of(JsonMapper json, Integer pageSize, String bookmark) {
        ObjectNode query = json.createObjectNode();
        if (pageSize != null) {
            query.put("pageSize", pageSize);
        }
        if (bookmark != null) {
            query.put("bookmark", bookmark);
        }
        return query;
    }
}
