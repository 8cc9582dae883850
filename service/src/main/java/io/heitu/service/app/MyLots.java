package io.heitu.service.app;

import io.heitu.identity.Enrollment;
import io.heitu.service.epcis.EventStore;
import io.heitu.service.graph.GraphLineages;
import io.heitu.service.graph.LotClass;
import io.heitu.service.graph.LotKeys;
import io.heitu.service.identity.UserAccount;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.ledger.wire.EpcisEvent;
import io.heitu.service.ledger.wire.LotState;
import io.heitu.service.ledger.wire.LotView;
import io.heitu.service.ledger.wire.Page;
import io.heitu.service.ledger.wire.Quantity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The lots an organisation holds or made, as dashboard rows, and the inspectors' queue.
 *
 * <p>"My lots" is paged: the lineage graph names a page of the organisation's lots (those the
 * latest blocks named first) and the chaincode answers them in one {@code lot:GetMany}, since it
 * applies the read rule (whose quantities this user may see) and knows what the graph does not (lab
 * results, the reasons of holds). When the graph has not reached the page's block, every page of
 * the chaincode's {@code lot:List} is read instead. The queue and oversight read {@code lot:List}.
 * Each lot's latest step comes from the EPCIS read model, for all the lots of a page in one query
 * rather than {@code lot:Events} once per lot. The events of a lot the user may read are the user's
 * to read ({@code lot:Events} answers them all).
 */
@Component
class MyLots {

    static final int PAGE = 200;
    /** Rows of "my lots" a page shows. */
    static final int ROWS = 50;

    private final TraceLedger ledger;
    private final GraphLineages graph;
    private final EventStore events;
    private final Directory directory;
    private final Wording words;
    private final JsonMapper json;

    MyLots(
            TraceLedger ledger,
            GraphLineages graph,
            EventStore events,
            Directory directory,
            Wording words,
            JsonMapper json) {
        this.ledger = ledger;
        this.graph = graph;
        this.events = events;
        this.directory = directory;
        this.words = words;
        this.json = json;
    }

    /**
     * A page of the lots the organisation holds some of or made, from row {@code offset}: as the
     * lineage graph orders them (the lots the latest blocks named first) once it has reached
     * {@code block}, the ledger block the page states; else from every page of {@code lot:List},
     * newest step first.
     */
    LotPage of(Enrollment actor, String mspId, String role, int offset, long block) {
        int from = Math.max(0, offset);
        Optional<LotKeys> own = graph.ownLots(mspId, from, ROWS, block);
        if (own.isPresent()) {
            List<LotView> views = views(actor, own.get());
            Map<String, ProductChoice> products = products(actor);
            Map<String, JsonNode> latest = latest(views);
            List<LotRow> rows = new ArrayList<>(views.size());
            for (LotView view : views) {
                rows.add(row(view, mspId, role, products, latest));
            }
            return new LotPage(rows, from, own.get().total());
        }
        List<LotRow> all = of(actor, mspId, role);
        return new LotPage(
                all.subList(Math.min(from, all.size()), Math.min(from + ROWS, all.size())), from, all.size());
    }

    /** The chaincode's answer for each lot of a page the graph named, in one query. */
    private List<LotView> views(Enrollment actor, LotKeys page) {
        List<String[]> keys = page.lots().stream()
                .map(lot -> new String[] {lot.gtin(), lot.lotCode()})
                .toList();
        return keys.isEmpty() ? List.of() : ledger.lotsAtOnce(actor, keys);
    }

    /** Every lot the organisation holds, then those it made and no longer holds; newest step first. */
    List<LotRow> of(Enrollment actor, String mspId, String role) {
        Map<String, LotView> views = new LinkedHashMap<>();
        for (boolean produced : new boolean[] {false, true}) {
            for (LotView view : lots(actor, mspId, produced)) {
                views.putIfAbsent(key(view), view);
            }
        }
        Map<String, ProductChoice> products = products(actor);
        Map<String, JsonNode> latest = latest(views.values());
        List<LotRow> rows = new ArrayList<>();
        for (LotView view : views.values()) {
            rows.add(row(view, mspId, role, products, latest));
        }
        rows.sort(Comparator.comparing(LotRow::latestAt).reversed());
        return rows;
    }

