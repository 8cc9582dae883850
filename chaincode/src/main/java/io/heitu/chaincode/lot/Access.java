package io.heitu.chaincode.lot;

import io.heitu.chaincode.core.Caller;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Role;
import io.heitu.chaincode.core.Row;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.Events;
import io.heitu.chaincode.epcis.LotClasses;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.epcis.StoredEvent;
import io.heitu.chaincode.epcis.WithheldQuantities;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may read which lot: the read half of the role matrix, decided here so that it holds on every
 * peer. Regulators (and the consortium's administrators) read everything. Every other caller reads
 * the lots its organisation is a party to — made, holds, ships or receives, carries, recorded an
 * event on, or was asked to inspect ({@link #PARTY}) — and, for the lineage of those goods, every
 * lot they were made from and every lot made from them. Of any lot it did not make it sees no other
 * organisation's quantities (an inspection body sees every holder of the lots it reads). One instance answers one transaction and remembers what it read.
 */
public final class Access {

    /** {@code party~gtin~lotCode~mspId}: the organisation recorded an event on the lot or was asked to inspect it. */
    public static final String PARTY = Events.PARTY;

    private final Tx tx;
    private final String mspId;
    private final boolean all;
    private final boolean everyHolder;
    private final Map<LotRef, Boolean> parties = new HashMap<>();
    private final Map<LotRef, Boolean> visible = new HashMap<>();

    private Access(Tx tx) {
        this.tx = tx;
        Caller caller = tx.caller();
        this.mspId = caller.mspId();
        this.all = caller.role() == Role.REGULATOR || caller.role() == Role.ADMIN;
        // An inspection body samples and holds goods where they are: of the lots it may read it sees
        // every holder, as a regulator does. A member sees only its own quantities.
        this.everyHolder = all || caller.role() == Role.INSPECTOR;
    }

    public static Access of(Tx tx) {
        return new Access(tx);
    }

    /** Regulators and administrators read every organisation's lots, holdings and events. */
    public boolean seesAll() {
        return all;
    }

    /** The caller's organisation lists only its own lots, unless it reads everything. */
    public void requireListOf(String listedMsp) {
        if (!all && !mspId.equals(listedMsp)) {
            throw new TraceException(
                    ErrorCode.FORBIDDEN_READ,
                    "organisation " + mspId + " may list only its own lots, not those of " + listedMsp);
        }
    }

    public void require(LotRef ref) {
        if (!sees(ref)) {
            throw new TraceException(
                    ErrorCode.FORBIDDEN_READ,
                    "organisation " + mspId + " is not a party to lot " + ref + " nor to its lineage");
        }
    }

    /** A party to the lot itself, to a lot it was made from, or to a lot made from it. */
    public boolean sees(LotRef ref) {
        if (all) {
            return true;
        }
        Boolean known = visible.get(ref);
        if (known != null) {
            return known;
        }
        boolean sees = isParty(ref) || anySourceParty(ref) || anyProductParty(ref);
        visible.put(ref, sees);
        return sees;
    }

    /** An event is read by the organisation that recorded it, and by whoever sees one of its lots. */
    public boolean sees(StoredEvent event) {
        if (all || mspId.equals(event.recordedBy())) {
            return true;
        }
        for (String lot : event.lots()) {
            Optional<LotRef> ref = LotClasses.of(lot);
            if (ref.isPresent() && sees(ref.get())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The event as the caller may read it: whole for whoever recorded it, a party to one of its lots,
     * an inspection body or a regulator; for a reader who sees it only through its goods' lineage,
     * without quantities ({@link WithheldQuantities}).
     */
    public StoredEvent require(StoredEvent event) {
        if (!sees(event)) {
            throw new TraceException(
                    ErrorCode.FORBIDDEN_READ,
                    "organisation " + mspId + " is not a party to the lots of event " + event.eventId());
        }
        return seesQuantities(event) ? event : WithheldQuantities.of(event);
    }

    /**
     * Whether the caller reads the event's quantities: it recorded the event, is a party to one of
     * its lots, or reads every holder (inspection bodies, regulators). Another organisation's
     * shipment of goods made from one's own paddy shows that it happened, not how much moved.
     */
    public boolean seesQuantities(StoredEvent event) {
        if (everyHolder || mspId.equals(event.recordedBy())) {
            return true;
        }
        for (String lot : event.lots()) {
            Optional<LotRef> ref = LotClasses.of(lot);
            if (ref.isPresent() && isParty(ref.get())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The organisation made, holds, ships, receives or carries the lot, recorded an event on it or was
     * asked to inspect it.
     */
    public boolean isParty(LotRef ref) {
        if (all) {
            return true;
        }
        return parties.computeIfAbsent(ref, this::partyOnLedger);
    }

    private boolean partyOnLedger(LotRef ref) {
        if (tx.exists(tx.key(PARTY, ref.gtin(), ref.lotCode(), mspId))
                || Lots.holding(tx, ref, mspId) != null
                || tx.exists(tx.key(Lots.BY_PRODUCER, mspId, ref.gtin(), ref.lotCode()))
                || tx.any(Lots.SUPPLIER, ref.gtin(), ref.lotCode(), mspId)) {
            return true;
        }
        for (Row row : tx.scan(Lots.MAX_PARTIES, Lots.SUPPLIER, ref.gtin(), ref.lotCode())) {
            if (mspId.equals(row.attribute(3))) {
                return true;
            }
        }
        return Lots.transits(tx, ref).stream().anyMatch(transit -> transit.involves(mspId));
    }

    private boolean anySourceParty(LotRef ref) {
        return Ancestry.of(tx, ref).lots().stream().anyMatch(this::isParty);
    }

    private boolean anyProductParty(LotRef root) {
        Set<LotRef> seen = new HashSet<>(List.of(root));
        ArrayDeque<LotRef> next = new ArrayDeque<>(List.of(root));
        while (!next.isEmpty()) {
            LotRef ref = next.poll();
            for (Row row : tx.scan(Lineage.MAX_LOTS, Lineage.TYPE, Lineage.DOWN, ref.gtin(), ref.lotCode())) {
                LotRef product = new LotRef(row.attribute(3), row.attribute(4));
                if (seen.add(product)) {
                    if (isParty(product)) {
                        return true;
                    }
                    if (seen.size() > Lineage.MAX_LOTS) {
                        throw new TraceException(
                                ErrorCode.LIMIT_EXCEEDED,
                                "lineage of " + root + " reaches more than " + Lineage.MAX_LOTS + " lots");
                    }
                    next.add(product);
                }
            }
        }
        return false;
    }

    /**
     * The lot as the caller may see it: every other organisation's holdings and shipments are left
     * out, and the remaining quantity is shown only to the organisation that made the lot.
     */
    LotView view(LotView view) {
        if (everyHolder) {
            return view;
        }
        return new LotView(
                view.lot(),
                view.state(),
                mspId.equals(view.lot().provenance().producerMsp()) ? view.remaining() : null,
                ownHoldings(view.holdings()),
                ownTransits(view.inTransit()),
                view.holds(),
                view.recall());
    }

    List<Holding> ownHoldings(List<Holding> holdings) {
        return everyHolder
                ? holdings
                : holdings.stream().filter(h -> mspId.equals(h.mspId())).toList();
    }

    List<Transit> ownTransits(List<Transit> transits) {
        return everyHolder
                ? transits
                : transits.stream().filter(t -> t.involves(mspId)).toList();
    }
}
