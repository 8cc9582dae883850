package io.heitu.chaincode.event;

import io.heitu.chaincode.core.Action;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Json;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.BizStep;
import io.heitu.chaincode.epcis.Recorded;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Runs a batch: each entry exactly as its own transaction would, checked against the caller's
 * role for that action, in order, sharing one transaction (one signature, one endorsement, one
 * commit). A refusal anywhere refuses the whole batch, naming the entry.
 */
final class Batches {

    private record Kind(Action action, BiFunction<Tx, String, Recorded> record) {}

    private static final Map<String, Kind> KINDS = Map.of(
            "applyInput",
                    new Kind(
                            Action.EVENT_APPLY_INPUT,
                            (tx, json) -> InputRecording.apply(tx, Json.read(json, ApplyInput.class))),
            "observe",
                    new Kind(Action.EVENT_OBSERVE, (tx, json) -> Movements.observe(tx, Json.read(json, Observe.class))),
            "ship", new Kind(Action.EVENT_SHIP, (tx, json) -> Movements.ship(tx, Json.read(json, Ship.class))),
            "receive",
                    new Kind(Action.EVENT_RECEIVE, (tx, json) -> Movements.receive(tx, Json.read(json, Receive.class))),
            "sell",
                    new Kind(
                            Action.EVENT_SELL,
                            (tx, json) ->
                                    Movements.consume(tx, Json.read(json, Consume.class), BizStep.RETAIL_SELLING)),
            "dispose",
                    new Kind(
                            Action.EVENT_DISPOSE,
                            (tx, json) -> Movements.consume(tx, Json.read(json, Consume.class), BizStep.DESTROYING)),
            "transform",
                    new Kind(
                            Action.EVENT_TRANSFORM,
                            (tx, json) -> Transformations.transform(tx, Json.read(json, Transform.class))),
            "aggregate",
                    new Kind(
                            Action.EVENT_AGGREGATE,
                            (tx, json) -> Aggregations.aggregate(tx, Json.read(json, Aggregate.class))));

    private Batches() {}

    /** The answer: one {@code {"eventId","duplicate","lots"}} per entry, in order. */
    record Results(List<Recorded> results) {}

    static Results run(Tx tx, Batch batch) {
        List<Recorded> results = new ArrayList<>();
        tx.beginBatch();
        for (int i = 0; i < batch.entries().size(); i++) {
            Batch.Entry entry = batch.entries().get(i);
            Kind kind = KINDS.get(entry.action());
            if (kind == null) {
                throw new TraceException(
                        ErrorCode.INVALID_ARGUMENT, "entry " + i + ": unknown action '" + entry.action() + "'");
            }
            if (!kind.action().allows(tx.caller().role())) {
                throw new TraceException(
                        ErrorCode.FORBIDDEN_ROLE,
                        "entry " + i + ": role " + tx.caller().role().word() + " may not call "
                                + kind.action().transaction());
            }
            try {
                results.add(kind.record().apply(tx, entry.request().toString()));
            } catch (TraceException refusal) {
                throw new TraceException(
                        refusal.code(),
                        "entry " + i + ": "
                                + refusal.getMessage()
                                        .substring(refusal.code().name().length() + 2));
            }
        }
        tx.endBatch("EventsRecorded");
        return new Results(results);
    }
}
