package dev.newsflow.producer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.clients.CloudEvents;
import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.clients.TopicLayout;
import dev.newsflow.clients.TopicProvisioner;
import dev.newsflow.events.Article;
import dev.newsflow.events.CloudEventHeaders;
import dev.newsflow.events.EventJson;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RealKafkaExtension.class)
class ArticleProducerTest {

    @Test
    void shouldPublishTheSeedWithCloudEventsHeadersAndReportTheBadFile(KafkaBroker broker, @TempDir Path dir) throws Exception {
        PipelineTopics topics = PipelineTopics.withSuffix(KafkaBroker.uniqueName("p"));
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers());
        TopicProvisioner.ensureTopics(settings, TopicLayout.defaults(topics), Duration.ofSeconds(60));
        Files.copy(UzaTextFormatTest.SEED, dir.resolve("000_51b25be97f64b557.txt"));
        Files.writeString(dir.resolve("broken.txt"), "only a headline");
        List<String> reported = new ArrayList<>();

        PublishSummary summary;
        try (var publisher = new ArticlePublisher(settings, topics.raw(), Clock.systemUTC())) {
            summary = new ArticleProducer(new ArticleFiles(), new FeedFetcher(new FeedFormat(), ArticleFiles.DEFAULT_MAX_FILE_BYTES), publisher)
                    .publish(List.of(dir.toString()), reported::add);
        }

        assertThat(summary.describe()).isEqualTo("files read: 2, articles published: 1, failures: 1");
        assertThat(reported).singleElement().asString().startsWith(dir.resolve("broken.txt") + ": only one line");
        ConsumerRecord<String, byte[]> record = readOne(broker, topics.raw().name());
        assertThat(record.key()).isEqualTo("51b25be97f64b557");
        Article article = EventJson.fromBytes(record.value(), Article.class);
        assertThat(article.author()).isEqualTo("Golib Khasanov");
        assertThat(CloudEvents.read(record.headers(), CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(CloudEvents.read(record.headers(), CloudEventHeaders.ID)).isEqualTo("51b25be97f64b557");
        assertThat(CloudEvents.read(record.headers(), CloudEventHeaders.TYPE)).isEqualTo("dev.newsflow.article.raw.v1");
        assertThat(CloudEvents.read(record.headers(), CloudEventHeaders.SOURCE)).isEqualTo("/newsflow/producer");
        assertThat(CloudEvents.read(record.headers(), CloudEventHeaders.TIME)).isNotBlank();
        assertThat(CloudEvents.read(record.headers(), CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
    }

    private static ConsumerRecord<String, byte[]> readOne(KafkaBroker broker, String topic) {
        Map<String, Object> props = Map.of("bootstrap.servers", broker.bootstrapServers(),
                "group.id", KafkaBroker.uniqueName("reader"), "auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    return record;
                }
            }
        }
        throw new AssertionError("no record on " + topic + " within 60 s; value charset " + StandardCharsets.UTF_8);
    }
}
