package dev.newsflow.enrich.text;

import java.util.Arrays;

/**
 * Feature name to row (of weights), looked up by a 64-bit hash of the name in one open-addressing table; the
 * names themselves are not kept. The NER tagger looks up some sixty generated names per token, the language
 * detector hundreds of character n-grams per text: a {@code HashMap<String, Integer>} costs a cache miss for
 * the bucket, the node, the key and its bytes, this table about one, and an n-gram is hashed straight from the
 * text without becoming a String. A slot is one {@code long}: the hash's top {@value #FINGERPRINT_BITS} bits
 * and the row, so that the table of a 44,000-feature model is 1 MB instead of 2, the size of a core's L2
 * cache here (lookups were a sixth of the pipeline's time, waiting on memory). Its low bits choose the slot, so
 * two known names the table could mistake for each other (the same fingerprint on one probe path) are refused
 * when it is built; an unknown name is taken for a known one with odds of about 2^-40 a lookup. Filled once by
 * its owner ({@link #put} is not thread-safe), then immutable and thread-safe.
 */
public final class FeatureHashes {
    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

    private static final long[] POWERS = new long[64];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * MULTIPLIER;
        }
    }

    private static final int ROW_BITS = 24;
    private static final int FINGERPRINT_BITS = Long.SIZE - ROW_BITS;
    /** Rows are stored plus one, so that 0 marks an empty slot. */
    static final int MAX_ROWS = (1 << ROW_BITS) - 2;
    private static final long FINGERPRINT_MASK = -1L << ROW_BITS;

    private final long[] slots; // hash >>> ROW_BITS << ROW_BITS | row + 1; 0: the slot is empty
    private final int mask;
    private int size;

    /** An empty table for up to {@code capacity} names (kept at most half full). */
    public FeatureHashes(int capacity) {
        int slotCount = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) * 2;
        this.slots = new long[slotCount];
        this.mask = slotCount - 1;
    }

    /**
     * Remembers {@code name} at {@code row}.
     *
     * @throws IllegalArgumentException when the name (or one with the same hash) is there already
     * @throws IllegalStateException    when the table holds {@code capacity} names already
     */
    public void put(String name, int row) {
        if (size * 2 >= mask + 1) {
            throw new IllegalStateException("feature table full at " + size + " names");
        }
        if (row < 0 || row > MAX_ROWS) {
            throw new IllegalArgumentException("row " + row + " of feature '" + name + "' outside 0.." + MAX_ROWS);
        }
        long hash = hash(name);
        int slot = (int) hash & mask;
        while (slots[slot] != 0) {
            if (fingerprint(slots[slot]) == fingerprint(hash)) {
                throw new IllegalArgumentException("feature '" + name + "' has the hash fingerprint of a feature already in the model");
            }
            slot = (slot + 1) & mask;
        }
        slots[slot] = fingerprint(hash) | (row + 1L);
        size++;
    }

    /** The row of {@code name}, or -1 when the model never saw it. */
    public int row(String name) {
        return find(hash(name));
    }

    /** The row of the name with this {@link #hash}, or -1. */
    public int find(long hash) {
        long fingerprint = fingerprint(hash);
        for (int slot = (int) hash & mask; ; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            if (fingerprint(entry) == fingerprint) {
                return (int) (entry & ~FINGERPRINT_MASK) - 1;
            }
        }
    }

    private static long fingerprint(long hashOrSlot) {
        return hashOrSlot & FINGERPRINT_MASK;
    }

    /**
     * Into the first {@code hashes.length} places of {@code rows}, the row of each name whose {@link #hash} this
     * is, -1 for those the model never saw. The lookups do not depend on each other, so the processor overlaps
     * their cache misses.
     */
    public void rows(long[] hashes, int[] rows) {
        for (int i = 0; i < hashes.length; i++) {
            rows[i] = find(hashes[i]);
        }
    }

    /**
     * The rows among the first {@code count} of {@code rows} that are known (not -1), each once, in the order
     * first seen: a name the generators emit twice counts once.
     */
    public static int[] distinctKnown(int[] rows, int count) {
        int[] distinct = Arrays.copyOf(rows, count);
        int size = distinctKnown(distinct, count, new int[seenTableSize(count)]);
        return size == count ? distinct : Arrays.copyOf(distinct, size);
    }

    /**
     * As {@link #distinctKnown(int[], int)} without allocating, for a caller that does it once a token: moves
     * those rows to the front of {@code rows} and returns how many there are.
     *
     * @param seen scratch of at least {@link #seenTableSize seenTableSize(count)} zeros; left all zeros
     */
    public static int distinctKnown(int[] rows, int count, int[] seen) {
        int mask = seenTableSize(count) - 1; // a power of two, at most half full
        int size = 0;
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            if (row < 0) {
                continue;
            }
            int slot = (row * 0x9E3779B9) >>> 8 & mask;
            while (seen[slot] != 0 && seen[slot] != row + 1) {
                slot = (slot + 1) & mask;
            }
            if (seen[slot] == 0) {
                seen[slot] = row + 1;
                rows[size++] = row;
            }
        }
        Arrays.fill(seen, 0, mask + 1, 0);
        return size;
    }

    /** The scratch {@link #distinctKnown(int[], int, int[])} needs for {@code count} rows: a power of two. */
    public static int seenTableSize(int count) {
        return Integer.highestOneBit(Math.max(1, count) * 2) * 2;
    }

    public int size() {
        return size;
    }

    /**
     * The hash of a name: a polynomial over its UTF-16 units ({@link #raw}), finished with its length and
     * MurmurHash3's 64-bit mix so every bit counts. Since the polynomial of {@code a + b} follows from those of
     * {@code a} and {@code b} ({@link #concat}), a feature such as {@code "p1" + "w=" + word} can be hashed from
     * its parts without being made.
     */
    public static long hash(String name) {
        return finish(raw(name), name.length());
    }

    /** {@link #hash} of the name {@code chars[from, to)}, without making it a String. */
    public static long hash(char[] chars, int from, int to) {
        long h = 0;
        for (int i = from; i < to; i++) {
            h = (h + chars[i]) * MULTIPLIER;
        }
        return finish(h, to - from);
    }

    /** The polynomial of {@code text}: sum of {@code text[i] * M^(length - i)}. */
    public static long raw(CharSequence text) {
        long h = 0;
        for (int i = 0; i < text.length(); i++) {
            h = (h + text.charAt(i)) * MULTIPLIER;
        }
        return h;
    }

    /** The polynomial of {@code text + c}, from that of {@code text}. */
    public static long append(long raw, char c) {
        return (raw + c) * MULTIPLIER;
    }

    /** The polynomial of {@code c + text}, from that and the length of {@code text}. */
    public static long prepend(char c, long raw, int length) {
        return c * power(length + 1) + raw;
    }

    /** The polynomial of {@code a + b}, from that of {@code a} and that and length of {@code b}. */
    public static long concat(long rawA, long rawB, int lengthB) {
        return rawA * power(lengthB) + rawB;
    }

    /** {@link #hash} of the name whose polynomial and length these are. */
    public static long finish(long raw, int length) {
        return mix(raw + length * 0xC2B2AE3D27D4EB4FL);
    }

    /** {@code M^n}. */
    private static long power(int n) {
        if (n < POWERS.length) {
            return POWERS[n];
        }
        long result = 1;
        long base = MULTIPLIER;
        for (int e = n; e > 0; e >>= 1) {
            if ((e & 1) != 0) {
                result *= base;
            }
            base *= base;
        }
        return result;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }
}
