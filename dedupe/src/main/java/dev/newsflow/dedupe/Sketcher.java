package dev.newsflow.dedupe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * Computes the {@link ArticleSketch} of a text: normalize ({@link TextNormalizer}), fingerprint, shingle,
 * MinHash.
 *
 * <p>Shingles are runs of {@code dedupe.shingle.size} consecutive tokens across the whole text (a text with
 * fewer tokens is one shingle), hashed to 64 bits. Hash function {@code i} of the signature is
 * {@code (a_i * x + b_i) >>> 32} over the 64-bit shingle hash {@code x}, with {@code a_i, b_i} drawn from a
 * SplitMix64 sequence of a fixed seed: the same text always gives the same signature, in every JVM and run.
 * Only the low 8 bits of each minimum are kept (b-bit minwise hashing, Li and König 2010): two unrelated
 * minima agree by chance with probability 1/256, which {@link Similarity} corrects for.
 *
 * <p>Not thread-safe (holds a transliterator and a digest): one instance per thread.
 */
public final class Sketcher {

    private static final long SEED = 0x6E657773666C6F77L; // "newsflow"

    private final int shingleSize;
    private final long[] multipliers;
    private final long[] offsets;
    private final TextNormalizer normalizer = new TextNormalizer();
    private final MessageDigest sha256;

    public Sketcher(DedupeConfig config) {
        this.shingleSize = config.shingleSize();
        this.multipliers = new long[config.hashes()];
        this.offsets = new long[config.hashes()];
        long state = SEED;
        for (int i = 0; i < multipliers.length; i++) {
            state += 0x9E3779B97F4A7C15L;
            multipliers[i] = mix64(state) | 1L;
            state += 0x9E3779B97F4A7C15L;
            offsets[i] = mix64(state);
        }
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The sketch of {@code text} (for an article: {@code article.fullText()}). */
    public ArticleSketch sketch(String text) {
        List<String> tokens = normalizer.tokens(text);
        long fingerprint = fingerprint(tokens);
        long[] shingles = distinctShingles(tokens);
        return new ArticleSketch(fingerprint, shingles.length, signature(shingles));
    }

    /**
     * The distinct 64-bit shingle hashes of {@code text}, sorted. Benchmarks use it for the exact Jaccard that
     * the signature estimates.
     */
    public long[] shingleHashes(String text) {
        return distinctShingles(normalizer.tokens(text));
    }

    private long fingerprint(List<String> tokens) {
        byte[] digest = sha256.digest(String.join(" ", tokens).getBytes(StandardCharsets.UTF_8));
        long fp = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            fp = (fp << 8) | (digest[i] & 0xFF);
        }
        return fp;
    }

    private long[] distinctShingles(List<String> tokens) {
        if (tokens.isEmpty()) {
            return new long[0];
        }
        long[] tokenHashes = new long[tokens.size()];
        for (int i = 0; i < tokenHashes.length; i++) {
            tokenHashes[i] = hash64(tokens.get(i));
        }
        int width = Math.min(shingleSize, tokenHashes.length);
        long[] shingles = new long[tokenHashes.length - width + 1];
        for (int start = 0; start < shingles.length; start++) {
            long h = width;
            for (int j = 0; j < width; j++) {
                h = h * 0x9E3779B97F4A7C15L + tokenHashes[start + j];
            }
            shingles[start] = mix64(h);
        }
        Arrays.sort(shingles);
        int distinct = 0;
        for (int i = 0; i < shingles.length; i++) {
            if (i == 0 || shingles[i] != shingles[i - 1]) {
                shingles[distinct++] = shingles[i];
            }
        }
        return distinct == shingles.length ? shingles : Arrays.copyOf(shingles, distinct);
    }

    private byte[] signature(long[] shingles) {
        int hashes = multipliers.length;
        long[] minima = new long[hashes];
        Arrays.fill(minima, Long.MAX_VALUE);
        for (long x : shingles) {
            for (int i = 0; i < hashes; i++) {
                long v = (multipliers[i] * x + offsets[i]) >>> 32;
                if (v < minima[i]) {
                    minima[i] = v;
                }
            }
        }
        byte[] signature = new byte[hashes];
        for (int i = 0; i < hashes; i++) {
            // an empty text keeps Long.MAX_VALUE minima: all bytes 0xFF, like any other constant filler
            signature[i] = (byte) minima[i];
        }
        return signature;
    }

    /** 64-bit FNV-1a over the UTF-16 units, finished with a mixer: fixed across JVMs, unlike identity hashes. */
    private static long hash64(String token) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < token.length(); i++) {
            h ^= token.charAt(i);
            h *= 0x100000001B3L;
        }
        return mix64(h);
    }

    /** The SplitMix64 / MurmurHash3 finalizer. */
    static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB93FE1A85EC3L;
        return z ^ (z >>> 33);
    }
}
