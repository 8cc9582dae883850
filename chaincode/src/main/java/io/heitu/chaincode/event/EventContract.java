package io.heitu.chaincode.event;

import io.heitu.chaincode.core.Action;
import io.heitu.chaincode.core.Json;
import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.epcis.BizStep;
import io.heitu.chaincode.epcis.Events;
import io.heitu.chaincode.location.InputApplications;
import io.heitu.chaincode.location.Locations;
import io.heitu.chaincode.lot.Access;
import io.heitu.chaincode.org.Gate;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * EPCIS events in the words farmers and traders use. Every write answers
 * {@code {"eventId","duplicate","lots"}}; recording the same event again changes nothing.
 */
@Contract(name = "event", info = @Info(title = "Supply chain events", version = "1"))
public final class EventContract implements ContractInterface {

    /**
     * A fertiliser, pesticide or drug applied on the caller's plot, with its pre-harvest interval.
     *
     * @param request {@code {"plotId","eventTime","inputType","productName","activeIngredient","registrationNo","dose","doseUnit","treatedAreaMu","phiDays","operator","note"}}
     */
    @Transaction(name = "ApplyInput", intent = Transaction.TYPE.SUBMIT)
    public String applyInput(Context ctx, String request) {
        return Gate.run(
                ctx, Action.EVENT_APPLY_INPUT, tx -> InputRecording.apply(tx, Json.read(request, ApplyInput.class)));
    }

    /**
     * An observation that moves no quantity: storing, packing, loading, cold-chain sensor readings.
     *
     * @param request {@code {"bizStep","disposition","lots":[{"gtin","lotCode"}],"eventTime","locationId","sensorReadings":[…],"note"}}
     */
    @Transaction(name = "Observe", intent = Transaction.TYPE.SUBMIT)
    public String observe(Context ctx, String request) {
        return Gate.run(ctx, Action.EVENT_OBSERVE, tx -> Movements.observe(tx, Json.read(request, Observe.class)));
    }

    /**
     * Ships lot quantities the caller holds to another organisation; they stay in transit until received.
     *
     * @param request {@code {"lots":[{"gtin","lotCode","quantity"}],"toMsp","carrierMsp","fromLocationId","toLocationId","eventTime","despatchAdvice","returnShipment"}}
     */
    @Transaction(name = "Ship", intent = Transaction.TYPE.SUBMIT)
    public String ship(Context ctx, String request) {
        return Gate.run(ctx, Action.EVENT_SHIP, tx -> Movements.ship(tx, Json.read(request, Ship.class)));
    }

    /**
     * Receives lot quantities shipped to the caller.
     *
     * @param request {@code {"lots":[…],"fromMsp","locationId","eventTime"}}
     */
    @Transaction(name = "Receive", intent = Transaction.TYPE.SUBMIT)
    public String receive(Context ctx, String request) {
        return Gate.run(ctx, Action.EVENT_RECEIVE, tx -> Movements.receive(tx, Json.read(request, Receive.class)));
    }

    /**
     * Retail sale to consumers.
     *
     * @param request {@code {"lots":[…],"locationId","eventTime","reference"}}
     */
    @Transaction(name = "Sell", intent = Transaction.TYPE.SUBMIT)
    public String sell(Context ctx, String request) {
        return Gate.run(
                ctx,
                Action.EVENT_SELL,
                tx -> Movements.consume(tx, Json.read(request, Consume.class), BizStep.RETAIL_SELLING));
    }

    /**
     * Destruction, e.g. of recalled goods.
     *
     * @param request {@code {"lots":[…],"locationId","eventTime","reference","reason"}}
     */
    @Transaction(name = "Dispose", intent = Transaction.TYPE.SUBMIT)
    public String dispose(Context ctx, String request) {
        return Gate.run(
                ctx,
                Action.EVENT_DISPOSE,
                tx -> Movements.consume(tx, Json.read(request, Consume.class), BizStep.DESTROYING));
    }

    /**
     * Drying, milling, packing, cutting, splitting or merging: inputs become new output lots.
     *
     * @param request {@code {"kind","inputs":[…],"outputs":[{"gtin","lotCode","quantity","ilmd"}],"locationId","eventTime"}}
     */
    @Transaction(name = "Transform", intent = Transaction.TYPE.SUBMIT)
    public String transform(Context ctx, String request) {
        return Gate.run(
                ctx, Action.EVENT_TRANSFORM, tx -> Transformations.transform(tx, Json.read(request, Transform.class)));
    }

    /**
     * Lots packed onto (ADD) or taken off (DELETE) a pallet with an SSCC.
     *
     * @param request {@code {"sscc","action","children":[…],"bizStep","locationId","eventTime"}}
     */
    @Transaction(name = "Aggregate", intent = Transaction.TYPE.SUBMIT)
    public String aggregate(Context ctx, String request) {
        return Gate.run(
                ctx, Action.EVENT_AGGREGATE, tx -> Aggregations.aggregate(tx, Json.read(request, Aggregate.class)));
    }

