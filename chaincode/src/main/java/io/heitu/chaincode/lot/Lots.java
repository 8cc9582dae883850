package io.heitu.chaincode.lot;

import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Page;
import io.heitu.chaincode.core.Row;
import io.heitu.chaincode.core.Texts;
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
    static final String SUPPLIER = "supplier";

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

    /**
     * Creates a lot held entirely by the organisation that made it, with the ancestry its holds and
     * recalls are resolved through.
     */
    public static void create(Tx tx, Lot lot, Ancestry ancestry) {
        if (tx.exists(tx.key(TYPE, lot.gtin(), lot.lotCode()))) {
            throw new TraceException(ErrorCode.LOT_EXISTS, "lot " + lot.ref() + " already exists");
        }
        save(tx, lot);
        if (!ancestry.lots().isEmpty() || !ancestry.plots().isEmpty() || ancestry.unknownSources()) {
            Ancestry.save(tx, lot.ref(), ancestry);
        }
        Provenance provenance = lot.provenance();
        setHolding(tx, lot.ref(), provenance.producerMsp(), provenance.quantity());
        tx.put(tx.key(BY_PRODUCER, provenance.producerMsp(), lot.gtin(), lot.lotCode()), new byte[] {'1'});
    }

    /** The lot's standing with every hold and recall that applies to it, its ancestors' included. */
    public static Standing standing(Tx tx, Lot lot) {
        return Standing.of(tx, lot);
    }

    /** Refuses an event the lot's standing (its own, and that of every lot it was made from) does not allow. */
    public static void requireUsable(Tx tx, Lot lot, Use use) {
        if (use == Use.RECALL_HANDLING) {
            return;
        }
        Standing standing = standing(tx, lot);
        if (standing.recalled()) {
            throw new TraceException(
                    ErrorCode.LOT_RECALLED,
                    "lot " + lot.ref() + " is recalled"
                            + through(lot, standing.recall())
                            + "; only recall handling may follow");
        }
        if (standing.held() && use == Use.MOVE) {
            throw new TraceException(
                    ErrorCode.LOT_ON_HOLD,
                    "lot " + lot.ref() + " is on hold"
                            + through(lot, standing.holds().get(0)));
        }
    }

    private static String through(Lot lot, StatusChange change) {
        return change.originLot().equals(lot.ref().epcClass()) ? "" : " through " + change.originLot();
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
        // The receiver and the carrier become parties to the lot (read access) when it is shipped.
        for (String party : new String[] {transit.toMsp(), transit.carrierMsp()}) {
            if (party != null) {
                tx.put(tx.key(Access.PARTY, lot.gtin(), lot.lotCode(), party), new byte[] {'1'});
            }
        }
        tx.put(tx.key(TRANSIT, lot.gtin(), lot.lotCode(), transit.toMsp(), transit.shippedAt(), eventDigest), transit);
    }

    /**
     * Receives from the open shipments to the receiver, oldest first (by the time each was shipped,
     * then by its event), only from {@code fromMsp}'s when the receiver names the sender; records
     * whom the receiver got the lot from, the only parties it may return it to. A held or recalled
     * lot is received only from returns: it does not change hands otherwise.
     */
    public static void receive(Tx tx, Lot lot, String toMsp, String fromMsp, Quantity quantity) {
        inLotUnit(lot, quantity);
        Standing standing = standing(tx, lot);
        boolean returnsOnly = standing.held() || standing.recalled();
        Quantity missing = quantity;
        for (Row row : tx.scan(MAX_PARTIES, TRANSIT, lot.gtin(), lot.lotCode(), toMsp)) {
            if (missing.isZero()) {
                break;
            }
            Transit transit = row.as(Transit.class);
            if (fromMsp != null && !fromMsp.equals(transit.fromMsp()) || returnsOnly && !transit.isReturn()) {
                continue;
            }
            String key = tx.key(TRANSIT, lot.gtin(), lot.lotCode(), toMsp, row.attribute(3), row.attribute(4));
            Quantity drawn = transit.quantity().isLessThan(missing) ? transit.quantity() : missing;
            missing = missing.minus(drawn);
            Quantity left = transit.quantity().minus(drawn);
            if (left.isZero()) {
                tx.delete(key);
            } else {
                tx.put(key, transit.withQuantity(left));
            }
            tx.put(tx.key(SUPPLIER, lot.gtin(), lot.lotCode(), toMsp, transit.fromMsp()), new byte[] {'1'});
        }
        if (!missing.isZero()) {
            if (returnsOnly) {
                requireUsable(tx, lot, Use.MOVE);
            }
            throw new TraceException(
                    ErrorCode.NOTHING_IN_TRANSIT,
                    "less of lot " + lot.ref() + " is in transit to " + toMsp
                            + (fromMsp == null ? "" : " from " + fromMsp) + " than "
                            + quantity.value().toPlainString());
        }
        give(tx, lot, toMsp, quantity);
    }

    /** A return goes back only to an organisation the returner received the lot from. */
    public static void requireSupplier(Tx tx, Lot lot, String returner, String supplier) {
        if (!tx.exists(tx.key(SUPPLIER, lot.gtin(), lot.lotCode(), returner, supplier))) {
            throw new TraceException(
                    ErrorCode.RETURN_NOT_TO_SUPPLIER,
                    "organisation " + returner + " did not receive lot " + lot.ref() + " from " + Texts.clip(supplier)
                            + ": a return goes back to where the lot came from");
        }
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
        return view(tx, get(tx, ref), new Standing.Resolver(tx));
    }

    /** The lot as the caller may read it: refused to an organisation with no part in its lineage. */
    static LotView readableView(Tx tx, LotRef ref) {
        Lot lot = get(tx, ref);
        Access access = Access.of(tx);
        access.require(ref);
        return access.view(view(tx, lot, new Standing.Resolver(tx)));
    }

    /** Each lot as {@link #readableView} answers it; the standing of shared ancestors resolved once. */
    static List<LotView> readableViews(Tx tx, List<LotRef> refs) {
        Access access = Access.of(tx);
        Standing.Resolver resolver = new Standing.Resolver(tx);
        List<LotView> views = new ArrayList<>(refs.size());
        for (LotRef ref : refs) {
            Lot lot = get(tx, ref);
            access.require(ref);
            views.add(access.view(view(tx, lot, resolver)));
        }
        return views;
    }

    static LotView view(Tx tx, Lot lot, Standing.Resolver resolver) {
        List<Holding> holdings = holdings(tx, lot.ref());
        List<Transit> transits = transits(tx, lot.ref());
        Quantity remaining = Quantity.zero(lot.provenance().quantity().uom());
        for (Holding holding : holdings) {
            remaining = remaining.plus(holding.quantity());
        }
        for (Transit transit : transits) {
            remaining = remaining.plus(transit.quantity());
        }
        Standing standing = resolver.standing(lot);
        String state = !standing.held() && !standing.recalled() && remaining.isZero() ? CONSUMED : standing.word();
        return new LotView(lot, state, remaining, holdings, transits, standing.holds(), standing.recall());
    }

    /** The state of an active lot with nothing left anywhere. */
    public static final String CONSUMED = "consumed";

    /** Lots an organisation holds, or the lots it made, or those it was asked to inspect. */
    static Page<LotView> list(Tx tx, LotQueries.ListLots query) {
        Access access = Access.of(tx);
        access.requireListOf(query.mspId());
        String index = query.produced() ? BY_PRODUCER : query.asked() ? InspectionRequests.ASKED : HOLDING_BY_MSP;
        Page<Row> rows = tx.page(Page.size(query.pageSize()), query.bookmark(), index, query.mspId());
        List<LotView> lots = new ArrayList<>();
        Standing.Resolver resolver = new Standing.Resolver(tx);
        for (Row row : rows.items()) {
            lots.add(access.view(view(tx, get(tx, new LotRef(row.attribute(1), row.attribute(2))), resolver)));
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
