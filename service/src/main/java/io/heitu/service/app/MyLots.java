package io.heitu.service.app;

import io.heitu.ledger.identity.Enrollment;
import io.heitu.service.ledger.TraceLedger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lots an organisation holds or made, as dashboard rows, and the inspectors' queue. Reads go
 * through the same chaincode queries as the API ({@code lot:List}, {@code lot:Events}).
 */
@Component
class MyLots {

    static final int PAGE = 200;

    private final TraceLedger ledger;
    private final Directory directory;
    private final Wording words;
    private final JsonMapper json;

    MyLots(TraceLedger ledger, Directory directory, Wording words, JsonMapper json) {
        this.ledger = ledger;
        this.directory = directory;
        this.words = words;
        this.json = json;
    }

    /** Lots the organisation holds, then those it made and no longer holds; newest first. */
    List<LotRow> of(Enrollment actor, String mspId, String role) {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        for (boolean produced : new boolean[] {false, true}) {
            var query = json.createObjectNode()
                    .put("mspId", mspId)
                    .put("produced", produced)
                    .put("pageSize", PAGE);
            for (JsonNode view : json.readTree(ledger.lots(actor, query)).path("items")) {
                views.putIfAbsent(key(view), view);
            }
        }
        Map<String, Product> products = products(actor);
        List<LotRow> rows = new ArrayList<>();
        for (JsonNode view : views.values()) {
            rows.add(row(actor, view, mspId, role, products));
        }
        rows.sort(Comparator.comparing(LotRow::latestAt).reversed());
        return rows;
    }

    /** Lots with no lab result yet that are not used up, those whose product must be tested first. */
    List<LotRow> awaitingInspection(Enrollment actor) {
        List<LotRow> queue = acrossOrganisations(actor, view -> {
            String state = view.path("state").asString("");
            boolean open = state.equals("active") || state.equals("on_hold");
            return open && view.path("lot").path("inspection").isMissingNode();
        });
        queue.sort(Comparator.comparing((LotRow row) -> !row.todo().contains("todo.inspection"))
                .thenComparing(Comparator.comparing(LotRow::latestAt).reversed()));
        return queue;
    }

    /** Lots on hold or recalled anywhere in the chain, newest step first: what oversight watches. */
    List<LotRow> flagged(Enrollment actor) {
        List<LotRow> rows = acrossOrganisations(actor, view -> {
            String state = view.path("state").asString("");
            return state.equals("on_hold") || state.equals("recalled");
        });
        rows.sort(Comparator.comparing(LotRow::latestAt).reversed());
        return rows;
    }

    /**
     * Lots every organisation holds that pass the test, each once. One query per organisation (and
     * one per lot for its latest step): fine for a province's demo, paged reads once it is not.
     */
    private List<LotRow> acrossOrganisations(Enrollment actor, java.util.function.Predicate<JsonNode> test) {
        Map<String, Product> products = products(actor);
        Map<String, LotRow> rows = new LinkedHashMap<>();
        for (Choice org : directory.organisations(actor)) {
            var query = json.createObjectNode().put("mspId", org.id()).put("pageSize", PAGE);
            for (JsonNode view : json.readTree(ledger.lots(actor, query)).path("items")) {
                if (test.test(view) && !rows.containsKey(key(view))) {
                    rows.put(key(view), row(actor, view, org.id(), "inspector", products));
                }
            }
        }
        return new ArrayList<>(rows.values());
    }

    private LotRow row(Enrollment actor, JsonNode view, String mspId, String role, Map<String, Product> products) {
        JsonNode lot = view.path("lot");
        String gtin = lot.path("gtin").asString();
        String state = view.path("state").asString("");
        JsonNode held = null;
        for (JsonNode holding : view.path("holdings")) {
            if (holding.path("mspId").asString("").equals(mspId)) {
                held = holding.path("quantity");
            }
        }
        JsonNode latest = latestEvent(actor, gtin, lot.path("lotCode").asString());
        Product product = products.get(gtin);
        List<String> todo = todo(state, held, lot, product, role);
        // The hold or recall that applies: the lot's own or one placed on a lot it was made from.
        String note = state.equals("recalled")
                ? view.path("recall").path("reason").asString("")
                : state.equals("on_hold")
                        ? view.path("holds").path(0).path("reason").asString("")
                        : "";
        return new LotRow(
                gtin,
                lot.path("lotCode").asString(),
                product == null ? gtin : product.name(),
                state,
                words.quantity(held),
                words.quantity(view.path("remaining")),
                step(latest),
                latest.path("eventTime").asString(""),
                words.time(latest.path("eventTime").asString("")),
                note,
                todo);
    }

    private static List<String> todo(String state, JsonNode held, JsonNode lot, Product product, String role) {
        List<String> todo = new ArrayList<>();
        boolean holding = held != null && held.path("value").asDouble(0) > 0;
        boolean untested = lot.path("inspection").isMissingNode();
        if (state.equals("recalled") && holding) {
            todo.add("todo.recalled");
        } else if (state.equals("on_hold")) {
            todo.add("todo.onHold");
        } else if (state.equals("active")) {
            if (product != null && product.inspectionRequired() && untested) {
                todo.add("todo.inspection");
            }
            if (holding && !role.equals("inspector")) {
                todo.add(role.equals("retailer") ? "todo.sell" : "todo.ship");
            }
        }
        return todo;
    }

    private JsonNode latestEvent(Enrollment actor, String gtin, String lotCode) {
        var query = json.createObjectNode()
                .put("gtin", gtin)
                .put("lotCode", lotCode)
                .put("pageSize", PAGE);
        JsonNode last = json.createObjectNode();
        for (JsonNode item : json.readTree(ledger.lotEvents(actor, query)).path("items")) {
            last = item.path("event");
        }
        return last;
    }

    private String step(JsonNode event) {
        String kind = event.path("jl:transformationKind").asString("");
        String origin = event.path("jl:origin").asString("");
        String step = !kind.isEmpty()
                ? kind
                : !origin.isEmpty() ? origin : event.path("bizStep").asString("");
        return words.word("step", step);
    }

    private Map<String, Product> products(Enrollment actor) {
        Map<String, Product> byGtin = new LinkedHashMap<>();
        directory.products(actor).forEach(product -> byGtin.put(product.gtin(), product));
        return byGtin;
    }

    private static String key(JsonNode view) {
        return view.path("lot").path("gtin").asString() + "/"
                + view.path("lot").path("lotCode").asString();
    }
}
