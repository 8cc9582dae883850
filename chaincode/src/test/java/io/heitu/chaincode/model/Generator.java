package io.heitu.chaincode.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random sequences of every kind of step, by every organisation in every role, mostly plausible
 * (shipping what is held, receiving what is in transit, milling within the yield) and often not
 * (too much, the wrong unit, a held lot, someone else's lot, a late date, the wrong role), so that
 * both acceptances and each refusal are exercised. It follows its own reference model to know what
 * exists; the sequences are replayed from scratch against the ledger.
 */
final class Generator {

    /** The ledger's clock when a world is set up; step {@code i} runs {@code i + 1} minutes later. */
    static final Instant START = Instant.parse("2026-10-05T02:00:00Z");

    private final SplittableRandom random;
    private final ReferenceModel model = new ReferenceModel();
    private int counter;

    Generator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    List<Step> sequence(int length) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            Instant now = START.plus(Duration.ofMinutes(i + 1));
            Step step = next();
            model.apply(step, now);
            steps.add(step);
        }
        return steps;
    }

    private ModelState state() {
        return model.state;
    }

    private Step next() {
        int roll = random.nextInt(100);
        if (state().lots.isEmpty() || roll < 12) {
            return harvest();
        }
        if (roll < 15) {
            return spray();
        }
        if (roll < 29) {
            return ship(holderOr(anyOrg()));
        }
        if (roll < 40) {
            return receive();
        }
        if (roll < 47) {
            return consume(holderOr(anyOrg()));
        }
        if (roll < 59) {
            return transform(maker(), false);
        }
        if (roll < 64) {
            return new Step.Hold(oversight(), anyLot());
        }
        if (roll < 69) {
            return new Step.Release(oversight(), anyLot(), random.nextInt(10) < 6 ? -1 : random.nextInt(3));
        }
        if (roll < 71) {
            return new Step.Recall(oversight(), anyLot());
        }
        if (roll < 76) {
            return new Step.LabResult(
                    random.nextInt(10) < 8 ? ReferenceModel.INSPECTION : anyOrg(),
                    anyLot(),
                    random.nextInt(10) < 7,
                    back());
        }
        if (roll < 81) {
            return issue();
        }
        if (roll < 89) {
            return batch();
        }
        if (roll < 97) {
            return capture();
        }
        return forged();
    }

    private Step harvest() {
        String org = random.nextInt(10) < 9 ? ReferenceModel.COOP : anyOrg();
        List<String> paddy = state().lots.keySet().stream()
                .filter(code -> code.startsWith("P"))
                .toList();
        String code =
                random.nextInt(20) == 0 && !paddy.isEmpty() ? paddy.get(random.nextInt(paddy.size())) : fresh('P');
        return new Step.Harvest(org, code, 100 + random.nextInt(29) * 100L, back());
    }

    private Step spray() {
        String org = random.nextInt(10) < 9 ? ReferenceModel.COOP : anyOrg();
        return new Step.Spray(org, random.nextInt(10) < 5 ? 0 : 1 + random.nextInt(3), back());
    }

    private Step ship(Held held) {
        long qty = quantity(held.qty());
        String uom = uom(held.lot());
        boolean returned = random.nextInt(10) == 0;
        String to;
        if (returned && random.nextInt(10) < 7) {
            to = supplierOf(held.lot(), held.org());
        } else {
            to = random.nextInt(30) == 0 ? held.org() : otherThan(held.org());
        }
        String carrier = switch (random.nextInt(30)) {
            case 0 -> ReferenceModel.MART;
            case 1, 2, 3, 4, 5, 6 -> ReferenceModel.CARRIER;
            default -> null;
        };
        return new Step.Ship(held.org(), held.lot(), qty, uom, to, carrier, returned, back());
    }

    private Step receive() {
        List<ModelState.Transit> transits = state().transits;
        if (transits.isEmpty() || random.nextInt(10) == 0) {
            String lot = anyLot();
            return new Step.Receive(anyOrg(), lot, 1 + random.nextInt(100), uom(lot), null, back());
        }
        ModelState.Transit transit = transits.get(random.nextInt(transits.size()));
        String from = switch (random.nextInt(20)) {
            case 0 -> anyOrg();
            case 1, 2, 3, 4, 5, 6 -> transit.from();
            default -> null;
        };
        String org = random.nextInt(15) == 0 ? anyOrg() : transit.to();
        return new Step.Receive(org, transit.lot(), quantity(transit.qty()), uom(transit.lot()), from, back());
    }

    private Step consume(Held held) {
        return new Step.Consume(
                held.org(), held.lot(), quantity(held.qty()), uom(held.lot()), random.nextBoolean(), back());
    }

    /** A drying, milling, packing, split or merge by the maker, of what it holds where it can. */
    private Step.Transform transform(String maker, boolean captured) {
        List<Held> holds = heldBy(maker);
        if (holds.isEmpty()) {
            String lot = anyLot();
            return new Step.Transform(
                    maker,
                    "drying",
                    List.of(new Step.Line(ReferenceModel.gtinOf(lot), lot, 10)),
                    List.of(new Step.Line(ReferenceModel.PADDY, fresh('P'), 9)),
                    back());
        }
        Held input = holds.get(random.nextInt(holds.size()));
        String gtin = ReferenceModel.gtinOf(input.lot());
        long qty = random.nextBoolean() ? input.qty() : Math.max(1, input.qty() / 2);
        if (random.nextInt(20) == 0) {
            qty = input.qty() + 1;
        }
        List<Step.Line> in = List.of(new Step.Line(gtin, input.lot(), qty));
        long kg = ReferenceModel.kg(gtin, qty);
        if (!captured && gtin.equals(ReferenceModel.PADDY) || gtin.equals(ReferenceModel.MILLED)) {
            int kind = random.nextInt(10);
            if (!captured && kind < 2 && qty >= 2) {
                long first = qty / 2 + (random.nextInt(10) == 0 ? 1 : 0);
                return new Step.Transform(
                        maker,
                        "split",
                        in,
                        List.of(
                                new Step.Line(gtin, fresh(code(gtin)), first),
                                new Step.Line(gtin, fresh(code(gtin)), qty - qty / 2)),
                        back());
            }
            if (!captured && kind < 3) {
                List<Held> same = holds.stream()
                        .filter(h -> !h.lot().equals(input.lot())
                                && ReferenceModel.gtinOf(h.lot()).equals(gtin))
                        .toList();
                if (!same.isEmpty()) {
                    Held other = same.get(random.nextInt(same.size()));
                    return new Step.Transform(
                            maker,
                            "merge",
                            List.of(in.get(0), new Step.Line(gtin, other.lot(), other.qty())),
                            List.of(new Step.Line(gtin, fresh(code(gtin)), qty + other.qty())),
                            back());
                }
            }
        }
        String kind;
        Step.Line output;
        if (gtin.equals(ReferenceModel.PADDY) && random.nextBoolean()) {
            kind = "drying";
            output = new Step.Line(ReferenceModel.PADDY, fresh('P'), Math.max(1, kg * (85 + random.nextInt(20)) / 100));
        } else if (gtin.equals(ReferenceModel.PADDY)) {
            kind = "milling";
            output =
                    new Step.Line(ReferenceModel.MILLED, fresh('M'), Math.max(1, kg * (55 + random.nextInt(22)) / 100));
        } else {
            kind = "packing";
            output = new Step.Line(ReferenceModel.BAGS, fresh('B'), Math.max(1, kg * (90 + random.nextInt(12)) / 500));
        }
        return new Step.Transform(maker, kind, in, List.of(output), back());
    }

    private Step issue() {
        List<String> bags = state().lots.keySet().stream()
                .filter(code -> code.startsWith("B"))
                .toList();
        String lot = !bags.isEmpty() && random.nextBoolean() ? bags.get(random.nextInt(bags.size())) : anyLot();
        ModelState.Lot known = state().lots.get(lot);
        long made = known == null ? 10 : known.made;
        String org = random.nextInt(4) == 0 ? anyOrg() : known == null ? ReferenceModel.MILL : known.producer;
        int count = (int) Math.max(1, random.nextInt(10) == 0 ? made + 1 : 1 + random.nextLong(Math.max(1, made / 3)));
        return new Step.IssueCodes(org, lot, Math.min(count, 1_000_000));
    }

    private Step batch() {
        Held held = holderOr(anyOrg());
        if (random.nextInt(7) == 0) {
            Step sale = consume(held);
            return new Step.Batch(held.org(), List.of(sale, sale), false);
        }
        List<Step> entries = new ArrayList<>();
        int size = 2 + random.nextInt(3);
        for (int i = 0; i < size; i++) {
            entries.add(
                    switch (random.nextInt(4)) {
                        case 0 -> ship(pick(heldBy(held.org()), held));
                        case 1 -> receiveBy(held.org());
                        case 2 -> consume(pick(heldBy(held.org()), held));
                        default -> transform(held.org(), false);
                    });
        }
        return new Step.Batch(held.org(), entries, true);
    }

    private Step capture() {
        Held held = holderOr(anyOrg());
        List<Step> events = new ArrayList<>();
        int size = 1 + random.nextInt(2);
        for (int i = 0; i < size; i++) {
            events.add(
                    switch (random.nextInt(4)) {
                        case 0 -> {
                            Step.Ship ship = (Step.Ship) ship(pick(heldBy(held.org()), held));
                            yield new Step.Ship(
                                    ship.org(),
                                    ship.lot(),
                                    ship.qty(),
                                    ship.uom(),
                                    ship.to(),
                                    null,
                                    ship.returned(),
                                    ship.back());
                        }
                        case 1 -> receiveBy(held.org());
                        case 2 -> consume(pick(heldBy(held.org()), held));
                        default -> transform(held.org(), true);
                    });
        }
        return new Step.Capture(held.org(), events, random.nextInt(10) < 3);
    }

    private Step forged() {
        boolean childList = random.nextBoolean();
        return new Step.CaptureForged(anyOrg(), childList ? anyLot() : fresh('P'), childList, back());
    }

    private Step.Receive receiveBy(String org) {
        List<ModelState.Transit> mine =
                state().transits.stream().filter(t -> t.to().equals(org)).toList();
        if (mine.isEmpty()) {
            String lot = anyLot();
            return new Step.Receive(org, lot, 1 + random.nextInt(50), uom(lot), null, back());
        }
        ModelState.Transit transit = mine.get(random.nextInt(mine.size()));
        return new Step.Receive(org, transit.lot(), quantity(transit.qty()), uom(transit.lot()), null, back());
    }

    /** Hours the event is dated back: mostly within the recording delay, sometimes beyond it. */
    private int back() {
        int roll = random.nextInt(100);
        if (roll < 88) {
            return random.nextInt(4);
        }
        return roll < 95 ? 73 + random.nextInt(10) : 10 + random.nextInt(62);
    }

    /** Mostly at most what is there, sometimes more. */
    private long quantity(long available) {
        if (available <= 0) {
            return 1 + random.nextInt(10);
        }
        int roll = random.nextInt(10);
        if (roll == 0) {
            return available + 1 + random.nextLong(available);
        }
        return roll < 4 ? available : 1 + random.nextLong(available);
    }

    private String uom(String lot) {
        String uom = ReferenceModel.uom(ReferenceModel.gtinOf(lot));
        return random.nextInt(40) == 0 ? (uom.equals("KGM") ? "H87" : "KGM") : uom;
    }

    private record Held(String lot, String org, long qty) {}

    private List<Held> held() {
        List<Held> held = new ArrayList<>();
        state().holdings.forEach((lot, byOrg) -> byOrg.forEach((org, qty) -> held.add(new Held(lot, org, qty))));
        return held;
    }

    private List<Held> heldBy(String org) {
        return held().stream().filter(h -> h.org().equals(org)).toList();
    }

    private Held holderOr(String org) {
        List<Held> held = held();
        if (held.isEmpty() || random.nextInt(8) == 0) {
            return new Held(anyLot(), org, 0);
        }
        return held.get(random.nextInt(held.size()));
    }

    private Held pick(List<Held> options, Held fallback) {
        return options.isEmpty() ? fallback : options.get(random.nextInt(options.size()));
    }

    private String supplierOf(String lot, String org) {
        for (String supplier : state().suppliers) {
            if (supplier.startsWith(lot + "|" + org + "|")) {
                return supplier.substring(supplier.lastIndexOf('|') + 1);
            }
        }
        return otherThan(org);
    }

    private String maker() {
        return switch (random.nextInt(10)) {
            case 0 -> anyOrg();
            case 1, 2, 3, 4 -> ReferenceModel.COOP;
            default -> ReferenceModel.MILL;
        };
    }

    private String oversight() {
        return switch (random.nextInt(10)) {
            case 0 -> anyOrg();
            case 1, 2, 3, 4, 5 -> ReferenceModel.INSPECTION;
            default -> ReferenceModel.REGULATOR;
        };
    }

    private String anyOrg() {
        return ReferenceModel.ORGS.get(random.nextInt(ReferenceModel.ORGS.size()));
    }

    private String otherThan(String org) {
        String other = anyOrg();
        return other.equals(org) ? ReferenceModel.MART.equals(org) ? ReferenceModel.MILL : ReferenceModel.MART : other;
    }

    private String anyLot() {
        if (state().lots.isEmpty() || random.nextInt(25) == 0) {
            return fresh("PMB".charAt(random.nextInt(3)));
        }
        List<String> codes = new ArrayList<>(state().lots.keySet());
        return codes.get(random.nextInt(codes.size()));
    }

    private String fresh(char product) {
        return product + Integer.toString(++counter);
    }

    private static char code(String gtin) {
        return Map.of(ReferenceModel.PADDY, 'P', ReferenceModel.MILLED, 'M', ReferenceModel.BAGS, 'B')
                .get(gtin);
    }
}
