package io.heitu.chaincode.lot;

import io.heitu.chaincode.core.Action;
import io.heitu.chaincode.core.Json;
import io.heitu.chaincode.core.Page;
import io.heitu.chaincode.core.Times;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.Events;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.epcis.StoredEvent;
import io.heitu.chaincode.org.Gate;
import java.util.List;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** Traceability lots: commissioning at harvest or slaughter, status, history, lineage, hold and recall. */
@Contract(name = "lot", info = @Info(title = "Lots", version = "1"))
public final class LotContract implements ContractInterface {

    /**
     * Commissions a lot at harvest or slaughter on one of the producer's plots. Refused inside the
     * pre-harvest interval of a pesticide applied to the plot.
     *
     * @param request {@code {"gtin","lotCode","quantity":{"value","uom"},"origin":"harvest","plotId","eventTime","ilmd":{…}}}
     * @return {@code {"eventId","duplicate","lots"}}
     */
    @Transaction(name = "Commission", intent = Transaction.TYPE.SUBMIT)
    public String commission(Context ctx, String request) {
        return Gate.run(
                ctx, Action.LOT_COMMISSION, tx -> Commissioning.commission(tx, Json.read(request, Commission.class)));
    }

    /**
     * Puts a lot and every lot made from it on hold (inspectors and regulators).
     *
     * @param request {@code {"gtin","lotCode","reason"}}
     * @return the hold event and every lot it reached
     */
    @Transaction(name = "Hold", intent = Transaction.TYPE.SUBMIT)
    public String hold(Context ctx, String request) {
        return Gate.run(ctx, Action.LOT_HOLD, tx -> Recalls.hold(tx, Json.read(request, StatusRequest.class)));
    }

    /**
     * Releases a hold, and the holds it spread to descendants.
     *
     * @param request {@code {"gtin","lotCode","reason"}}
     */
    @Transaction(name = "Release", intent = Transaction.TYPE.SUBMIT)
    public String release(Context ctx, String request) {
        return Gate.run(ctx, Action.LOT_RELEASE, tx -> Recalls.release(tx, Json.read(request, StatusRequest.class)));
    }

    /**
     * Recalls a lot and every lot made from it. A recalled lot takes no new events but recall handling.
     *
     * @param request {@code {"gtin","lotCode","reason"}}
     */
    @Transaction(name = "Recall", intent = Transaction.TYPE.SUBMIT)
    public String recall(Context ctx, String request) {
        return Gate.run(ctx, Action.LOT_RECALL, tx -> Recalls.recall(tx, Json.read(request, StatusRequest.class)));
    }

    /**
     * Asks an inspection body to inspect a lot the caller's organisation is a party to: from then on
     * the inspection body reads the lot and its lineage. Asking again changes nothing.
     *
     * @param request {@code {"gtin","lotCode","inspectorMsp"}}
     * @return {@code {"lot","inspectorMsp"}}
     */
    @Transaction(name = "RequestInspection", intent = Transaction.TYPE.SUBMIT)
    public String requestInspection(Context ctx, String request) {
        return Gate.run(
                ctx,
                Action.LOT_REQUEST_INSPECTION,
                tx -> InspectionRequests.ask(tx, Json.read(request, InspectionRequests.Ask.class)));
    }

    /**
     * @param request {@code {"gtin","lotCode"}}
     * @return the lot with holdings, shipments in transit, remaining quantity and state
     */
    @Transaction(name = "Get", intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx, String request) {
        return Gate.run(
                ctx,
                Action.LOT_GET,
                tx -> Lots.readableView(
                        tx, Json.read(request, LotQueries.ByLot.class).ref()));
    }

    /**
     * Several lots at once, each as {@code Get} answers it, in the order asked: a dashboard's page in
     * one query (one endorsement on Fabric) rather than one per row. A lot that does not exist or
     * that the caller may not read refuses the whole query, as it refuses {@code Get}.
     *
     * @param request {@code {"lots":[{"gtin","lotCode"}, …]}} (1 to 200)
     */
    @Transaction(name = "GetMany", intent = Transaction.TYPE.EVALUATE)
    public String getMany(Context ctx, String request) {
        return Gate.run(
                ctx,
                Action.LOT_GET_MANY,
                tx -> Lots.readableViews(
                        tx,
                        Json.read(request, LotQueries.ManyLots.class).lots().stream()
                                .map(LotQueries.ByLot::ref)
                                .toList()));
    }

