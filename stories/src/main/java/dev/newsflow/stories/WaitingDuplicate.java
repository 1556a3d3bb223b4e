package dev.newsflow.stories;

import dev.newsflow.events.Article;
import dev.newsflow.events.EventJson;
import dev.newsflow.events.InvalidEventException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;

/**
 * A duplicate that arrived before its original was given a story: dedupe passes the original on to enrich and the
 * duplicate straight to the stories stage, so the duplicate often comes first. It waits in the index
 * ({@link StoryIndex#hold}) until its original is assigned, and is then a reprint of its story; or, when its original
 * does not come within {@code stories.duplicate.wait} of pipeline time (it was dead-lettered, or came before the
 * index's memory), it is judged on its own text. The value of its changelog record ({@link StoryChangelog#waitingKey}).
 * Immutable and thread-safe.
 *
 * @param article    the duplicate, not null
 * @param originalId the id of the original dedupe named, not blank
 * @param seenAt     its time in the story (publication time, or arrival), millisecond precision
 * @param arrivedAt  when it entered the pipeline (its record timestamp), millisecond precision
 */
public record WaitingDuplicate(Article article, String originalId, Instant seenAt, Instant arrivedAt) {

    /** Version of the wire format of {@link #toBytes()}. */
    public static final byte FORMAT = 1;

    public WaitingDuplicate {
        Objects.requireNonNull(article, "article");
        if (originalId == null || originalId.isBlank()) {
            throw new IllegalArgumentException("a waiting duplicate needs the id of its original");
        }
        seenAt = Objects.requireNonNull(seenAt, "seenAt").truncatedTo(ChronoUnit.MILLIS);
        arrivedAt = Objects.requireNonNull(arrivedAt, "arrivedAt").truncatedTo(ChronoUnit.MILLIS);
    }

    /** The compact changelog value: format, times, the original's id and the article as its event JSON. */
    public byte[] toBytes() {
        byte[] original = originalId.getBytes(StandardCharsets.UTF_8);
        byte[] json = EventJson.toBytes(article);
        return ByteBuffer.allocate(1 + 8 + 8 + 4 + original.length + json.length).put(FORMAT)
                .putLong(seenAt.toEpochMilli()).putLong(arrivedAt.toEpochMilli())
                .putInt(original.length).put(original).put(json).array();
    }

    /**
     * Parses a changelog value written by {@link #toBytes()}.
     *
     * @throws IllegalArgumentException saying what is wrong when the bytes are not such a value
     */
    public static WaitingDuplicate fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("waiting duplicate entry is empty");
        }
        if (bytes[0] != FORMAT) {
            throw new IllegalArgumentException("waiting duplicate entry has format version " + bytes[0] + ", this build reads " + FORMAT);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        try {
            Instant seenAt = Instant.ofEpochMilli(in.getLong());
            Instant arrivedAt = Instant.ofEpochMilli(in.getLong());
            String originalId = StoryEntry.string(in);
            byte[] json = Arrays.copyOfRange(bytes, in.position(), bytes.length);
            return new WaitingDuplicate(EventJson.fromBytes(json, Article.class), originalId, seenAt, arrivedAt);
        } catch (BufferUnderflowException | InvalidEventException e) {
            throw new IllegalArgumentException("waiting duplicate entry is malformed (" + bytes.length + " bytes): " + e.getMessage(), e);
        }
    }
}