    /**
     * Many recordings in one transaction, all or nothing: what a scale, a cold-chain logger or a
     * spreadsheet import sends. Each entry is checked exactly as its own transaction would be.
     *
     * @param request {@code {"entries":[{"action":"observe|ship|receive|sell|dispose|transform|aggregate|applyInput","request":{…}}]}}
     * @return {@code {"results":[{"eventId","duplicate","lots"}, …]}}
     */
    @Transaction(name = "Batch", intent = Transaction.TYPE.SUBMIT)
    public String batch(Context ctx, String request) {
        return Gate.run(ctx, Action.EVENT_BATCH, tx -> Batches.run(tx, Json.read(request, Batch.class)));
    }

    /**
     * EPCIS 2.0 events from another system's document (up to 500 events, 2 MiB), each stored under
     * its CBV 2.0 event hash ID, all or nothing. Events about lots the ledger does not know are kept as unverified upstream;
     * where an event names a known lot, the rules of the matching transaction apply (a shipment comes
     * out of the caller's holding, a transformation takes its inputs, status forbids what it forbids).
     *
     * @param request {@code {"context":<the document's @context>,"events":[<EPCIS event>, …]}}
     * @return {@code {"results":[{"eventId","duplicate","verified","lots"}, …]}}
     */
    @Transaction(name = "Capture", intent = Transaction.TYPE.SUBMIT)
    public String capture(Context ctx, String request) {
        return Gate.run(
                ctx,
                Action.EVENT_CAPTURE,
                tx -> Captures.capture(tx, Json.read(request, Capture.class, Json.MAX_CAPTURE_BYTES)));
    }

    /**
     * @param request {@code {"eventId"}}
     * @return the stored event with who recorded it in which transaction
     */
    @Transaction(name = "Get", intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx, String request) {
        return Gate.run(
                ctx,
                Action.EVENT_GET,
                tx -> Access.of(tx)
                        .require(Events.get(tx, Json.read(request, ById.class).eventId())));
    }

    /**
     * Several events in one call, in the order asked: read models follow the ledger a block at a
     * time, and one query per event would cost each its own signed proposal.
     *
     * @param request {@code {"eventIds": [...]}} (at most {@value #MANY})
     * @return the stored events as a JSON array
     */
    @Transaction(name = "GetMany", intent = Transaction.TYPE.EVALUATE)
    public String getMany(Context ctx, String request) {
        return Gate.run(ctx, Action.EVENT_GET_MANY, tx -> {
            Access access = Access.of(tx);
            return Json.read(request, ByIds.class).eventIds().stream()
                    .map(eventId -> access.require(Events.get(tx, eventId)))
                    .toList();
        });
    }

    /**
     * Which of these events the caller may read (the others are left out, unknown ones too), and of
     * those which it reads without quantities (seen only through its goods' lineage): the service's
     * read models answer queries from their own copy of the events and ask here, so that one rule
     * decides reads on every path.
     *
     * @param request {@code {"eventIds": [...]}} (at most {@value #MANY})
     * @return {@code {"readable": [...], "withoutQuantities": [...]}}, event IDs in the order asked
     */
    @Transaction(name = "Readable", intent = Transaction.TYPE.EVALUATE)
    public String readable(Context ctx, String request) {
        return Gate.run(ctx, Action.EVENT_READABLE, tx -> {
            Access access = Access.of(tx);
            List<String> readable = new ArrayList<>();
            List<String> withoutQuantities = new ArrayList<>();
            for (String eventId : Json.read(request, ByIds.class).eventIds()) {
                if (access.seesAll()) {
                    readable.add(eventId);
                } else {
                    Events.find(tx, eventId).filter(access::sees).ifPresent(event -> {
                        readable.add(eventId);
                        if (!access.seesQuantities(event)) {
                            withoutQuantities.add(eventId);
                        }
                    });
                }
            }
            return new Readability(readable, withoutQuantities);
        });
    }

    /** {@code event:Readable}'s answer. */
    record Readability(List<String> readable, List<String> withoutQuantities) {}

    /**
     * Inputs applied on a plot, with the date each becomes safe to harvest.
     *
     * @param request {@code {"plotId"}}
     */
    @Transaction(name = "PlotInputs", intent = Transaction.TYPE.EVALUATE)
    public String plotInputs(Context ctx, String request) {
        return Gate.run(ctx, Action.EVENT_PLOT_INPUTS, tx -> {
            String plotId = Json.read(request, ByPlot.class).plotId();
            Locations.get(tx, plotId);
            return InputApplications.ofPlot(tx, plotId);
        });
    }

    record ById(String eventId) {
        ById {
            Texts.required("eventId", eventId, 200);
        }
    }

    static final int MANY = 500;

    record ByIds(List<String> eventIds) {
        ByIds {
            if (eventIds == null || eventIds.isEmpty() || eventIds.size() > MANY) {
                throw Texts.invalid("eventIds must list 1 to " + MANY + " event IDs");
            }
            eventIds = List.copyOf(eventIds);
        }
    }

    record ByPlot(String plotId) {
        ByPlot {
            Texts.id("plotId", plotId);
        }
    }
}
