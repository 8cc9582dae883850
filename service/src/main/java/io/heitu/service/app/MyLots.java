package io.heitu.service.app;

import io.heitu.identity.Enrollment;
import io.heitu.service.identity.UserAccount;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.ledger.wire.EpcisEvent;
import io.heitu.service.ledger.wire.LotState;
import io.heitu.service.ledger.wire.LotView;
import io.heitu.service.ledger.wire.Page;
import io.heitu.service.ledger.wire.Quantity;
import io.heitu.service.ledger.wire.StoredEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The lots an organisation holds or made, as dashboard rows, and the inspectors' queue. Reads go
 * through the same chaincode queries as the API ({@code lot:List}, {@code lot:Events}), every page
 * of them.
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
        Map<String, LotView> views = new LinkedHashMap<>();
        for (boolean produced : new boolean[] {false, true}) {
            for (LotView view : lots(actor, mspId, produced)) {
                views.putIfAbsent(key(view), view);
            }
        }
        Map<String, ProductChoice> products = products(actor);
        List<LotRow> rows = new ArrayList<>();
        for (LotView view : views.values()) {
            rows.add(row(actor, view, mspId, role, products));
        }
        rows.sort(Comparator.comparing(LotRow::latestAt).reversed());
        return rows;
    }

    /**
     * Lots with no lab result yet that are not used up, those whose product must be tested first: of
     * every organisation for a regulator, of those that asked an inspection body for it.
     */
    List<LotRow> awaitingInspection(Enrollment actor, UserAccount account) {
        List<LotRow> queue = acrossOrganisations(
                actor, account, view -> view.state().open() && view.lot().inspection() == null);
        queue.sort(Comparator.comparing((LotRow row) -> !row.todo().contains("todo.inspection"))
                .thenComparing(Comparator.comparing(LotRow::latestAt).reversed()));
        return queue;
    }

    /** Lots on hold or recalled anywhere in the chain, newest step first: what oversight watches. */
    List<LotRow> flagged(Enrollment actor, UserAccount account) {
        List<LotRow> rows = acrossOrganisations(
                actor, account, view -> view.state() == LotState.ON_HOLD || view.state() == LotState.RECALLED);
        rows.sort(Comparator.comparing(LotRow::latestAt).reversed());
        return rows;
    }

    /**
     * Lots every organisation holds that pass the test, each once: every page of each organisation's
     * lots (and of each listed lot's events, for its latest step).
     */
    private List<LotRow> acrossOrganisations(Enrollment actor, UserAccount account, Predicate<LotView> test) {
        Map<String, ProductChoice> products = products(actor);
        Map<String, LotRow> rows = new LinkedHashMap<>();
        if (!"regulator".equals(account.role())) {
            // An inspection body reads only the lots it was asked to inspect (the chaincode's rule).
            for (LotView view : asked(actor, account.mspId())) {
                if (test.test(view) && !rows.containsKey(key(view))) {
                    rows.put(key(view), row(actor, view, account.mspId(), "inspector", products));
                }
            }
            return new ArrayList<>(rows.values());
        }
        for (Choice org : directory.organisations(actor)) {
            for (LotView view : lots(actor, org.id(), null)) {
                if (test.test(view) && !rows.containsKey(key(view))) {
                    rows.put(key(view), row(actor, view, org.id(), "inspector", products));
                }
            }
        }
        return new ArrayList<>(rows.values());
    }

    /** Every lot an inspection body was asked to inspect. */
    private List<LotView> asked(Enrollment actor, String mspId) {
        return Page.all(
                PAGE,
                bookmark ->
                        ledger.lots(actor, page(bookmark).put("mspId", mspId).put("asked", true)));
    }

    /** Every lot {@code mspId} holds ({@code produced} false), made (true), or holds as the API lists by default (null). */
    private List<LotView> lots(Enrollment actor, String mspId, Boolean produced) {
        return Page.all(PAGE, bookmark -> {
            ObjectNode query = page(bookmark).put("mspId", mspId);
            if (produced != null) {
                query.put("produced", produced);
            }
            return ledger.lots(actor, query);
        });
    }

    private LotRow row(Enrollment actor, LotView view, String mspId, String role, Map<String, ProductChoice> products) {
        LotView.Lot lot = view.lot();
        String gtin = lot.gtin();
        String state = view.state() == null ? "" : view.state().word();
        Quantity held = view.heldBy(mspId).orElse(null);
        EpcisEvent latest = latestEvent(actor, gtin, lot.lotCode());
        String latestAt = latest == null || latest.eventTime() == null ? "" : latest.eventTime();
        ProductChoice product = products.get(gtin);
        List<String> todo = todo(view.state(), held, lot, product, role);
        return new LotRow(
                gtin,
                lot.lotCode(),
                product == null ? gtin : product.name(),
                state,
                words.quantity(held),
                words.quantity(view.remaining()),
                latest == null ? "" : words.step(latest),
                latestAt,
                words.time(latestAt),
                view.statusReason(),
                todo);
    }

    private static List<String> todo(
            LotState state, Quantity held, LotView.Lot lot, ProductChoice product, String role) {
        List<String> todo = new ArrayList<>();
        boolean holding = held != null && held.value() != null && held.value().signum() > 0;
        boolean untested = lot.inspection() == null;
        if (state == LotState.RECALLED && holding) {
            todo.add("todo.recalled");
        } else if (state == LotState.ON_HOLD) {
            todo.add("todo.onHold");
        } else if (state == LotState.ACTIVE) {
            if (product != null && product.inspectionRequired() && untested) {
                todo.add("todo.inspection");
            }
            if (holding && !role.equals("inspector")) {
                todo.add(role.equals("retailer") ? "todo.sell" : "todo.ship");
            }
        }
        return todo;
    }

    /** The lot's latest event: the last of every page of its events; null when it has none. */
    private EpcisEvent latestEvent(Enrollment actor, String gtin, String lotCode) {
        List<StoredEvent> events = Page.all(
                PAGE,
                bookmark ->
                        ledger.lotEvents(actor, page(bookmark).put("gtin", gtin).put("lotCode", lotCode)));
        return events.isEmpty() ? null : events.get(events.size() - 1).event();
    }

    private Map<String, ProductChoice> products(Enrollment actor) {
        Map<String, ProductChoice> byGtin = new LinkedHashMap<>();
        directory.products(actor).forEach(product -> byGtin.put(product.gtin(), product));
        return byGtin;
    }

    private ObjectNode page(String bookmark) {
        ObjectNode query = json.createObjectNode().put("pageSize", PAGE);
        return bookmark.isEmpty() ? query : query.put("bookmark", bookmark);
    }

    private static String key(LotView view) {
        return view.lot().gtin() + "/" + view.lot().lotCode();
    }
}
