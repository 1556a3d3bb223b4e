package dev.newsflow.consumer.runtime;

import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * One consumed record with its decoded event. Immutable as far as the event is.
 *
 * @param record the record as consumed, not null
 * @param event  its value decoded into its topic's value type, not null
 * @param <I>    the stage's input type
 */
public record InputRecord<I>(ConsumerRecord<String, byte[]> record, I event) {
    public InputRecord {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(event, "event");
    }

    public TopicPartition partition() {
        return new TopicPartition(record.topic(), record.partition());
    }

    /** The offset to consume after this record. */
    public long nextOffset() {
        return record.offset() + 1;
    }
}
