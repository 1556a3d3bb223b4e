package dev.newsflow.consumer.runtime;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * A stage that writes to a system outside Kafka and keeps its consumed offsets there, in the same transaction as
 * the data, so a crash at any point neither loses nor doubles a write. On assignment the runner seeks to the
 * offsets the stage reports; Kafka's committed offsets are not used.
 *
 * <p>The runner writes each batch with {@link #write}, retrying transient failures with backoff. When a batch
 * fails permanently it writes the batch's records one by one, each with the same bounded retry, to find and
 * dead-letter the bad ones. A record that does not decode is dead-lettered, and the dead letter acknowledged,
 * before any offset past it is written. Dead letters are at least once: a crash between a dead letter and the
 * write of the offset past it sends it again on restart.
 *
 * @param <I> what the input events decode to
 */
public non-sealed interface StoredOffsetsStage<I> extends Stage<I> {

    /**
     * Writes {@code batch} and records {@code nextOffsets} (partition -> next offset to consume) atomically.
     * {@code batch} may be empty: then only the offsets move (past dead-lettered records).
     *
     * @throws Exception a {@link Failures#isTransient transient} failure is retried; any other makes the runner
     *                   write the records one by one
     */
    void write(List<InputRecord<I>> batch, Map<TopicPartition, Long> nextOffsets) throws Exception;

    /**
     * The next offsets stored for {@code partitions}; a partition without one is absent (and starts at the
     * beginning). Thread-safe: the catch-up check calls it from other threads while the stage runs.
     */
    Map<TopicPartition, Long> storedOffsets(Collection<TopicPartition> partitions) throws Exception;
}