    /**
     * Lots an organisation holds now, or ({@code produced}) the lots it made, or ({@code asked}) the
     * lots an inspection body was asked to inspect. Only of the caller's own organisation, except for
     * regulators.
     *
     * @param request {@code {"mspId","produced","asked","pageSize","bookmark"}}
     */
    @Transaction(name = "List", intent = Transaction.TYPE.EVALUATE)
    public String list(Context ctx, String request) {
        return Gate.run(ctx, Action.LOT_LIST, tx -> {
            LotQueries.ListLots query = Json.read(request, LotQueries.ListLots.class);
            return Lots.list(tx, query);
        });
    }

    /**
     * Every committed version of the lot record (GetHistoryForKey), newest first.
     *
     * @param request {@code {"gtin","lotCode"}}
     */
    @Transaction(name = "History", intent = Transaction.TYPE.EVALUATE)
    public String history(Context ctx, String request) {
        return Gate.run(
                ctx,
                Action.LOT_HISTORY,
                tx -> history(tx, Json.read(request, LotQueries.ByLot.class).ref()));
    }

    /**
     * The lot's EPCIS events in time order, a page at a time.
     *
     * @param request {@code {"gtin","lotCode","pageSize","bookmark"}}
     */
    @Transaction(name = "Events", intent = Transaction.TYPE.EVALUATE)
    public String events(Context ctx, String request) {
        return Gate.run(ctx, Action.LOT_EVENTS, tx -> {
            LotQueries.LotEvents query = Json.read(request, LotQueries.LotEvents.class);
            Lots.get(tx, query.ref());
            Access access = Access.of(tx);
            access.require(query.ref());
            // Each event as the caller may read it: without quantities where the lot is only lineage.
            Page<StoredEvent> page = Events.ofLot(tx, query.ref(), query.pageSize(), query.bookmark());
            return new Page<>(page.items().stream().map(access::require).toList(), page.bookmark());
        });
    }

    /**
     * Backward (sources) or forward (destinations) lineage as a graph, breadth-first and paginated.
     *
     * @param request {@code {"gtin","lotCode","direction":"backward|forward","maxDepth","pageSize","offset"}}
     */
    @Transaction(name = "Lineage", intent = Transaction.TYPE.EVALUATE)
    public String lineage(Context ctx, String request) {
        return Gate.run(ctx, Action.LOT_LINEAGE, tx -> {
            LotQueries.LineageQuery query = Json.read(request, LotQueries.LineageQuery.class);
            Lots.get(tx, query.ref());
            Access.of(tx).require(query.ref());
            return Lineage.graph(
                    tx, query.ref(), query.direction(), query.maxDepth(), query.pageSize(), query.offset());
        });
    }

    /**
     * What the service's lineage read model keeps of each lot: provenance, own holds and recall,
     * holdings, transits and the edges from its parents.
     *
     * @param request {@code {"lots":[epcClass, …]}} (at most 500)
     */
    @Transaction(name = "Facts", intent = Transaction.TYPE.EVALUATE)
    public String facts(Context ctx, String request) {
        return Gate.run(ctx, Action.LOT_FACTS, tx -> GraphFacts.read(tx, Json.read(request, GraphFacts.Request.class)));
    }

    private static List<LotQueries.Version> history(Tx tx, LotRef ref) {
        Lots.get(tx, ref);
        Access.of(tx).require(ref);
        return tx.history(tx.key(Lots.TYPE, ref.gtin(), ref.lotCode())).stream()
                .map(mod -> new LotQueries.Version(
                        mod.getTxId(),
                        Times.format(mod.getTimestamp()),
                        mod.isDeleted(),
                        mod.isDeleted() ? null : Json.decode(mod.getValue(), Lot.class)))
                .toList();
    }
}
