package dev.newsflow.dedupe;

import java.util.Arrays;

/**
 * The compact form of one text that dedupe compares: an exact fingerprint, the number of distinct shingles,
 * and a b-bit MinHash signature (one byte per hash function). Immutable and thread-safe.
 *
 * @param fingerprint  first 64 bits of SHA-256 of the normalized text; equal texts, equal fingerprints
 * @param shingleCount distinct word shingles of the text (0 when the text has no words)
 * @param signature    one byte per MinHash function: the low 8 bits of that function's minimum
 */
public record ArticleSketch(long fingerprint, int shingleCount, byte[] signature) {

    public ArticleSketch {
        if (shingleCount < 0) {
            throw new IllegalArgumentException("shingleCount must be >= 0, was " + shingleCount);
        }
        if (signature == null || signature.length == 0) {
            throw new IllegalArgumentException("signature must not be empty");
        }
        signature = signature.clone();
    }

    /** A copy of the signature. */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The signature without copying, for the index's hot path; callers must not modify it. */
    byte[] signatureView() {
        return signature;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArticleSketch other
                && fingerprint == other.fingerprint
                && shingleCount == other.shingleCount
                && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(fingerprint) * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "ArticleSketch[fingerprint=" + Long.toHexString(fingerprint) + ", shingleCount=" + shingleCount
                + ", signature=" + signature.length + " bytes]";
    }
}
