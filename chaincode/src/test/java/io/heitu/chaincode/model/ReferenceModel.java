package io.heitu.chaincode.model;

import io.heitu.chaincode.support.World;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ledger's guarantees as the README states them ("What the ledger guarantees"), written again
 * from those sentences and not from the chaincode: for each step, every rule it would break (the
 * stable codes the ledger may answer with), and what it changes when it breaks none. The chaincode
 * checks rules in its own order, so it must refuse exactly when the model finds a broken rule,
 * with one of the codes the model found.
 */
final class ReferenceModel {

    static final String COOP = World.COOP;
    static final String FARM = World.GINSENG_FARM;
    static final String MILL = World.MILL;
    static final String CARRIER = World.CARRIER;
    static final String MART = World.MART;
    static final String INSPECTION = World.INSPECTION;
    static final String REGULATOR = World.REGULATOR;

    static final List<String> ORGS = List.of(COOP, FARM, MILL, CARRIER, MART, INSPECTION, REGULATOR);

    /** The one role each organisation's user has: its kind allows only that one. */
    static final Map<String, String> ROLE = Map.of(
            COOP, "producer",
            FARM, "producer",
            MILL, "processor",
            CARRIER, "logistics",
            MART, "retailer",
            INSPECTION, "inspector",
            REGULATOR, "regulator");

    private static final Set<String> MOVERS = Set.of("producer", "processor", "logistics", "retailer");

    /** Who may call what, as the consortium agreed. */
    static final Map<String, Set<String>> ROLES = Map.ofEntries(
            Map.entry("lot:Commission", Set.of("producer")),
            Map.entry("event:ApplyInput", Set.of("producer")),
            Map.entry("event:Ship", MOVERS),
            Map.entry("event:Receive", MOVERS),
            Map.entry("event:Sell", Set.of("producer", "retailer")),
            Map.entry("event:Dispose", MOVERS),
            Map.entry("event:Transform", Set.of("producer", "processor")),
            Map.entry("event:Batch", MOVERS),
            Map.entry("event:Capture", MOVERS),
            Map.entry("lot:Hold", Set.of("inspector", "regulator")),
            Map.entry("lot:Release", Set.of("inspector", "regulator")),
            Map.entry("lot:Recall", Set.of("inspector", "regulator")),
            Map.entry("inspection:RecordLabResult", Set.of("inspector")),
            Map.entry("qr:RecordIssuance", Set.of("producer", "processor")));

    /** Organisations that registered a QR signing key when the world was set up. */
    static final Set<String> KEYS = Set.of(COOP, MILL);

    static final String PADDY = World.PADDY;
    static final String MILLED = World.MILLED_RICE;
    static final String BAGS = World.RICE_BAG_5KG;

    /** The registered yield of milled rice from paddy. */
    static final BigDecimal PADDY_TO_MILLED = new BigDecimal("0.72");

    /** The plot's 85.5 mu at 800 kg per mu and season. */
    static final long PLOT_SEASON_KG = 68_400;

    static final Duration RECORDING_DELAY = Duration.ofHours(72);

    ModelState state = new ModelState();

    static String owner(String gtin) {
        return gtin.equals(PADDY) ? COOP : MILL;
    }

    /** The owner of the GTIN, or an organisation it licensed: the mill lets the cooperative mill and pack rice. */
    static boolean maker(String gtin, String org) {
        return owner(gtin).equals(org) || !gtin.equals(PADDY) && org.equals(COOP);
    }

    static String uom(String gtin) {
        return gtin.equals(BAGS) ? "H87" : "KGM";
    }

    static long kg(String gtin, long qty) {
        return gtin.equals(BAGS) ? qty * 5 : qty;
    }

    /** The product of a lot code the generator made: P… paddy, M… milled rice, B… bags. */
    static String gtinOf(String code) {
        return switch (code.charAt(0)) {
            case 'M' -> MILLED;
            case 'B' -> BAGS;
            default -> PADDY;
        };
    }

    static Instant eventTime(Instant now, int back, int index) {
        return now.minus(Duration.ofHours(back)).minusSeconds(index);
    }

