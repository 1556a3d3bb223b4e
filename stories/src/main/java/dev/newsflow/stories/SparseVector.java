package dev.newsflow.stories;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.function.LongToDoubleFunction;

/**
 * A sparse vector over 64-bit term hashes: keys ascending and distinct, weights finite and positive. Its order is
 * fixed by the keys, so every sum over it is taken in the same order wherever it was built or restored: verdicts
 * never depend on hash-map iteration order. Immutable and thread-safe.
 */
final class SparseVector {

    static final SparseVector EMPTY = new SparseVector(new long[0], new float[0]);

    private final long[] keys;
    private final float[] weights;

    private SparseVector(long[] keys, float[] weights) {
        this.keys = keys;
        this.weights = weights;
    }

    /** From a map of key to weight; zero and negative weights are left out. */
    static SparseVector of(Map<Long, ? extends Number> weights) {
        long[] keys = new long[weights.size()];
        int n = 0;
        for (Map.Entry<Long, ? extends Number> e : weights.entrySet()) {
            if (e.getValue().doubleValue() > 0) {
                keys[n++] = e.getKey();
            }
        }
        keys = Arrays.copyOf(keys, n);
        Arrays.sort(keys);
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = weights.get(keys[i]).floatValue();
        }
        return new SparseVector(keys, w);
    }

    int size() {
        return keys.length;
    }

    long key(int i) {
        return keys[i];
    }

    float weight(int i) {
        return weights[i];
    }

    /** This vector scaled to unit length (sublinear counts in, directions out); empty stays empty. */
    SparseVector unit() {
        double norm = 0;
        for (float w : weights) {
            norm += (double) w * w;
        }
        if (norm == 0) {
            return this;
        }
        double inv = 1 / Math.sqrt(norm);
        float[] w = new float[weights.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (weights[i] * inv);
        }
        return new SparseVector(keys, w);
    }

    /**
     * The cosine of the two vectors after each weight is multiplied by {@code scale(key)} (the IDF of the key):
     * 0 when either is empty.
     */
    double cosine(SparseVector other, LongToDoubleFunction scale) {
        return cosine(norm(scale), other, scale);
    }

    /** As {@link #cosine(SparseVector, LongToDoubleFunction)}, with this vector's scaled {@link #norm} given. */
    double cosine(double norm, SparseVector other, LongToDoubleFunction scale) {
        double dot = 0;
        int i = 0;
        int j = 0;
        while (i < keys.length && j < other.keys.length) {
            if (keys[i] == other.keys[j]) {
                double s = scale.applyAsDouble(keys[i]);
                dot += weights[i] * s * other.weights[j] * s;
                i++;
                j++;
            } else if (keys[i] < other.keys[j]) {
                i++;
            } else {
                j++;
            }
        }
        if (dot == 0) {
            return 0;
        }
        return dot / (norm * other.norm(scale));
    }

    /**
     * The share of this vector's scaled weight whose keys the other vector holds, {@code shared / (total +
     * smoothing)}: how much of an article's entities a story already names. A smoothing above 0 keeps one weak
     * shared key from counting as full agreement. 0 when this is empty.
     */
    double containedIn(SparseVector other, LongToDoubleFunction scale, double smoothing) {
        double shared = 0;
        double total = 0;
        int j = 0;
        for (int i = 0; i < keys.length; i++) {
            double w = weights[i] * scale.applyAsDouble(keys[i]);
            total += w;
            while (j < other.keys.length && other.keys[j] < keys[i]) {
                j++;
            }
            if (j < other.keys.length && other.keys[j] == keys[i]) {
                shared += w;
            }
        }
        return total == 0 ? 0 : shared / (total + smoothing);
    }

    /** Whether any key is in both. */
    boolean intersects(SparseVector other) {
        int i = 0;
        int j = 0;
        while (i < keys.length && j < other.keys.length) {
            if (keys[i] == other.keys[j]) {
                return true;
            } else if (keys[i] < other.keys[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    /** The length of this vector after each weight is multiplied by {@code scale(key)}. */
    double norm(LongToDoubleFunction scale) {
        double sum = 0;
        for (int i = 0; i < keys.length; i++) {
            double w = weights[i] * scale.applyAsDouble(keys[i]);
            sum += w * w;
        }
        return Math.sqrt(sum);
    }

    /** The distinct keys of both vectors, ascending. */
    static long[] union(SparseVector a, SparseVector b) {
        long[] out = new long[a.keys.length + b.keys.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.keys.length || j < b.keys.length) {
            if (j == b.keys.length || (i < a.keys.length && a.keys[i] < b.keys[j])) {
                out[n++] = a.keys[i++];
            } else if (i == a.keys.length || b.keys[j] < a.keys[i]) {
                out[n++] = b.keys[j++];
            } else {
                out[n++] = a.keys[i++];
                j++;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * {@code this + other * factor}, keeping at most {@code limit} keys (the heaviest; ties by smaller key), so a
     * story's centroid stays bounded however many articles join.
     */
    SparseVector plus(SparseVector other, double factor, int limit) {
        long[] k = new long[keys.length + other.keys.length];
        float[] w = new float[k.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < keys.length || j < other.keys.length) {
            if (j == other.keys.length || (i < keys.length && keys[i] < other.keys[j])) {
                k[n] = keys[i];
                w[n++] = weights[i++];
            } else if (i == keys.length || other.keys[j] < keys[i]) {
                k[n] = other.keys[j];
                w[n++] = (float) (other.weights[j++] * factor);
            } else {
                k[n] = keys[i];
                w[n++] = (float) (weights[i++] + other.weights[j++] * factor);
            }
        }
        return trimmed(Arrays.copyOf(k, n), Arrays.copyOf(w, n), limit);
    }

    private static SparseVector trimmed(long[] k, float[] w, int limit) {
        if (k.length <= limit) {
            return new SparseVector(k, w);
        }
        Integer[] order = new Integer[k.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> w[a] != w[b] ? Float.compare(w[b], w[a]) : Long.compare(k[a], k[b]));
        int[] kept = new int[limit];
        for (int i = 0; i < limit; i++) {
            kept[i] = order[i];
        }
        Arrays.sort(kept);
        long[] keys = new long[limit];
        float[] weights = new float[limit];
        for (int i = 0; i < limit; i++) {
            keys[i] = k[kept[i]];
            weights[i] = w[kept[i]];
        }
        return new SparseVector(keys, weights);
    }

    /** Bytes: a count (int) then key (long) and weight (float) pairs. */
    void writeTo(ByteBuffer out) {
        out.putInt(keys.length);
        for (int i = 0; i < keys.length; i++) {
            out.putLong(keys[i]).putFloat(weights[i]);
        }
    }

    int byteSize() {
        return 4 + keys.length * 12;
    }

    static SparseVector readFrom(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining() / 12) {
            throw new IllegalArgumentException("vector of " + n + " entries does not fit the remaining " + in.remaining() + " bytes");
        }
        long[] keys = new long[n];
        float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            keys[i] = in.getLong();
            weights[i] = in.getFloat();
            if (i > 0 && keys[i] <= keys[i - 1]) {
                throw new IllegalArgumentException("vector keys are not ascending at entry " + i);
            }
        }
        return new SparseVector(keys, weights);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVector v && Arrays.equals(keys, v.keys) && Arrays.equals(weights, v.weights);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(keys) * 31 + Arrays.hashCode(weights);
    }
}
