package dev.newsflow.consumer.runtime;

import dev.newsflow.clients.CloudEvents;
import dev.newsflow.events.EventJson;
import dev.newsflow.events.EventType;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Builds the records a stage produces. */
public final class Outputs {
    private Outputs() {
    }

    /**
     * An event derived from {@code input}: keyed by article id, JSON value, CloudEvents headers, and the input's
     * timestamp carried over (as Kafka Streams does), so the record's timestamp stays the time the article was
     * published to the pipeline and any stage can measure end-to-end latency from it.
     */
    public static ProducerRecord<String, byte[]> derived(String topic, EventType type, String articleId, Object event,
                                                         InputRecord<?> input) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, input.record().timestamp(), articleId,
                EventJson.toBytes(event));
        CloudEvents.write(record.headers(), type, articleId, Instant.now());
        return record;
    }
}