    /** The codes the step would be refused with; empty when it is accepted, and then applied. */
    Set<String> apply(Step step, Instant clock) {
        this.now = clock;
        return apply(step, clock, 0);
    }

    private Set<String> apply(Step step, Instant now, int index) {
        String transaction = transaction(step);
        if (!ROLES.get(transaction).contains(ROLE.get(step.org()))) {
            return Set.of("FORBIDDEN_ROLE");
        }
        Set<String> broken = new TreeSet<>();
        Instant time = eventTime(now, back(step), index);
        Runnable effects = () -> {};
        if (step instanceof Step.Harvest h) {
            effects = harvest(h, time, broken);
        } else if (step instanceof Step.Spray s) {
            effects = spray(s, time, broken);
        } else if (step instanceof Step.Ship s) {
            effects = ship(s, time, broken);
        } else if (step instanceof Step.Receive r) {
            effects = receive(r, time, broken);
        } else if (step instanceof Step.Consume c) {
            effects = consume(c, time, broken);
        } else if (step instanceof Step.Transform t) {
            effects = transform(t, time, false, broken);
        } else if (step instanceof Step.Hold h) {
            effects = hold(h, broken);
        } else if (step instanceof Step.Release r) {
            effects = release(r, broken);
        } else if (step instanceof Step.Recall r) {
            effects = recall(r, broken);
        } else if (step instanceof Step.LabResult l) {
            effects = labResult(l, time, broken);
        } else if (step instanceof Step.IssueCodes i) {
            effects = issue(i, broken);
        } else if (step instanceof Step.Batch b) {
            broken.addAll(batch(b, now));
        } else if (step instanceof Step.Capture c) {
            broken.addAll(capture(c, now));
        } else if (step instanceof Step.CaptureForged f) {
            effects = forged(f, time, broken);
        }
        if (broken.isEmpty()) {
            effects.run();
        }
        return broken;
    }

    static String transaction(Step step) {
        return step.transaction();
    }

    private void late(Instant time, Instant now, Set<String> broken) {
        if (time.isBefore(now.minus(RECORDING_DELAY))) {
            broken.add("LATE_RECORDING");
        }
    }

    private Instant now;

    private Runnable harvest(Step.Harvest h, Instant time, Set<String> broken) {
        if (!h.org().equals(COOP)) {
            broken.add("GTIN_NOT_OWNED");
            broken.add("FORBIDDEN_NOT_OWNER");
        }
        late(time, now, broken);
        for (Instant[] spray : state.sprays) {
            Instant applied = spray[0];
            Instant safe = spray[1];
            Duration interval = Duration.between(applied, safe);
            boolean inside = !applied.isAfter(time) && time.isBefore(safe);
            boolean justBefore = time.isBefore(applied) && time.plus(interval).isAfter(applied);
            if (!interval.isZero() && (inside || justBefore)) {
                broken.add("PRE_HARVEST_INTERVAL");
            }
        }
        int season = time.atOffset(ZoneOffset.ofHours(8)).getYear();
        if (state.harvested.getOrDefault(season, 0L) + h.kg() > PLOT_SEASON_KG) {
            broken.add("YIELD_EXCEEDED");
        }
        if (state.lots.containsKey(h.lot())) {
            broken.add("LOT_EXISTS");
        }
        return () -> {
            state.lots.put(h.lot(), new ModelState.Lot(h.lot(), PADDY, COOP, h.kg(), List.of(), false));
            state.add(h.lot(), COOP, h.kg());
            state.harvests.add(time);
            state.harvested.merge(season, h.kg(), Long::sum);
        };
    }

    private Runnable spray(Step.Spray s, Instant time, Set<String> broken) {
        if (!s.org().equals(COOP)) {
            broken.add("FORBIDDEN_NOT_OWNER");
        }
        late(time, now, broken);
        Instant safe = time.plus(Duration.ofDays(s.phiDays()));
        for (Instant harvest : state.harvests) {
            if (!time.isAfter(harvest) && harvest.isBefore(safe)) {
                broken.add("PRE_HARVEST_INTERVAL");
            }
        }
        return () -> state.sprays.add(new Instant[] {time, safe});
    }

