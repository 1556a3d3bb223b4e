package dev.newsflow.consumer.runtime;

import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * One consumed record with its decoded event. Immutable as far as the event is.
 *
 * @param record the record as consumed
 * @param event  its value decoded into the type the stage declared for the record's topic
 */
public record InputRecord<T>(ConsumerRecord<String, byte[]> record, T event) {
    public InputRecord {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(event, "event");
    }

    public TopicPartition partition() {
        return new TopicPartition(record.topic(), record.partition());
    }
}
