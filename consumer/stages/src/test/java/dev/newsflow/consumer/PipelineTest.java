package dev.newsflow.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.clients.CloudEvents;
import dev.newsflow.events.Article;
import dev.newsflow.events.CloudEventHeaders;
import dev.newsflow.events.DeadLetterHeaders;
import dev.newsflow.events.DuplicateArticle;
import dev.newsflow.events.DuplicateMethod;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.EventJson;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.producer.ArticlePublisher;
import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RealKafkaExtension.class)
class PipelineTest {
    private static final Article SEED = new Article("51b25be97f64b557", "Samarkand hosts a meeting of ministers",
            "Samarkand hosted a meeting of ministers in charge of ICT of the Organization of Turkic States.",
            "Golib Khasanov", "UzA", OffsetDateTime.parse("2022-10-27T09:12+05:00"), null, null, "000_51b25be97f64b557.txt");

    @Test
    void shouldStoreOneRowWhenTheSameArticleIsPublishedTwice(KafkaBroker broker, @TempDir Path dir) throws Exception {
        try (var pipeline = new PipelineHarness(broker, dir).startAll()) {
            try (var publisher = new ArticlePublisher(pipeline.kafka, pipeline.topics.raw(), Clock.systemUTC())) {
                publisher.publish(SEED).get();
                publisher.publish(SEED).get();
            }

            List<ConsumerRecord<String, byte[]>> unique = TopicReader.read(broker, pipeline.topics.unique().name(), 1);
            List<ConsumerRecord<String, byte[]>> duplicates = TopicReader.read(broker, pipeline.topics.duplicates().name(), 1);
            assertThat(unique).hasSize(1);
            assertThat(duplicates).singleElement().satisfies(record -> {
                DuplicateArticle duplicate = EventJson.fromBytes(record.value(), DuplicateArticle.class);
                assertThat(duplicate.duplicateOf()).isEqualTo(SEED.id());
                assertThat(duplicate.method()).isEqualTo(DuplicateMethod.EXACT);
                assertThat(CloudEvents.read(record.headers(), CloudEventHeaders.TYPE)).isEqualTo("dev.newsflow.article.duplicate.v1");
            });
            List<ConsumerRecord<String, byte[]>> enriched = TopicReader.read(broker, pipeline.topics.enriched().name(), 1);
            assertThat(enriched).singleElement().satisfies(record ->
                    assertThat(EventJson.fromBytes(record.value(), EnrichedArticle.class).enrichment().wordCount()).isEqualTo(22));
            await().atMost(Duration.ofSeconds(60)).until(() -> pipeline.pipeline().stored() == 2
                    && pipeline.store.findArticle(SEED.id()).orElseThrow().storyId() != null);
            assertThat(pipeline.store.countArticles()).isEqualTo(1);
            assertThat(pipeline.store.findArticle(SEED.id()).orElseThrow().storyId()).isEqualTo("s-" + SEED.id());
            assertThat(pipeline.pipeline().grouped()).as("the re-send is known, not grouped again").isEqualTo(1);
            for (String stage : List.of("dedupe", "enrich", "stories", "store")) {
                assertThat(pipeline.runner(stage).metrics().commits()).as(stage + " commits").isPositive();
                assertThat(pipeline.runner(stage).metrics().commitTime()).as(stage + " commit time").isPositive();
            }
            assertThat(pipeline.store.findArticle(SEED.id())).hasValueSatisfying(row -> {
                assertThat(row.author()).isEqualTo("Golib Khasanov");
                assertThat(row.publishedAt()).isEqualTo("2022-10-27T09:12+05:00");
            });
        }
    }