    private Runnable ship(Step.Ship s, Instant time, Set<String> broken) {
        if (s.to().equals(s.org())) {
            broken.add("INVALID_ARGUMENT");
        }
        if (s.carrier() != null && !s.carrier().equals(CARRIER)) {
            broken.add("INVALID_ARGUMENT");
        }
        late(time, now, broken);
        ModelState.Lot lot = state.lots.get(s.lot());
        if (lot == null) {
            broken.add("LOT_NOT_FOUND");
            return () -> {};
        }
        if (!s.returned()) {
            usable(lot.code, true, broken);
        } else if (!state.suppliers.contains(s.lot() + "|" + s.org() + "|" + s.to())) {
            broken.add("RETURN_NOT_TO_SUPPLIER");
        }
        take(lot, s.org(), s.qty(), s.uom(), broken);
        return () -> {
            state.add(s.lot(), s.org(), -s.qty());
            state.transits.add(
                    new ModelState.Transit(s.lot(), s.org(), s.to(), s.carrier(), s.qty(), time, s.returned()));
        };
    }

    private Runnable receive(Step.Receive r, Instant time, Set<String> broken) {
        late(time, now, broken);
        ModelState.Lot lot = state.lots.get(r.lot());
        if (lot == null) {
            broken.add("LOT_NOT_FOUND");
            return () -> {};
        }
        if (!r.uom().equals(uom(lot.gtin))) {
            broken.add("UNIT_MISMATCH");
            return () -> {};
        }
        // A held or recalled lot changes hands only as a return.
        boolean returnsOnly = state.held(lot.code) || state.recalled(lot.code);
        List<ModelState.Transit> open = state.transits.stream()
                .filter(t -> t.lot().equals(r.lot()) && t.to().equals(r.org()))
                .filter(t -> r.from() == null || t.from().equals(r.from()))
                .filter(t -> !returnsOnly || t.returned())
                .sorted(Comparator.comparing(ModelState.Transit::shippedAt))
                .toList();
        if (open.stream().mapToLong(ModelState.Transit::qty).sum() < r.qty()) {
            broken.add("NOTHING_IN_TRANSIT");
            if (returnsOnly) {
                broken.add(state.recalled(lot.code) ? "LOT_RECALLED" : "LOT_ON_HOLD");
            }
        }
        return () -> {
            long missing = r.qty();
            for (ModelState.Transit transit : open) {
                if (missing == 0) {
                    break;
                }
                long drawn = Math.min(missing, transit.qty());
                missing -= drawn;
                int at = state.transits.indexOf(transit);
                state.transits.remove(at);
                if (transit.qty() > drawn) {
                    state.transits.add(
                            at,
                            new ModelState.Transit(
                                    transit.lot(),
                                    transit.from(),
                                    transit.to(),
                                    transit.carrier(),
                                    transit.qty() - drawn,
                                    transit.shippedAt(),
                                    transit.returned()));
                }
                state.suppliers.add(r.lot() + "|" + r.org() + "|" + transit.from());
            }
            state.add(r.lot(), r.org(), r.qty());
        };
    }

    private Runnable consume(Step.Consume c, Instant time, Set<String> broken) {
        late(time, now, broken);
        ModelState.Lot lot = state.lots.get(c.lot());
        if (lot == null) {
            broken.add("LOT_NOT_FOUND");
            return () -> {};
        }
        if (c.sale()) {
            usable(lot.code, true, broken);
        }
        take(lot, c.org(), c.qty(), c.uom(), broken);
        return () -> {
            state.add(c.lot(), c.org(), -c.qty());
            lot.out += c.qty();
        };
    }

