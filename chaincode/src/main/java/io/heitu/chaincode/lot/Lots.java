package io.heitu.chaincode.lot;

import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Page;
import io.heitu.chaincode.core.Row;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.epcis.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lots, and the quantities each organisation holds or has in transit. */
public final class Lots {

    static final String TYPE = "lot";
    static final String HOLDING = "holding";
    static final String HOLDING_BY_MSP = "holding~msp";
    static final String TRANSIT = "transit";
    static final String BY_PRODUCER = "lot~producer";

    /** Bound on holders or open shipments of one lot read in a transaction. */
    static final int MAX_PARTIES = 10_000;

    private Lots() {}

    public static Optional<Lot> find(Tx tx, LotRef ref) {
        return tx.read(tx.key(TYPE, ref.gtin(), ref.lotCode()), Lot.class);
    }

    public static Lot get(Tx tx, LotRef ref) {
        return find(tx, ref)
                .orElseThrow(() -> new TraceException(ErrorCode.LOT_NOT_FOUND, "lot " + ref + " is not on the ledger"));
    }

    public static void save(Tx tx, Lot lot) {
        tx.put(tx.key(TYPE, lot.gtin(), lot.lotCode()), lot);
    }

    /** Creates a lot held entirely by the organisation that made it. */
    public static void create(Tx tx, Lot lot) {
        if (tx.exists(tx.key(TYPE, lot.gtin(), lot.lotCode()))) {
            throw new TraceException(ErrorCode.LOT_EXISTS, "lot " + lot.ref() + " already exists");
        }
        save(tx, lot);
        Provenance provenance = lot.provenance();
        setHolding(tx, lot.ref(), provenance.producerMsp(), provenance.quantity());
        tx.put(tx.key(BY_PRODUCER, provenance.producerMsp(), lot.gtin(), lot.lotCode()), new byte[] {'1'});
    }

    /** Refuses an event the lot's status does not allow. */
    public static void requireUsable(Lot lot, Use use) {
        if (lot.status() == LotStatus.RECALLED && use != Use.RECALL_HANDLING) {
            throw new TraceException(
                    ErrorCode.LOT_RECALLED, "lot " + lot.ref() + " is recalled; only recall handling may follow");
        }
        if (lot.status() == LotStatus.ON_HOLD && use == Use.MOVE) {
            throw new TraceException(ErrorCode.LOT_ON_HOLD, "lot " + lot.ref() + " is on hold");
        }
    }

    /** A quantity in the lot's own unit; lots are never mixed across units. */
    public static Quantity inLotUnit(Lot lot, Quantity quantity) {
        if (quantity.uom() != lot.provenance().quantity().uom()) {
            throw new TraceException(
                    ErrorCode.UNIT_MISMATCH,
                    "lot " + lot.ref() + " is counted in "
                            + lot.provenance().quantity().uom() + ", not " + quantity.uom());
        }
        return quantity;
    }

    public static Quantity holding(Tx tx, LotRef ref, String mspId) {
        return tx.read(tx.key(HOLDING, ref.gtin(), ref.lotCode(), mspId), Holding.class)
                .map(Holding::quantity)
                .orElse(null);
    }

    /** Takes a quantity out of what the organisation holds: the mass-balance check. */
    public static void take(Tx tx, Lot lot, String mspId, Quantity quantity) {
        inLotUnit(lot, quantity);
        Quantity held = holding(tx, lot.ref(), mspId);
        if (held == null) {
            throw new TraceException(
                    ErrorCode.FORBIDDEN_NOT_OWNER, "organisation " + mspId + " holds none of lot " + lot.ref());
        }
        if (held.isLessThan(quantity)) {
            throw new TraceException(
                    ErrorCode.INSUFFICIENT_QUANTITY,
                    "organisation " + mspId + " holds " + held.value().toPlainString() + " " + held.uom() + " of lot "
                            + lot.ref() + ", less than " + quantity.value().toPlainString());
        }
        setHolding(tx, lot.ref(), mspId, held.minus(quantity));
    }

    public static void give(Tx tx, Lot lot, String mspId, Quantity quantity) {
        inLotUnit(lot, quantity);
        Quantity held = holding(tx, lot.ref(), mspId);
        setHolding(tx, lot.ref(), mspId, held == null ? quantity : held.plus(quantity));
    }

    public static void ship(Tx tx, Lot lot, Transit transit, String eventDigest) {
        take(tx, lot, transit.fromMsp(), transit.quantity());
        tx.put(tx.key(TRANSIT, lot.gtin(), lot.lotCode(), transit.toMsp(), eventDigest), transit);
    }

