package io.heitu.service.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sparse marks answer as a map would, through growth, lot 0, values of 0 and dense numbers. */
class LotMarksTest {

    @Test
    void marks_answer_as_a_map_does() {
        Random random = new Random(20261206);
        for (int round = 0; round < 200; round++) {
            LotMarks marks = new LotMarks(random.nextInt(40));
            Map<Integer, Integer> model = new HashMap<>();
            int range = 1 + random.nextInt(random.nextBoolean() ? 50 : 5_000_000);
            for (int step = 0; step < 3_000; step++) {
                int lot = random.nextInt(range);
                if (random.nextBoolean()) {
                    int value = random.nextInt(4) == 0 ? 0 : random.nextInt();
                    marks.put(lot, value);
                    model.put(lot, value);
                } else {
                    assertThat(marks.has(lot)).as("has %d", lot).isEqualTo(model.containsKey(lot));
                    assertThat(marks.get(lot)).as("get %d", lot).isEqualTo(model.getOrDefault(lot, 0));
                }
            }
            assertThat(marks.size()).isEqualTo(model.size());
            for (Map.Entry<Integer, Integer> entry : model.entrySet()) {
                assertThat(marks.get(entry.getKey())).isEqualTo(entry.getValue());
                assertThat(marks.has(entry.getKey())).isTrue();
            }
        }
    }

    @Test
    void a_lot_never_marked_reads_zero_and_absent() {
        LotMarks marks = new LotMarks();
        marks.put(0, 0);

        assertThat(marks.has(0)).isTrue();
        assertThat(marks.has(1)).isFalse();
        assertThat(marks.get(1)).isZero();
        assertThat(marks.get(Integer.MAX_VALUE - 1)).isZero();
    }
}