    /** Inputs leave the maker's holding; outputs are new lots within ownership, GI, yield and mass. */
    private Runnable transform(Step.Transform t, Instant time, boolean captured, Set<String> broken) {
        late(time, now, broken);
        boolean keepsMass = !captured && (t.kind().equals("split") || t.kind().equals("merge"));
        long inKg = 0;
        BigDecimal milledAllowed = BigDecimal.ZERO;
        boolean fromPaddy = false;
        boolean unknown = captured && upstream;
        List<ModelState.Lot> inputs = new ArrayList<>();
        for (Step.Line line : t.inputs()) {
            ModelState.Lot lot = state.lots.get(line.lot());
            if (lot == null) {
                broken.add("LOT_NOT_FOUND");
                continue;
            }
            inputs.add(lot);
            usable(lot.code, true, broken);
            take(lot, t.org(), line.qty(), uom(lot.gtin), broken);
            long kg = kg(lot.gtin, line.qty());
            inKg += kg;
            fromPaddy |= lot.gtin.equals(PADDY);
            milledAllowed = milledAllowed.add(
                    lot.gtin.equals(PADDY) ? PADDY_TO_MILLED.multiply(BigDecimal.valueOf(kg)) : BigDecimal.valueOf(kg));
            unknown |= lot.unknownSources;
        }
        long outKg = 0;
        long milledKg = 0;
        for (Step.Line output : t.outputs()) {
            if (state.lots.containsKey(output.lot())) {
                broken.add("LOT_EXISTS");
            }
            if (keepsMass && inputs.stream().anyMatch(input -> !input.gtin.equals(output.gtin()))) {
                broken.add("INVALID_ARGUMENT");
            }
            if (!maker(output.gtin(), t.org())) {
                broken.add("GTIN_NOT_OWNED");
            }
            if (output.gtin().equals(BAGS) && unknown) {
                broken.add("NOT_IN_GI_AREA");
            }
            outKg += kg(output.gtin(), output.qty());
            if (output.gtin().equals(MILLED)) {
                milledKg += output.qty();
            }
        }
        if (fromPaddy && BigDecimal.valueOf(milledKg).compareTo(milledAllowed) > 0) {
            broken.add("YIELD_EXCEEDED");
        }
        if (outKg > inKg || keepsMass && outKg != inKg) {
            broken.add("MASS_BALANCE_VIOLATED");
        }
        boolean sources = unknown;
        return () -> {
            List<String> parents = new ArrayList<>();
            for (Step.Line line : t.inputs()) {
                state.add(line.lot(), t.org(), -line.qty());
                state.lots.get(line.lot()).out += line.qty();
                parents.add(line.lot());
            }
            for (Step.Line output : t.outputs()) {
                state.lots.put(
                        output.lot(),
                        new ModelState.Lot(output.lot(), output.gtin(), t.org(), output.qty(), parents, sources));
                state.add(output.lot(), t.org(), output.qty());
            }
        };
    }

    private Runnable hold(Step.Hold h, Set<String> broken) {
        ModelState.Lot lot = state.lots.get(h.lot());
        if (lot == null) {
            broken.add("LOT_NOT_FOUND");
            return () -> {};
        }
        if (state.recalled(lot.code)) {
            broken.add("LOT_RECALLED");
        }
        return () -> lot.ownHolds.add("hold");
    }

    private Runnable release(Step.Release r, Set<String> broken) {
        ModelState.Lot lot = state.lots.get(r.lot());
        if (lot == null) {
            broken.add("LOT_NOT_FOUND");
            return () -> {};
        }
        int index = r.index();
        if (index >= 0) {
            if (index >= lot.ownHolds.size()) {
                broken.add("HOLD_NOT_FOUND");
            }
        } else if (lot.ownHolds.size() > 1) {
            broken.add("HOLD_AMBIGUOUS");
        } else if (lot.ownHolds.isEmpty()) {
            broken.add(state.held(lot.code) ? "HOLD_INHERITED" : "LOT_NOT_ON_HOLD");
        }
        return () -> lot.ownHolds.remove(Math.max(index, 0));
    }

    private Runnable recall(Step.Recall r, Set<String> broken) {
        ModelState.Lot lot = state.lots.get(r.lot());
        if (lot == null) {
            broken.add("LOT_NOT_FOUND");
            return () -> {};
        }
        if (state.recalled(lot.code)) {
            broken.add("LOT_RECALLED");
        }
        return () -> lot.recalled = true;
    }

    private Runnable labResult(Step.LabResult l, Instant time, Set<String> broken) {
        late(time, now, broken);
        ModelState.Lot lot = state.lots.get(l.lot());
        if (lot == null) {
            broken.add("LOT_NOT_FOUND");
            return () -> {};
        }
        boolean recalled = state.recalled(lot.code);
        if (recalled) {
            broken.add("LOT_RECALLED");
        }
        return () -> {
            lot.lastPass = l.pass();
            if (!l.pass()) {
                lot.ownHolds.add("failed_result");
            }
        };
    }