    /**
     * Receives from the open shipments to the receiver, in key order (the order of their events'
     * hashes); only from {@code fromMsp}'s shipments when the receiver names the sender.
     */
    public static void receive(Tx tx, Lot lot, String toMsp, String fromMsp, Quantity quantity) {
        inLotUnit(lot, quantity);
        Quantity missing = quantity;
        for (Row row : tx.scan(MAX_PARTIES, TRANSIT, lot.gtin(), lot.lotCode(), toMsp)) {
            if (missing.isZero()) {
                break;
            }
            Transit transit = row.as(Transit.class);
            if (fromMsp != null && !fromMsp.equals(transit.fromMsp())) {
                continue;
            }
            String key = tx.key(TRANSIT, lot.gtin(), lot.lotCode(), toMsp, row.attribute(3));
            if (transit.quantity().isLessThan(missing)) {
                missing = missing.minus(transit.quantity());
                tx.delete(key);
            } else {
                Quantity left = transit.quantity().minus(missing);
                missing = Quantity.zero(quantity.uom());
                if (left.isZero()) {
                    tx.delete(key);
                } else {
                    tx.put(key, transit.withQuantity(left));
                }
            }
        }
        if (!missing.isZero()) {
            throw new TraceException(
                    ErrorCode.NOTHING_IN_TRANSIT,
                    "less of lot " + lot.ref() + " is in transit to " + toMsp
                            + (fromMsp == null ? "" : " from " + fromMsp) + " than "
                            + quantity.value().toPlainString());
        }
        give(tx, lot, toMsp, quantity);
    }

    /** The caller holds some of the lot, or ships, receives or carries an open shipment of it. */
    public static void requireInvolved(Tx tx, Lot lot, String mspId) {
        if (holding(tx, lot.ref(), mspId) != null) {
            return;
        }
        for (Transit transit : transits(tx, lot.ref())) {
            if (transit.involves(mspId)) {
                return;
            }
        }
        throw new TraceException(
                ErrorCode.FORBIDDEN_NOT_OWNER, "organisation " + mspId + " neither holds nor carries lot " + lot.ref());
    }

    public static List<Holding> holdings(Tx tx, LotRef ref) {
        return tx.scan(MAX_PARTIES, HOLDING, ref.gtin(), ref.lotCode()).stream()
                .map(row -> row.as(Holding.class))
                .toList();
    }

    public static List<Transit> transits(Tx tx, LotRef ref) {
        return tx.scan(MAX_PARTIES, TRANSIT, ref.gtin(), ref.lotCode()).stream()
                .map(row -> row.as(Transit.class))
                .toList();
    }

    public static LotView view(Tx tx, LotRef ref) {
        Lot lot = get(tx, ref);
        List<Holding> holdings = holdings(tx, ref);
        List<Transit> transits = transits(tx, ref);
        Quantity remaining = Quantity.zero(lot.provenance().quantity().uom());
        for (Holding holding : holdings) {
            remaining = remaining.plus(holding.quantity());
        }
        for (Transit transit : transits) {
            remaining = remaining.plus(transit.quantity());
        }
        String state = lot.status() == LotStatus.ACTIVE && remaining.isZero()
                ? "consumed"
                : lot.status().word();
        return new LotView(lot, state, remaining, holdings, transits);
    }

    /** Lots an organisation holds, or (with {@code produced}) the lots it made. */
    static Page<LotView> list(Tx tx, String mspId, boolean produced, Integer pageSize, String bookmark) {
        Page<Row> rows = produced
                ? tx.page(Page.size(pageSize), bookmark, BY_PRODUCER, mspId)
                : tx.page(Page.size(pageSize), bookmark, HOLDING_BY_MSP, mspId);
        List<LotView> lots = new ArrayList<>();
        for (Row row : rows.items()) {
            lots.add(view(tx, new LotRef(row.attribute(1), row.attribute(2))));
        }
        return new Page<>(lots, rows.bookmark());
    }

    private static void setHolding(Tx tx, LotRef ref, String mspId, Quantity quantity) {
        String key = tx.key(HOLDING, ref.gtin(), ref.lotCode(), mspId);
        String byMsp = tx.key(HOLDING_BY_MSP, mspId, ref.gtin(), ref.lotCode());
        if (quantity.isZero()) {
            tx.delete(key);
            tx.delete(byMsp);
        } else {
            Holding holding = new Holding(mspId, quantity);
            tx.put(key, holding);
            tx.put(byMsp, holding);
        }
    }
}
