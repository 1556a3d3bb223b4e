package dev.newsflow.plugins;

import dev.newsflow.clients.CloudEvents;
import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.clients.TopicLayout;
import dev.newsflow.clients.TopicProvisioner;
import dev.newsflow.consumer.runtime.StageConfig;
import dev.newsflow.events.Article;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.Enrichment;
import dev.newsflow.events.EntityCount;
import dev.newsflow.events.EntityType;
import dev.newsflow.events.EventJson;
import dev.newsflow.events.EventType;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.testkit.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Enriched events and topics for one test, on the real broker. */
final class TestEvents {
    final KafkaSettings kafka;
    final PipelineTopics topics;
    final String pipeline;

    TestEvents(KafkaBroker broker) {
        this.kafka = KafkaSettings.of(broker.bootstrapServers());
        this.topics = PipelineTopics.withSuffix(KafkaBroker.uniqueName("plugin"));
        this.pipeline = KafkaBroker.uniqueName("nf");
        TopicProvisioner.ensureTopics(kafka, TopicLayout.defaults(topics), Duration.ofSeconds(60));
    }

    StageConfig stageConfig() {
        return new StageConfig(Map.of(StageConfig.PIPELINE_NAME, pipeline, StageConfig.RETRY_INITIAL_BACKOFF_MS, "10",
                StageConfig.RETRY_MAX_BACKOFF_MS, "50", StageConfig.RETRY_MAX_ATTEMPTS, "3"));
    }

    static EnrichedArticle enriched(String id, String title, List<String> countries, List<String> keywords, String person) {
        Article article = new Article(id, title, title + " was reported today.\n\nMore details follow.", "A. Author", "UzA",
                OffsetDateTime.parse("2022-10-27T09:12+05:00"), null, null, id + ".txt");
        List<EntityCount> entities = person == null ? List.of() : List.of(new EntityCount(person, EntityType.PERSON, 1));
        Enrichment enrichment = new Enrichment("en", "Latn", 0.99, List.of(), entities, countries, keywords,
                title, 12, 4);
        return new EnrichedArticle(article, enrichment, Instant.parse("2026-03-01T10:00:00Z"));
    }

    void publish(EnrichedArticle... articles) throws Exception {
        publishUnderKey(null, articles);
    }

    /** Publishes under one key (so to one partition, in this order), or keyed by article id when {@code key} is null. */
    void publishUnderKey(String key, EnrichedArticle... articles) throws Exception {
        try (var producer = new KafkaProducer<>(kafka.producer(Map.of("acks", "all")), new StringSerializer(), new ByteArraySerializer())) {
            for (EnrichedArticle article : articles) {
                String recordKey = key != null ? key : article.article().id();
                var record = new ProducerRecord<>(topics.enriched().name(), recordKey, EventJson.toBytes(article));
                CloudEvents.write(record.headers(), EventType.ENRICHED, article.article().id(), article.enrichedAt());
                producer.send(record).get();
            }
        }
    }

    void publishRaw(String key, String value) throws Exception {
        try (var producer = new KafkaProducer<>(kafka.producer(Map.of("acks", "all")), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.enriched().name(), key, value.getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    /** Every record on the dead-letter topic now, read from the beginning. */
    List<ConsumerRecord<String, byte[]>> deadLetters(int expected) {
        List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(kafka.consumer(KafkaBroker.uniqueName("dlq-reader"),
                Map.of("auto.offset.reset", "earliest", "isolation.level", "read_committed")),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topics.dlq().name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (letters.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(letters::add);
            }
            // Anything beyond what was expected would show up in one more poll.
            consumer.poll(Duration.ofMillis(500)).forEach(letters::add);
        }
        return letters;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        return CloudEvents.read(record.headers(), name);
    }
}
