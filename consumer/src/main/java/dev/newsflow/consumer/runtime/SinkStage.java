package dev.newsflow.consumer.runtime;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * A stage that writes to a system outside Kafka and keeps its consumed offsets there, in the same transaction
 * as the data, so a crash at any point neither loses nor doubles a write. On assignment the runner seeks to
 * the offsets the sink reports.
 */
public non-sealed interface SinkStage extends Stage {

    /**
     * Writes {@code batch} and records {@code nextOffsets} (partition -> next offset to consume) atomically.
     *
     * @throws Exception a transient failure is retried; any other makes the runner write the records one by
     *                   one to find and dead-letter the bad ones
     */
    void write(List<InputRecord<?>> batch, Map<TopicPartition, Long> nextOffsets) throws Exception;

    /** The next offsets stored for {@code partitions}; a partition without one starts at the beginning. */
    Map<TopicPartition, Long> storedOffsets(Collection<TopicPartition> partitions) throws Exception;
}
