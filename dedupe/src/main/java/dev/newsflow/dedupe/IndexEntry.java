package dev.newsflow.dedupe;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the index remembers of one unique article: the value of the changelog record (key = article id) that
 * lets {@link DedupeIndex#restore(IndexEntry)} rebuild the index on start. About 146 bytes plus the id on the
 * wire with the default 120 hashes. Immutable and thread-safe.
 *
 * <p>Wire format, big-endian: version byte {@value #FORMAT}, shingle size byte, id as UTF-8 with an unsigned
 * 16-bit length, fingerprint (8), first-seen epoch milliseconds (8), shingle count (4), signature with an
 * unsigned 16-bit length.
 *
 * @param articleId    the unique article's id, never blank
 * @param fingerprint  exact fingerprint of its normalized text
 * @param firstSeen    when it was first seen (millisecond precision, like Kafka timestamps); the window runs
 *                     from here
 * @param shingleSize  {@code dedupe.shingle.size} the sketch was made with
 * @param shingleCount distinct shingles of the text
 * @param signature    b-bit MinHash signature, one byte per hash
 */
public record IndexEntry(
        String articleId, long fingerprint, Instant firstSeen, int shingleSize, int shingleCount, byte[] signature) {

    /**
     * Version of the wire format written by {@link #toBytes()}. Bump it whenever normalization, shingle
     * hashing or the MinHash functions change: old fingerprints and signatures would no longer compare.
     */
    public static final byte FORMAT = 1;

    public IndexEntry {
        if (articleId == null || articleId.isBlank()) {
            throw new IllegalArgumentException("IndexEntry.articleId must not be blank");
        }
        if (articleId.getBytes(StandardCharsets.UTF_8).length > 0xFFFF) {
            throw new IllegalArgumentException("IndexEntry.articleId longer than 65535 UTF-8 bytes");
        }
        Objects.requireNonNull(firstSeen, "IndexEntry.firstSeen");
        firstSeen = firstSeen.truncatedTo(ChronoUnit.MILLIS);
        if (shingleSize < 1 || shingleSize > 255) {
            throw new IllegalArgumentException("IndexEntry.shingleSize must be within 1..255, was " + shingleSize);
        }
        if (shingleCount < 0) {
            throw new IllegalArgumentException("IndexEntry.shingleCount must be >= 0, was " + shingleCount);
        }
        if (signature == null || signature.length == 0 || signature.length > 0xFFFF) {
            throw new IllegalArgumentException("IndexEntry.signature must hold 1..65535 bytes");
        }
        signature = signature.clone();
    }

    /** A copy of the signature. */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    byte[] signatureView() {
        return signature;
    }

    /** The compact changelog value. */
    public byte[] toBytes() {
        byte[] id = articleId.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(1 + 1 + 2 + id.length + 8 + 8 + 4 + 2 + signature.length);
        out.put(FORMAT).put((byte) shingleSize);
        out.putShort((short) id.length).put(id);
        out.putLong(fingerprint).putLong(firstSeen.toEpochMilli()).putInt(shingleCount);
        out.putShort((short) signature.length).put(signature);
        return out.array();
    }

    /**
     * Parses a changelog value written by {@link #toBytes()}.
     *
     * @throws IllegalArgumentException saying what is wrong when the bytes are not such a value
     */
    public static IndexEntry fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("dedupe index entry is empty");
        }
        if (bytes[0] != FORMAT) {
            throw new IllegalArgumentException(
                    "dedupe index entry has format version " + bytes[0] + ", this build reads " + FORMAT);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            in.get();
            int shingleSize = in.get() & 0xFF;
            byte[] id = new byte[in.getShort() & 0xFFFF];
            in.get(id);
            long fingerprint = in.getLong();
            Instant firstSeen = Instant.ofEpochMilli(in.getLong());
            int shingleCount = in.getInt();
            byte[] signature = new byte[in.getShort() & 0xFFFF];
            in.get(signature);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(
                        "dedupe index entry has " + in.remaining() + " unexpected trailing bytes");
            }
            return new IndexEntry(new String(id, StandardCharsets.UTF_8), fingerprint, firstSeen, shingleSize,
                    shingleCount, signature);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("dedupe index entry is truncated (" + bytes.length + " bytes)", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexEntry other
                && articleId.equals(other.articleId)
                && fingerprint == other.fingerprint
                && firstSeen.equals(other.firstSeen)
                && shingleSize == other.shingleSize
                && shingleCount == other.shingleCount
                && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(articleId, fingerprint, firstSeen, shingleSize, shingleCount)
                * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "IndexEntry[articleId=" + articleId + ", fingerprint=" + Long.toHexString(fingerprint)
                + ", firstSeen=" + firstSeen + ", shingleSize=" + shingleSize + ", shingleCount=" + shingleCount
                + ", signature=" + signature.length + " bytes]";
    }
}
