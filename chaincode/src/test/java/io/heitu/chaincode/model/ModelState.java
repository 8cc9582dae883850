package io.heitu.chaincode.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the reference model knows after some steps: lots with what they were made from, their own
 * holds and recall; who holds how much; what is in transit; whom each holder received each lot
 * from; sprays and harvests on the plot; codes issued. Plain mutable data with a deep copy, so a
 * batch can be tried and thrown away.
 */
final class ModelState {

    /** A lot as the model sees it; {@code codes} and {@code out} are tallies. */
    static final class Lot {
        final String code;
        final String gtin;
        final String producer;
        final long made;
        final List<String> parents;
        final boolean unknownSources;
        final List<String> ownHolds = new ArrayList<>();
        boolean recalled;
        Boolean lastPass;
        long codes;
        /** Sold, destroyed or used as an input: what left the chain. */
        long out;

        Lot(String code, String gtin, String producer, long made, List<String> parents, boolean unknownSources) {
            this.code = code;
            this.gtin = gtin;
            this.producer = producer;
            this.made = made;
            this.parents = List.copyOf(parents);
            this.unknownSources = unknownSources;
        }

        Lot copy() {
            Lot copy = new Lot(code, gtin, producer, made, parents, unknownSources);
            copy.ownHolds.addAll(ownHolds);
            copy.recalled = recalled;
            copy.lastPass = lastPass;
            copy.codes = codes;
            copy.out = out;
            return copy;
        }
    }

    record Transit(String lot, String from, String to, String carrier, long qty, Instant shippedAt, boolean returned) {}

    final Map<String, Lot> lots = new LinkedHashMap<>();
    /** lot → organisation → quantity held (absent or 0 when none). */
    final Map<String, Map<String, Long>> holdings = new TreeMap<>();

    final List<Transit> transits = new ArrayList<>();
    /** "lot|receiver|supplier": the receiver got some of the lot from the supplier. */
    final Set<String> suppliers = new HashSet<>();

    final List<Instant[]> sprays = new ArrayList<>();
    final List<Instant> harvests = new ArrayList<>();
    /** Kilograms harvested on the plot per season (calendar year in China). */
    final Map<Integer, Long> harvested = new TreeMap<>();

    ModelState copy() {
        ModelState copy = new ModelState();
        lots.forEach((code, lot) -> copy.lots.put(code, lot.copy()));
        holdings.forEach((code, byOrg) -> copy.holdings.put(code, new TreeMap<>(byOrg)));
        copy.transits.addAll(transits);
        copy.suppliers.addAll(suppliers);
        copy.sprays.addAll(sprays);
        copy.harvests.addAll(harvests);
        copy.harvested.putAll(harvested);
        return copy;
    }

    long held(String lot, String org) {
        return holdings.getOrDefault(lot, Map.of()).getOrDefault(org, 0L);
    }

    void add(String lot, String org, long qty) {
        long now = held(lot, org) + qty;
        Map<String, Long> byOrg = holdings.computeIfAbsent(lot, key -> new TreeMap<>());
        if (now == 0) {
            byOrg.remove(org);
        } else {
            byOrg.put(org, now);
        }
    }

    long inTransit(String lot) {
        return transits.stream()
                .filter(t -> t.lot().equals(lot))
                .mapToLong(Transit::qty)
                .sum();
    }

    long remaining(String lot) {
        return holdings.getOrDefault(lot, Map.of()).values().stream()
                        .mapToLong(Long::longValue)
                        .sum()
                + inTransit(lot);
    }

    /** Every lot on the ledger this one was made from, directly or not. */
    Set<String> ancestors(String code) {
        Set<String> found = new HashSet<>();
        List<String> todo = new ArrayList<>(lots.get(code).parents);
        while (!todo.isEmpty()) {
            String parent = todo.remove(todo.size() - 1);
            if (found.add(parent)) {
                todo.addAll(lots.get(parent).parents);
            }
        }
        return found;
    }

    boolean recalled(String code) {
        return lots.get(code).recalled || ancestors(code).stream().anyMatch(a -> lots.get(a).recalled);
    }

    boolean held(String code) {
        return !lots.get(code).ownHolds.isEmpty()
                || ancestors(code).stream().anyMatch(a -> !lots.get(a).ownHolds.isEmpty());
    }

    /** {@code recalled}, {@code on_hold}, {@code consumed} or {@code active}, as lot:Get says it. */
    String state(String code) {
        if (recalled(code)) {
            return "recalled";
        }
        if (held(code)) {
            return "on_hold";
        }
        return remaining(code) == 0 ? "consumed" : "active";
    }
}