    /**
     * A page of the inspection queue from row {@code offset}. A regulator's (every organisation's
     * lots) as the lineage graph orders it once it has reached {@code block}: the lots held somewhere
     * with no lab result and not recalled, those whose product must be tested first, then the latest
     * named; the chaincode answers the page's lots, and one it now says has a result or is no longer
     * open is left out. An inspection body's (the lots it was asked about), or a regulator's when the
     * graph lags, from the chaincode's lists, a page of them.
     */
    LotPage awaitingInspection(Enrollment actor, UserAccount account, int offset, long block) {
        int from = Math.max(0, offset);
        if ("regulator".equals(account.role())) {
            Map<String, ProductChoice> products = products(actor);
            java.util.Set<String> first = new java.util.HashSet<>();
            products.forEach((gtin, product) -> {
                if (product.inspectionRequired()) {
                    first.add(gtin);
                }
            });
            Optional<LotKeys> queue = graph.awaitingInspection(first, from, ROWS, block);
            if (queue.isPresent()) {
                List<String> organisations =
                        directory.organisations(actor).stream().map(Choice::id).toList();
                List<LotView> views = views(actor, queue.get());
                Map<String, JsonNode> latest = latest(views);
                List<LotRow> rows = new ArrayList<>();
                for (LotView view : views) {
                    Optional<String> holder = organisations.stream()
                            .filter(msp -> view.heldBy(msp).isPresent())
                            .findFirst();
                    if (view.state().open() && view.lot().inspection() == null && holder.isPresent()) {
                        rows.add(row(view, holder.get(), "inspector", products, latest));
                    }
                }
                return new LotPage(rows, from, queue.get().total());
            }
        }
        List<LotRow> all = awaitingInspection(actor, account);
        return new LotPage(
                all.subList(Math.min(from, all.size()), Math.min(from + ROWS, all.size())), from, all.size());
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

    /**
     * Lots on hold or recalled anywhere in the chain, newest step first: what oversight watches, as
     * of at least {@code block} (the ledger block the page states).
     */
    List<LotRow> flagged(Enrollment actor, UserAccount account, long block) {
        Predicate<LotView> flagged = view -> view.state() == LotState.ON_HOLD || view.state() == LotState.RECALLED;
        List<LotRow> rows = "regulator".equals(account.role())
                ? flaggedFromGraph(actor, block, flagged).orElseGet(() -> acrossOrganisations(actor, account, flagged))
                : acrossOrganisations(actor, account, flagged);
        rows.sort(Comparator.comparing(LotRow::latestAt).reversed());
        return rows;
    }

    /**
     * The regulator's overview without reading every organisation's every lot: the lineage graph
     * names the lots held now whose standing is on hold or recalled (the flagged lots and what was
     * made from them), and the chaincode answers each ({@code lot:Get}), so the state shown is still
     * the chaincode's. Each lot under the first organisation, in directory order, that holds it, as
     * when every organisation's lots were read. Empty when the graph has not reached the block.
     */
    private Optional<List<LotRow>> flaggedFromGraph(Enrollment actor, long block, Predicate<LotView> test) {
        Optional<List<LotClass>> found = graph.heldAndFlagged(block);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<String> organisations =
                directory.organisations(actor).stream().map(Choice::id).toList();
        Map<String, LotView> views = new LinkedHashMap<>();
        Map<String, String> holders = new LinkedHashMap<>();
        for (LotClass lot : found.get()) {
            LotView view = ledger.lot(actor, lot.gtin(), lot.lotCode());
            Optional<String> holder = organisations.stream()
                    .filter(msp -> view.heldBy(msp).isPresent())
                    .findFirst();
            if (test.test(view) && holder.isPresent()) {
                views.put(key(view), view);
                holders.put(key(view), holder.get());
            }
        }
        return Optional.of(rows(actor, views, holders));
    }

    /**
     * Lots every organisation holds that pass the test, each once: every page of each organisation's
     * lots (and of each listed lot's events, for its latest step).
     */
    private List<LotRow> acrossOrganisations(Enrollment actor, UserAccount account, Predicate<LotView> test) {
        Map<String, LotView> views = new LinkedHashMap<>();
        Map<String, String> holders = new LinkedHashMap<>();
        if (!"regulator".equals(account.role())) {
            // An inspection body reads only the lots it was asked to inspect (the chaincode's rule).
            for (LotView view : asked(actor, account.mspId())) {
                if (test.test(view)) {
                    views.putIfAbsent(key(view), view);
                    holders.putIfAbsent(key(view), account.mspId());
                }
            }
        } else {
            for (Choice org : directory.organisations(actor)) {
                for (LotView view : lots(actor, org.id(), null)) {
                    if (test.test(view)) {
                        views.putIfAbsent(key(view), view);
                        holders.putIfAbsent(key(view), org.id());
                    }
                }
            }
        }
        return rows(actor, views, holders);
    }

    /** Oversight rows, each lot with the organisation it is listed under. */
    private List<LotRow> rows(Enrollment actor, Map<String, LotView> views, Map<String, String> holders) {
        Map<String, ProductChoice> products = products(actor);
        Map<String, JsonNode> latest = latest(views.values());
        List<LotRow> rows = new ArrayList<>(views.size());
        views.forEach((key, view) -> rows.add(row(view, holders.get(key), "inspector", products, latest)));
        return rows;
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

    private LotRow row(
            LotView view,
            String mspId,
            String role,
            Map<String, ProductChoice> products,
            Map<String, JsonNode> latestEvents) {
        LotView.Lot lot = view.lot();
        String gtin = lot.gtin();
        String state = view.state() == null ? "" : view.state().word();
        Quantity held = view.heldBy(mspId).orElse(null);
        JsonNode found = latestEvents.get(GraphLineages.lotUri(gtin, lot.lotCode()));
        EpcisEvent latest = found instanceof ObjectNode document ? EpcisEvent.of(document) : null;
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

    /** The latest event of each lot, by its EPC class URI. */
    private Map<String, JsonNode> latest(java.util.Collection<LotView> views) {
        return events.latestOfLots(views.stream()
                .map(view -> GraphLineages.lotUri(view.lot().gtin(), view.lot().lotCode()))
                .toList());
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