    private Runnable issue(Step.IssueCodes i, Set<String> broken) {
        ModelState.Lot lot = state.lots.get(i.lot());
        if (lot == null) {
            broken.add("LOT_NOT_FOUND");
            return () -> {};
        }
        if (!lot.producer.equals(i.org()) && state.held(lot.code, i.org()) == 0) {
            broken.add("FORBIDDEN_NOT_OWNER");
        }
        usable(lot.code, true, broken);
        if (!KEYS.contains(i.org())) {
            broken.add("SIGNING_KEY_NOT_FOUND");
        }
        if (lot.gtin.equals(BAGS) && !Boolean.TRUE.equals(lot.lastPass)) {
            broken.add("INSPECTION_REQUIRED");
        }
        if (state.remaining(lot.code) == 0) {
            broken.add("LOT_USED_UP");
        }
        if (lot.codes + i.count() > lot.made) {
            broken.add("CODES_EXCEED_UNITS");
        }
        return () -> lot.codes += i.count();
    }

    private Set<String> batch(Step.Batch b, Instant now) {
        ModelState saved = state;
        state = state.copy();
        for (int i = 0; i < b.entries().size(); i++) {
            Step entry = b.entries().get(i);
            Set<String> broken = !b.lines() && i > 0 && entry.equals(b.entries().get(0))
                    ? Set.of("DUPLICATE_EVENT")
                    : apply(entry, now, b.lines() ? i : 0);
            if (!broken.isEmpty()) {
                state = saved;
                return broken;
            }
        }
        return Set.of();
    }

    private boolean upstream;

    private Set<String> capture(Step.Capture c, Instant now) {
        ModelState saved = state;
        state = state.copy();
        for (int i = 0; i < c.events().size(); i++) {
            Step event = c.events().get(i);
            Set<String> broken = new TreeSet<>();
            String transaction = transaction(event);
            if (!ROLES.get(transaction).contains(ROLE.get(c.org()))) {
                broken.add("FORBIDDEN_ROLE");
            }
            upstream = c.upstream();
            Instant time = eventTime(now, back(event), i);
            Runnable effects;
            if (event instanceof Step.Ship s) {
                effects = ship(s, time, broken);
            } else if (event instanceof Step.Receive r) {
                effects = receive(new Step.Receive(r.org(), r.lot(), r.qty(), r.uom(), null, r.back()), time, broken);
            } else if (event instanceof Step.Consume s) {
                effects = consume(s, time, broken);
            } else if (event instanceof Step.Transform t) {
                effects = transform(t, time, true, broken);
            } else {
                throw new IllegalArgumentException("not captured: " + event);
            }
            if (!broken.isEmpty()) {
                state = saved;
                return broken;
            }
            effects.run();
        }
        return Set.of();
    }

    private Runnable forged(Step.CaptureForged f, Instant time, Set<String> broken) {
        ModelState.Lot lot = state.lots.get(f.lot());
        if (lot == null) {
            broken.add("LOT_NOT_FOUND");
        } else if (f.childList()) {
            broken.add("INVALID_ARGUMENT");
            late(time, now, broken);
        }
        return () -> {};
    }

    static int back(Step step) {
        return step.back();
    }

    /** Refuses a use its standing (its own and its ancestors' holds and recalls) forbids. */
    private void usable(String code, boolean move, Set<String> broken) {
        if (state.recalled(code)) {
            broken.add("LOT_RECALLED");
        } else if (move && state.held(code)) {
            broken.add("LOT_ON_HOLD");
        }
    }

    private void take(ModelState.Lot lot, String org, long qty, String uom, Set<String> broken) {
        if (!uom.equals(uom(lot.gtin))) {
            broken.add("UNIT_MISMATCH");
            return;
        }
        long held = state.held(lot.code, org);
        if (held == 0) {
            broken.add("FORBIDDEN_NOT_OWNER");
        } else if (held < qty) {
            broken.add("INSUFFICIENT_QUANTITY");
        }
    }
}
