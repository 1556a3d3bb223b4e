package dev.newsflow.storage;

import java.util.Objects;

/**
 * The next offset a consumer group will read from one partition of a topic: the offset after the last
 * record whose effect is stored. Immutable.
 *
 * @param topic      Kafka topic, never blank
 * @param partition  partition number, at least 0
 * @param nextOffset offset of the next record to consume, at least 0
 */
public record PartitionOffset(String topic, int partition, long nextOffset) {
    public PartitionOffset {
        Objects.requireNonNull(topic, "topic");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank");
        }
        if (partition < 0) {
            throw new IllegalArgumentException("partition must be >= 0, was " + partition + " for topic " + topic);
        }
        if (nextOffset < 0) {
            throw new IllegalArgumentException("nextOffset must be >= 0, was " + nextOffset
                    + " for " + topic + "-" + partition);
        }
    }
}
