package dev.newsflow.stories;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the index remembers of one article within {@code stories.article.window}: its story (for duplicates that
 * inherit it) and the keys of its terms and entities (the document frequencies behind every IDF). The value of
 * its changelog record ({@link StoryChangelog#articleKey}); about 1-2 KB. Immutable and thread-safe.
 *
 * @param articleId the article's id, never blank
 * @param storyId   its story's id, never blank
 * @param seenAt    when it was first seen (millisecond precision)
 * @param keys      distinct term and entity keys it counts in the document frequencies, ascending; empty for a
 *                  reprint, which adds no new text
 */
public record ArticleEntry(String articleId, String storyId, Instant seenAt, long[] keys) {

    /** Version of the wire format of {@link #toBytes()}. */
    public static final byte FORMAT = 1;

    public ArticleEntry {
        if (articleId == null || articleId.isBlank() || storyId == null || storyId.isBlank()) {
            throw new IllegalArgumentException("ArticleEntry needs an articleId and a storyId");
        }
        seenAt = Objects.requireNonNull(seenAt, "seenAt").truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        keys = keys.clone();
        for (int i = 1; i < keys.length; i++) {
            if (keys[i] <= keys[i - 1]) {
                throw new IllegalArgumentException("ArticleEntry.keys must be ascending and distinct");
            }
        }
    }

    /** A copy of the keys. */
    @Override
    public long[] keys() {
        return keys.clone();
    }

    long[] keysView() {
        return keys;
    }

    /** The compact changelog value. */
    public byte[] toBytes() {
        byte[] id = articleId.getBytes(StandardCharsets.UTF_8);
        byte[] story = storyId.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(1 + 4 + id.length + 4 + story.length + 8 + 4 + keys.length * 8);
        out.put(FORMAT).putInt(id.length).put(id).putInt(story.length).put(story).putLong(seenAt.toEpochMilli());
        out.putInt(keys.length);
        for (long key : keys) {
            out.putLong(key);
        }
        return out.array();
    }

    /**
     * Parses a changelog value written by {@link #toBytes()}.
     *
     * @throws IllegalArgumentException saying what is wrong when the bytes are not such a value
     */
    public static ArticleEntry fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("story article entry is empty");
        }
        if (bytes[0] != FORMAT) {
            throw new IllegalArgumentException("story article entry has format version " + bytes[0] + ", this build reads " + FORMAT);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        try {
            String id = StoryEntry.string(in);
            String story = StoryEntry.string(in);
            Instant seenAt = Instant.ofEpochMilli(in.getLong());
            int n = StoryEntry.count(in);
            if (n > in.remaining() / 8) {
                throw new IllegalArgumentException("story article entry claims " + n + " keys in " + in.remaining() + " bytes");
            }
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = in.getLong();
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("story article entry has " + in.remaining() + " unexpected trailing bytes");
            }
            return new ArticleEntry(id, story, seenAt, keys);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("story article entry is truncated (" + bytes.length + " bytes)", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArticleEntry a && articleId.equals(a.articleId) && storyId.equals(a.storyId)
                && seenAt.equals(a.seenAt) && Arrays.equals(keys, a.keys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(articleId, storyId, seenAt) * 31 + Arrays.hashCode(keys);
    }

    @Override
    public String toString() {
        return "ArticleEntry[" + articleId + " in " + storyId + ", seenAt=" + seenAt + ", " + keys.length + " keys]";
    }
}
