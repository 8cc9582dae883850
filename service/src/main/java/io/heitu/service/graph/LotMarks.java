package io.heitu.service.graph;

/**
 * A small number per lot for one question (a walk's page slots, a standing memo), kept only for
 * the lots the question touches: open addressing over {@code int} keys and values, 0 for a lot
 * never marked.
 *
 * <p>Why not an array the size of the graph: at a million lots, three such arrays were 5 MB
 * allocated and zeroed per question — a quarter of a millisecond before the first lot, and young
 * collections every few hundred questions, whose pauses were the lineage's p99 — while the usual
 * question touches tens or a thousand lots.
 */
final class LotMarks {

    /** Lot number + 1 per slot, 0 for empty. */
    private int[] keys;

    private int[] values;
    private int count;

    LotMarks() {
        this(16);
    }

    /** Room for about {@code expected} lots before the table grows. */
    LotMarks(int expected) {
        int capacity = Integer.highestOneBit(Math.max(8, expected * 2 - 1)) << 1;
        keys = new int[capacity];
        values = new int[capacity];
    }

    /** Whether the lot was marked in this question (with any value, 0 included). */
    boolean has(int lot) {
        return keys[find(lot)] != 0;
    }

    /** The lot's value, 0 when it was never marked. */
    int get(int lot) {
        int slot = find(lot);
        return keys[slot] == 0 ? 0 : values[slot];
    }

    void put(int lot, int value) {
        int slot = find(lot);
        if (keys[slot] == 0) {
            if (2 * (count + 1) > keys.length) {
                grow();
                slot = find(lot);
            }
            keys[slot] = lot + 1;
            count++;
        }
        values[slot] = value;
    }

    /** The lots marked so far. */
    int size() {
        return count;
    }

    private int find(int lot) {
        int mask = keys.length - 1;
        int slot = spread(lot) & mask;
        while (keys[slot] != 0 && keys[slot] != lot + 1) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = find(oldKeys[i] - 1);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    /** Lots are numbered densely, so consecutive numbers would cluster without a mix. */
    private static int spread(int lot) {
        int h = lot * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
