package dev.newsflow.dedupe;

/**
 * Similarity estimates from two b-bit MinHash signatures of the same configuration. Stateless, thread-safe.
 *
 * <p>With {@code H} one-byte hashes, the fraction {@code p} of equal positions estimates
 * {@code J + (1 - J) / 256}, so Jaccard is estimated as {@code (p - 1/256) / (1 - 1/256)}, clamped to 0..1;
 * its standard error is about {@code sqrt(J (1 - J) / H)}, 0.046 at J = 0.5 for H = 120. Containment
 * (shared shingles over the smaller set) follows from Jaccard and the two set sizes:
 * {@code |A ∩ B| = J (|A| + |B|) / (1 + J)}; it is noisier when the sizes differ a lot.
 */
public final class Similarity {

    private static final double CHANCE = 1.0 / 256;

    private Similarity() {}

    /** Estimated Jaccard similarity of the two shingle sets, 0..1. */
    public static double jaccard(byte[] a, byte[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    "signatures differ in length (" + a.length + " vs " + b.length + "): different configurations");
        }
        return jaccard(a, 0, b, 0, a.length);
    }

    /** {@link #jaccard(byte[], byte[])} over two equal-length slices. */
    static double jaccard(byte[] a, int aFrom, byte[] b, int bFrom, int length) {
        int equal = 0;
        for (int i = 0; i < length; i++) {
            if (a[aFrom + i] == b[bFrom + i]) {
                equal++;
            }
        }
        double p = (double) equal / length;
        return clamp((p - CHANCE) / (1 - CHANCE));
    }

    /** Estimated containment |A ∩ B| / min(|A|, |B|) from an estimated Jaccard and the two set sizes, 0..1. */
    public static double containment(double jaccard, int sizeA, int sizeB) {
        int smaller = Math.min(sizeA, sizeB);
        if (smaller == 0) {
            return 0.0;
        }
        double shared = jaccard * (sizeA + sizeB) / (1 + jaccard);
        return clamp(shared / smaller);
    }

    /** Exact Jaccard of two sorted arrays of distinct hashes (for benchmarks and tests). */
    public static double exactJaccard(long[] a, long[] b) {
        int shared = sharedCount(a, b);
        int union = a.length + b.length - shared;
        return union == 0 ? 0.0 : (double) shared / union;
    }

    /** Exact containment of two sorted arrays of distinct hashes (for benchmarks and tests). */
    public static double exactContainment(long[] a, long[] b) {
        int smaller = Math.min(a.length, b.length);
        return smaller == 0 ? 0.0 : (double) sharedCount(a, b) / smaller;
    }

    private static int sharedCount(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < a.length && j < b.length) {
            int c = Long.compare(a[i], b[j]);
            if (c == 0) {
                shared++;
                i++;
                j++;
            } else if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    private static double clamp(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }
}
