package dev.newsflow.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SlotTableTest {

    /** Few distinct keys, so long probe runs, wrap-around and backward shifts all happen. */
    private final int[] keys = new int[5000];
    private final SlotTable table = new SlotTable(slot -> keys[slot], 0);

    private List<Integer> slotsOf(int key) {
        List<Integer> out = new ArrayList<>();
        table.forEach(key, out::add);
        out.sort(null);
        return out;
    }

    @Test
    void shouldAgreeWithAReferenceMultimapUnderRandomAddsAndRemoves() {
        Random random = new Random(1);
        int[] distinctKeys = {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 12345, 0x7FFF0000, -99};
        Map<Integer, TreeSet<Integer>> reference = new HashMap<>();
        List<Integer> stored = new ArrayList<>();
        java.util.ArrayDeque<Integer> free = new java.util.ArrayDeque<>();
        for (int slot = keys.length - 1; slot >= 0; slot--) {
            free.push(slot);
        }
        for (int step = 0; step < 20_000; step++) {
            if (stored.size() < keys.length && (stored.isEmpty() || random.nextInt(3) > 0)) {
                int slot = free.pop();
                keys[slot] = distinctKeys[random.nextInt(distinctKeys.length)];
                table.add(slot);
                stored.add(slot);
                reference.computeIfAbsent(keys[slot], k -> new TreeSet<>()).add(slot);
            } else {
                int slot = stored.remove(random.nextInt(stored.size()));
                table.remove(slot);
                reference.get(keys[slot]).remove(slot);
                free.push(slot);
            }
            if (step % 997 == 0) {
                for (int key : distinctKeys) {
                    assertThat(slotsOf(key)).as("key %d at step %d", key, step)
                            .containsExactlyElementsOf(reference.getOrDefault(key, new TreeSet<>()));
                }
            }
        }
        assertThat(table.size()).isEqualTo(stored.size());
    }

    @Test
    void shouldIgnoreRemovalOfAnAbsentSlot() {
        keys[1] = 7;
        keys[2] = 7;
        table.add(1);
        table.remove(2);
        assertThat(slotsOf(7)).containsExactly(1);
        assertThat(table.size()).isEqualTo(1);
    }
}
