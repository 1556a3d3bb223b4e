package dev.newsflow.consumer.runtime;

import dev.newsflow.clients.CloudEvents;
import dev.newsflow.events.EventJson;
import dev.newsflow.events.Topic;
import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Builds the records a stage produces. Stateless and thread-safe. */
public final class Outputs {
    private Outputs() {
    }

    /**
     * An event derived from {@code input}: keyed by article id, JSON value, CloudEvents headers of the topic's
     * event type, and the input's timestamp carried over (as Kafka Streams does), so the record's timestamp stays
     * the time the article was published to the pipeline and any stage can measure end-to-end latency from it.
     *
     * @throws IllegalArgumentException when {@code topic} carries no events of its own
     */
    public static <V> ProducerRecord<String, byte[]> derived(Topic<V> topic, String articleId, V event, InputRecord<?> input) {
        if (topic.eventType() == null) {
            throw new IllegalArgumentException("topic " + topic.name() + " carries no events of its own");
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.name(), null, input.record().timestamp(), articleId,
                EventJson.toBytes(Objects.requireNonNull(event, "event")));
        CloudEvents.write(record.headers(), topic.eventType(), articleId, Instant.now());
        return record;
    }
}