    /** Ten kinds of poison, as a misbehaving producer might write them onto any stage's input topic. */
    private static Map<String, byte[]> poison(String stage) {
        return Map.of(
                stage + "-not-json", "<html>not json</html>".getBytes(StandardCharsets.UTF_8),
                stage + "-array", "[1,2,3]".getBytes(StandardCharsets.UTF_8),
                stage + "-no-title", "{\"id\":\"x\",\"body\":\"b\"}".getBytes(StandardCharsets.UTF_8),
                stage + "-blank-body", "{\"id\":\"x\",\"title\":\"t\",\"body\":\"  \"}".getBytes(StandardCharsets.UTF_8),
                stage + "-bad-date", "{\"id\":\"x\",\"title\":\"t\",\"body\":\"b\",\"publishedAt\":\"noon\"}".getBytes(StandardCharsets.UTF_8),
                stage + "-oversized", ("{\"id\":\"x\",\"title\":\"t\",\"body\":\"" + "a".repeat(Article.MAX_BODY_LENGTH + 1) + "\"}").getBytes(StandardCharsets.UTF_8),
                stage + "-empty", new byte[0],
                stage + "-binary", new byte[] {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF},
                stage + "-number", "42".getBytes(StandardCharsets.UTF_8),
                stage + "-wrong-type", "{\"id\":{\"nested\":1},\"title\":\"t\",\"body\":\"b\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldDeadLetterPoisonOnEveryStageInputWithProvenanceAndKeepGoing(KafkaBroker broker, @TempDir Path dir) throws Exception {
        try (var pipeline = new PipelineHarness(broker, dir).startAll()) {
            PipelineTopics topics = pipeline.topics;
            // every stage that reads a topic dead-letters its poison: the enriched topic's twice
            Map<String, String> topicOf = Map.of("raw", topics.raw().name(), "unique", topics.unique().name(),
                    "enriched", topics.enriched().name(), "stories", topics.stories().name());
            Map<String, Set<String>> readersOf = Map.of("raw", Set.of("dedupe"), "unique", Set.of("enrich"),
                    "enriched", Set.of("stories", "store"), "stories", Set.of("store"));
            Map<String, byte[]> all = new java.util.HashMap<>();
            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
                    "max.request.size", 4_000_000), new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(topics.raw().name(), "good-1", EventJson.toBytes(SEED))).get();
                for (var topic : topicOf.entrySet()) {
                    for (var entry : poison(topic.getKey()).entrySet()) {
                        producer.send(new ProducerRecord<>(topic.getValue(), entry.getKey(), entry.getValue())).get();
                        all.put(entry.getKey(), entry.getValue());
                    }
                }
                Article second = new Article("good-2", "A different story", "Tashkent opened a new metro line today.",
                        null, "UzA", null, null, null, null);
                producer.send(new ProducerRecord<>(topics.raw().name(), second.id(), EventJson.toBytes(second))).get();
            }
            int expected = all.keySet().stream().mapToInt(key -> readersOf.get(source(key)).size()).sum();

            List<ConsumerRecord<String, byte[]>> letters = TopicReader.read(broker, topics.dlq().name(), expected);
            assertThat(letters).hasSize(expected);
            assertThat(letters.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).isEqualTo(all.keySet());
            assertThat(letters).allSatisfy(letter -> {
                String source = source(letter.key());
                assertThat(header(letter, DeadLetterHeaders.STAGE)).isIn(readersOf.get(source));
                assertThat(header(letter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(topicOf.get(source));
                assertThat(header(letter, DeadLetterHeaders.ORIGINAL_PARTITION)).isNotNull();
                assertThat(Long.parseLong(header(letter, DeadLetterHeaders.ORIGINAL_OFFSET))).isNotNegative();
                assertThat(Long.parseLong(header(letter, DeadLetterHeaders.ORIGINAL_TIMESTAMP))).isPositive();
                assertThat(header(letter, DeadLetterHeaders.ERROR_CLASS)).isEqualTo("dev.newsflow.events.InvalidEventException");
                assertThat(header(letter, DeadLetterHeaders.ERROR_MESSAGE)).isNotBlank();
                assertThat(letter.value()).isEqualTo(all.get(letter.key()));
            });
            assertThat(letters.stream().map(letter -> letter.key() + "/" + header(letter, DeadLetterHeaders.STAGE)))
                    .as("each reader dead-letters each poison record once").doesNotHaveDuplicates();
            await().atMost(Duration.ofSeconds(60)).until(() -> pipeline.store.countArticles() == 2);
            assertThat(pipeline.store.findArticle("good-2")).isPresent();
            await().atMost(Duration.ofSeconds(60)).until(() -> pipeline.store.findArticle("good-2").orElseThrow().storyId() != null);
            for (String stage : List.of("dedupe", "enrich", "stories", "store")) {
                assertThat(pipeline.runner(stage).failure()).as(stage + " keeps running").isNull();
            }
        }
    }

    /** The topic a poison key was written to: its prefix. */
    private static String source(String key) {
        return key.substring(0, key.indexOf('-'));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return CloudEvents.read(record.headers(), name);
    }
}
