package dev.newsflow.dedupe;

import java.util.function.IntConsumer;

/**
 * An open-addressing hash multimap from a 32-bit key to slots of the index, storing only the slot (4 bytes a
 * cell). The key of a stored slot is recomputed on demand by {@link KeyOf} from the index's columns, which
 * is what keeps a band table at about 5.5 bytes per article. Linear probing; removal by backward shifting
 * (no tombstones); capacity grows by half when 3/4 full and maps a key to a cell by multiply-shift, so it
 * need not be a power of two. Not thread-safe.
 */
final class SlotTable {

    /** Recomputes the key of a stored slot; must return the same key from {@code add} until {@code remove}. */
    @FunctionalInterface
    interface KeyOf {
        int keyOf(int slot);
    }

    private static final int EMPTY = 0;
    private static final int MIN_CAPACITY = 16;

    private final KeyOf keyOf;
    private int[] cells; // slot + 1, or EMPTY
    private int size;

    /** A table that takes {@code expected} slots before it first grows. */
    SlotTable(KeyOf keyOf, int expected) {
        this.keyOf = keyOf;
        this.cells = new int[Math.max(MIN_CAPACITY, (int) Math.min(Integer.MAX_VALUE - 8, expected * 4L / 3 + 1))];
    }

    int size() {
        return size;
    }

    /** Heap bytes held by the cell array. */
    long cellBytes() {
        return 16L + 4L * cells.length;
    }

    void add(int slot) {
        if (size + 1 > cells.length / 4 * 3) {
            resize(cells.length + cells.length / 2);
        }
        insert(slot);
        size++;
    }

    /** Calls {@code action} with every slot stored under {@code key}. */
    void forEach(int key, IntConsumer action) {
        int i = home(key);
        int cell;
        while ((cell = cells[i]) != EMPTY) {
            int slot = cell - 1;
            if (keyOf.keyOf(slot) == key) {
                action.accept(slot);
            }
            i = next(i);
        }
    }

    /** Removes {@code slot} (stored under {@code keyOf(slot)}); does nothing when absent. */
    void remove(int slot) {
        int i = home(keyOf.keyOf(slot));
        int cell;
        while ((cell = cells[i]) != EMPTY && cell != slot + 1) {
            i = next(i);
        }
        if (cell == EMPTY) {
            return;
        }
        int hole = i;
        int j = i;
        while (true) {
            j = next(j);
            if (cells[j] == EMPTY) {
                break;
            }
            int h = home(keyOf.keyOf(cells[j] - 1));
            // the entry at j may fill the hole unless its home lies cyclically within (hole, j]
            boolean homeBetween = hole <= j ? (h > hole && h <= j) : (h > hole || h <= j);
            if (!homeBetween) {
                cells[hole] = cells[j];
                hole = j;
            }
        }
        cells[hole] = EMPTY;
        size--;
    }

    private void insert(int slot) {
        int i = home(keyOf.keyOf(slot));
        while (cells[i] != EMPTY) {
            i = next(i);
        }
        cells[i] = slot + 1;
    }

    private void resize(int capacity) {
        int[] old = cells;
        cells = new int[capacity];
        for (int cell : old) {
            if (cell != EMPTY) {
                insert(cell - 1);
            }
        }
    }

    private int home(int key) {
        // keys are already well mixed; multiply-shift maps them onto 0..capacity-1
        return (int) (((key & 0xFFFFFFFFL) * cells.length) >>> 32);
    }

    private int next(int i) {
        return i + 1 == cells.length ? 0 : i + 1;
    }
}
