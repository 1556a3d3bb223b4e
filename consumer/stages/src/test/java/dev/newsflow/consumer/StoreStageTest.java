package dev.newsflow.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.consumer.store.StoreStage;
import dev.newsflow.events.Article;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.EventJson;
import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RealKafkaExtension.class)
class StoreStageTest {

    @Test
    void shouldRetryWhileTheDatabaseIsLockedAndDeadLetterNothing(KafkaBroker broker, @TempDir Path dir) throws Exception {
        try (var pipeline = new PipelineHarness(broker, dir)) {
            var store = pipeline.start(new StoreStage(pipeline.topics, pipeline.store, pipeline.name + "-store",
                    new SimpleMeterRegistry()));
            Article article = new Article("locked-1", "Parliament meets", "The parliament met on Monday.", null, "UzA",
                    null, null, null, null);
            EnrichedArticle enriched = new EnrichedArticle(article, PipelineHarness.WORD_COUNTER.enrich(article), Instant.now());

            try (Connection lock = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("newsflow.db"));
                 Statement statement = lock.createStatement()) {
                statement.execute("BEGIN EXCLUSIVE");
                try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
                        new StringSerializer(), new ByteArraySerializer())) {
                    producer.send(new ProducerRecord<>(pipeline.topics.enriched().name(), article.id(), EventJson.toBytes(enriched))).get();
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> store.metrics().retries() >= 1);
                statement.execute("ROLLBACK");
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> pipeline.store.countArticles() == 1);
            assertThat(store.metrics().deadLettered()).isZero();
            assertThat(store.failure()).isNull();
            assertThat(TopicReader.read(broker, pipeline.topics.dlq().name(), 0)).isEmpty();
        }
    }
}
