package dev.newsflow.producer;

import dev.newsflow.clients.CloudEvents;
import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.events.Article;
import dev.newsflow.events.EventJson;
import dev.newsflow.events.Topic;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes articles to the raw topic: JSON value, key = article id, CloudEvents headers, idempotent with
 * {@code acks=all} so a retried send is never written twice. Thread-safe (KafkaProducer is).
 */
public final class ArticlePublisher implements AutoCloseable {
    /** Delivery semantics newsflow relies on; laid over any pass-through client settings. */
    static final Map<String, Object> DELIVERY = Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
            ProducerConfig.LINGER_MS_CONFIG, 10,
            ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
            ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");

    private final KafkaProducer<String, byte[]> producer;
    private final Topic<Article> topic;
    private final Clock clock;

    /** A publisher to {@code topic} (the pipeline's raw topic), stamping each event with the topic's CloudEvents type. */
    public ArticlePublisher(KafkaSettings settings, Topic<Article> topic, Clock clock) {
        if (topic.eventType() == null) {
            throw new IllegalArgumentException("topic " + topic + " carries no events of its own");
        }
        this.producer = new KafkaProducer<>(settings.producer(DELIVERY), new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.clock = clock;
    }

    /** Sends one article; the future completes when the broker has acknowledged it. */
    public CompletableFuture<RecordMetadata> publish(Article article) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.name(), article.id(), EventJson.toBytes(article));
        CloudEvents.write(record.headers(), topic.eventType(), article.id(), clock.instant());
        CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                acknowledged.completeExceptionally(error);
            } else {
                acknowledged.complete(metadata);
            }
        });
        return acknowledged;
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
