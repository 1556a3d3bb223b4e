package dev.newsflow.serve;

import static dev.newsflow.serve.Articles.enriched;
import static dev.newsflow.serve.Articles.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.EventJson;
import dev.newsflow.storage.ArticleStore;
import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The live feed against a real Kafka broker. */
@ExtendWith(RealKafkaExtension.class)
class KafkaArticleFeedTest {

    @Test
    void shouldDeliverOnlyArticlesPublishedAfterItStartedAndSkipInvalidRecords(KafkaBroker broker) throws Exception {
        String topic = KafkaBroker.uniqueName("enriched");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, byte[]> producer = producer(broker)) {
            EnrichedArticle old = enriched("old-1", "Published before the feed", "Text.", 0, "en", List.of(), List.of());
            producer.send(new ProducerRecord<>(topic, "old-1", EventJson.toBytes(old))).get();

            BlockingQueue<EnrichedArticle> received = new LinkedBlockingQueue<>();
            try (KafkaArticleFeed feed = KafkaArticleFeed.start(new LiveFeedConfig(broker.bootstrapServers(), topic,
                    Duration.ofMillis(100)))) {
                feed.subscribe(received::add);
                assertThat(feed.awaitReady(Duration.ofSeconds(30))).isTrue();

                producer.send(new ProducerRecord<>(topic, "bad", "{not json".getBytes())).get();
                EnrichedArticle fresh = enriched("new-1", "Published while tailing", "Text.", 1, "uz", List.of("UZ"),
                        List.of(person("Mirziyoyev")));
                producer.send(new ProducerRecord<>(topic, "new-1", EventJson.toBytes(fresh))).get();

                EnrichedArticle first = received.poll(30, TimeUnit.SECONDS);
                assertThat(first).isEqualTo(fresh);
                assertThat(received.poll(1, TimeUnit.SECONDS)).as("nothing from before the start").isNull();
            }
        }
    }

    @Test
    void shouldNotDeliverArticlesOfAbortedTransactions(KafkaBroker broker) throws Exception {
        String topic = KafkaBroker.uniqueName("enriched");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        BlockingQueue<EnrichedArticle> received = new LinkedBlockingQueue<>();
        try (KafkaArticleFeed feed = KafkaArticleFeed.start(new LiveFeedConfig(broker.bootstrapServers(), topic,
                Duration.ofMillis(100)));
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                     ProducerConfig.TRANSACTIONAL_ID_CONFIG, KafkaBroker.uniqueName("serve-test-tx")),
                     new StringSerializer(), new ByteArraySerializer())) {
            feed.subscribe(received::add);
            assertThat(feed.awaitReady(Duration.ofSeconds(30))).isTrue();
            producer.initTransactions();
            EnrichedArticle aborted = enriched("aborted-1", "Never committed", "Text.", 0, "en", List.of(), List.of());
            EnrichedArticle committed = enriched("committed-1", "Committed", "Text.", 1, "en", List.of(), List.of());

            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "aborted-1", EventJson.toBytes(aborted)));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "committed-1", EventJson.toBytes(committed)));
            producer.commitTransaction();

            assertThat(received.poll(30, TimeUnit.SECONDS)).isEqualTo(committed);
            assertThat(received).isEmpty();
        }
    }

    @Test
    void shouldStreamAnArticlePublishedToKafkaToAnHttpClient(KafkaBroker broker, @TempDir Path folder) throws Exception {
        String topic = KafkaBroker.uniqueName("enriched");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (ArticleStore store = ArticleStore.open("jdbc:sqlite:" + folder.resolve("serve.db"));
             KafkaArticleFeed feed = KafkaArticleFeed.start(new LiveFeedConfig(broker.bootstrapServers(), topic,
                     Duration.ofMillis(100)));
             ApiServer server = new ApiServer(store, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), feed).start(0);
             KafkaProducer<String, byte[]> producer = producer(broker)) {
            assertThat(feed.awaitReady(Duration.ofSeconds(30))).isTrue();
            try (SseLines stream = new SseLines(HttpClient.newHttpClient(),
                    URI.create("http://localhost:" + server.port() + "/api/stream"))) {
                assertThat(stream.nextData("ready", Duration.ofSeconds(10))).isNotNull();

                EnrichedArticle article = enriched("kafka-1", "Through Kafka to the browser", "Text.", 2, "ru",
                        List.of("RU"), List.of(person("Putin")));
                producer.send(new ProducerRecord<>(topic, "kafka-1", EventJson.toBytes(article))).get();

                String data = stream.nextData("article", Duration.ofSeconds(30));
                assertThat(data).isNotNull();
                assertThat(EventJson.mapper().readTree(data).get("title").asText()).isEqualTo("Through Kafka to the browser");
            }
        }
    }

    @Test
    void shouldRejectAConfigWithoutBrokersNamingTheKey() {
        assertThatThrownBy(() -> LiveFeedConfig.fromProperties(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(LiveFeedConfig.BOOTSTRAP_SERVERS);
        assertThatThrownBy(() -> LiveFeedConfig.fromProperties(Map.of(LiveFeedConfig.BOOTSTRAP_SERVERS, "localhost:9092",
                LiveFeedConfig.POLL_TIMEOUT_MS, "soon")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(LiveFeedConfig.POLL_TIMEOUT_MS);
    }

    private static KafkaProducer<String, byte[]> producer(KafkaBroker broker) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }
}
