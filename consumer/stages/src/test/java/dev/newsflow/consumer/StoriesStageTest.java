package dev.newsflow.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.clients.CloudEvents;
import dev.newsflow.consumer.runtime.StageConfig;
import dev.newsflow.consumer.runtime.StageRunner;
import dev.newsflow.consumer.stories.StoriesStage;
import dev.newsflow.events.Article;
import dev.newsflow.events.ArticleOutcome;
import dev.newsflow.events.CloudEventHeaders;
import dev.newsflow.events.DuplicateArticle;
import dev.newsflow.events.DuplicateMethod;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.Enrichment;
import dev.newsflow.events.EntityCount;
import dev.newsflow.events.EntityType;
import dev.newsflow.events.EventJson;
import dev.newsflow.events.StoryUpdate;
import dev.newsflow.stories.Assignment;
import dev.newsflow.stories.StoriesConfig;
import dev.newsflow.stories.StoryIndex;
import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The stories stage on the embedded broker: its updates, its changelog across restarts and aborts, its standby. */
@ExtendWith(RealKafkaExtension.class)
class StoriesStageTest {
    private static final OffsetDateTime THURSDAY = OffsetDateTime.of(2022, 10, 27, 9, 12, 0, 0, ZoneOffset.ofHours(5));
    private static final String SAMARKAND = "The city of Samarkand hosted a meeting of ministers in charge of information and "
            + "communication technologies of the Organization of Turkic States on Thursday. Secretary General Baghdad "
            + "Amreyev opened the session and Sherzod Shermatov chaired it. Delegations of Turkey, Azerbaijan, Kazakhstan "
            + "and Kyrgyzstan signed a plan on digital government services.";
    private static final String BAKU = "The city of Baku hosted a meeting of ministers of transport of the Organization of "
            + "Turkic States on Saturday. Rashad Nabiyev chaired the session. Delegations of Turkey, Uzbekistan, Kazakhstan "
            + "and Kyrgyzstan discussed freight corridors across the Caspian Sea.";

    /** Four reports in the order they arrive: three of the Samarkand meeting, then another meeting in Baku. */
    private static final List<EnrichedArticle> STREAM = List.of(
            enriched("uza-1", "UzA", "Samarkand hosts a meeting of OTS ministers in charge of ICT", SAMARKAND, 0,
                    List.of(place("Samarkand"), person("Baghdad Amreyev"), person("Sherzod Shermatov"))),
            enriched("dunyo-1", "Dunyo", "OTS digital ministers gather in Samarkand", SAMARKAND.replace("Thursday", "27 October"), 60,
                    List.of(place("Samarkand"), person("Sherzod Shermatov"))),
            enriched("akipress-1", "AKIpress", "Turkic ICT ministers sign digital government plan in Samarkand",
                    "Ministers of ICT of the Organization of Turkic States signed a plan on digital government services in "
                            + "Samarkand. Baghdad Amreyev opened the session chaired by Sherzod Shermatov.", 120,
                    List.of(place("Samarkand"), person("Baghdad Amreyev"), person("Sherzod Shermatov"))),
            enriched("trend-1", "Trend", "Baku hosts a meeting of OTS transport ministers", BAKU, 2 * 24 * 60,
                    List.of(place("Baku"), person("Rashad Nabiyev"))));

    private static EnrichedArticle enriched(String id, String source, String title, String body, int minutes,
                                            List<EntityCount> entities) {
        Article article = new Article(id, title, body, null, source, THURSDAY.plusMinutes(minutes), null, null, null);
        Enrichment enrichment = new Enrichment("en", "Latn", 0.99, List.of(), entities, List.of("UZ", "TR", "AZ", "KZ", "KG"),
                List.of("ministers", "Turkic States"), null, body.split(" ").length, 30);
        return new EnrichedArticle(article, enrichment, Instant.now());
    }

    private static EntityCount person(String name) {
        return new EntityCount(name, EntityType.PERSON, 1);
    }

    private static EntityCount place(String name) {
        return new EntityCount(name, EntityType.LOCATION, 2);
    }

    /** What an uninterrupted index says of the stream, each article at its publication time. */
    private static List<String> expectedVerdicts() {
        StoryIndex index = new StoryIndex(StoriesConfig.defaults());
        List<String> verdicts = new ArrayList<>();
        for (EnrichedArticle article : STREAM) {
            Instant at = article.article().publishedAt().toInstant();
            Assignment assignment = index.assign(article, at);
            verdicts.add(article.article().id() + " -> " + assignment.storyId() + " " + assignment.decidedBy().name().toLowerCase());
        }
        return verdicts;
    }

    private static List<String> verdicts(List<StoryUpdate> updates) {
        return updates.stream().map(u -> u.articleId() + " -> " + u.storyId() + " " + u.decidedBy().wireName()).toList();
    }

    @Test
    void shouldGiveEveryArticleItsStoryAndResumeExactlyAfterARestart(KafkaBroker broker, @TempDir Path dir) throws Exception {
        try (var pipeline = new PipelineHarness(broker, dir)) {
            try (StageRunner<ArticleOutcome> first = pipeline.start(stories(pipeline))) {
                sendInTurn(broker, pipeline, STREAM.subList(0, 2), 0);
            }

            pipeline.start(stories(pipeline));
            sendInTurn(broker, pipeline, STREAM.subList(2, 4), 2);

            List<ConsumerRecord<String, byte[]>> records = TopicReader.read(broker, pipeline.topics.stories().name(), 4);
            List<StoryUpdate> updates = records.stream().map(r -> EventJson.fromBytes(r.value(), StoryUpdate.class)).toList();
            assertThat(verdicts(updates)).as("the restarted stage gives the verdicts an uninterrupted index gives")
                    .containsExactlyInAnyOrderElementsOf(expectedVerdicts());
            assertThat(verdicts(updates)).contains("uza-1 -> s-uza-1 new", "trend-1 -> s-trend-1 new");
            StoryUpdate third = updates.stream().filter(u -> u.articleId().equals("akipress-1")).findFirst().orElseThrow();
            assertThat(third.storyId()).isEqualTo("s-uza-1");
            assertThat(third.articles()).isEqualTo(3);
            assertThat(third.outlets()).containsExactly("AKIpress", "Dunyo", "UzA");
            assertThat(third.score()).isPositive();
            assertThat(third.seenAt()).isEqualTo(THURSDAY.plusMinutes(120).toInstant());
            assertThat(records).allSatisfy(record -> {
                StoryUpdate update = EventJson.fromBytes(record.value(), StoryUpdate.class);
                assertThat(record.key()).isEqualTo(update.storyId());
                assertThat(CloudEvents.read(record.headers(), CloudEventHeaders.ID)).isEqualTo(update.articleId());
                assertThat(CloudEvents.read(record.headers(), CloudEventHeaders.SUBJECT)).isEqualTo(update.storyId());
                assertThat(CloudEvents.read(record.headers(), CloudEventHeaders.TYPE)).isEqualTo("dev.newsflow.story.updated.v1");
            });
        }
    }

    @Test
    void shouldMakeADuplicateThatArrivesBeforeItsOriginalAReprintOfTheOriginalsStory(KafkaBroker broker, @TempDir Path dir)
            throws Exception {
        try (var pipeline = new PipelineHarness(broker, dir)) {
            StageRunner<ArticleOutcome> stage = pipeline.start(stories(pipeline));
            Article copy = new Article("kun-1", "ICT ministers of Turkic states meet in Samarkand", SAMARKAND, null, "Kun.uz",
                    THURSDAY.plusMinutes(5), null, null, null);
            send(pipeline, new DuplicateArticle(copy, "uza-1", 0.93, DuplicateMethod.NEAR, Instant.now()));
            await().atMost(Duration.ofSeconds(60)).until(() -> stage.metrics().processed() == 1);
            assertThat(TopicReader.read(broker, pipeline.topics.stories().name(), 0)).as("the duplicate waits").isEmpty();
            send(pipeline, STREAM.get(0));

            List<StoryUpdate> updates = updates(broker, pipeline, 2);

            assertThat(verdicts(updates)).containsExactly("uza-1 -> s-uza-1 new", "kun-1 -> s-uza-1 duplicate");
            assertThat(updates.get(1).reprints()).isEqualTo(1);
            assertThat(updates.get(1).articles()).isEqualTo(2);
            assertThat(updates.get(1).outlets()).as("a reprint's outlet is not independent").containsExactly("UzA");
            assertThat(updates.get(1).outlet()).isEqualTo("Kun.uz");
        }
    }

    @Test
    void shouldRestoreTheIndexAfterAnAbortedTransactionAndGiveEachArticleOneUpdate(KafkaBroker broker, @TempDir Path dir)
            throws Exception {
        try (var pipeline = new PipelineHarness(broker, dir)) {
            pipeline.start(stories(pipeline), Map.of(StageConfig.RETRY_INITIAL_BACKOFF_MS, "100", StageConfig.RETRY_MAX_BACKOFF_MS, "500",
                    StageConfig.RETRY_MAX_ATTEMPTS, "60"));
            sendInTurn(broker, pipeline, STREAM.subList(0, 1), 0);

            limitStoryUpdates(broker, pipeline, AlterConfigOp.OpType.SET);
            send(pipeline, STREAM.get(1));
            await().atMost(Duration.ofSeconds(60)).until(() -> pipeline.runner("stories").metrics().retries() >= 2);
            limitStoryUpdates(broker, pipeline, AlterConfigOp.OpType.DELETE);

            List<StoryUpdate> updates = updates(broker, pipeline, 2);
            assertThat(verdicts(updates)).as("the aborted attempts were forgotten: the article is not 'known' on the retry")
                    .containsExactlyElementsOf(expectedVerdicts().subList(0, 2));
            assertThat(updates).extracting(StoryUpdate::articles).containsExactly(1, 2);
        }
    }

    @Test
    void shouldLetAStandbyInstanceTakeOverEveryPartitionWithTheSameStories(KafkaBroker broker, @TempDir Path dir) throws Exception {
        try (var pipeline = new PipelineHarness(broker, dir)) {
            StageRunner<ArticleOutcome> one = pipeline.start(stories(pipeline), Map.of(StageConfig.INSTANCE_ID, "a"));
            StageRunner<ArticleOutcome> two = pipeline.start(stories(pipeline), Map.of(StageConfig.INSTANCE_ID, "b"));
            sendInTurn(broker, pipeline, STREAM.subList(0, 2), 0);
            await().atMost(Duration.ofSeconds(30)).until(() -> one.metrics().processed() + two.metrics().processed() == 2);
            StageRunner<ArticleOutcome> active = one.metrics().processed() == 2 ? one : two;
            StageRunner<ArticleOutcome> standby = active == one ? two : one;
            assertThat(standby.metrics().processed()).as("one instance takes every partition of both inputs").isZero();

            active.close();
            send(pipeline, STREAM.get(2));

            await().atMost(Duration.ofSeconds(60)).until(() -> standby.metrics().processed() == 1);
            assertThat(verdicts(updates(broker, pipeline, 3))).containsExactlyInAnyOrderElementsOf(expectedVerdicts().subList(0, 3));
        }
    }

    private static StoriesStage stories(PipelineHarness pipeline) {
        return new StoriesStage(pipeline.topics, pipeline.kafka, StoriesConfig.defaults());
    }

    private static List<StoryUpdate> updates(KafkaBroker broker, PipelineHarness pipeline, int count) {
        return TopicReader.read(broker, pipeline.topics.stories().name(), count).stream()
                .map(r -> EventJson.fromBytes(r.value(), StoryUpdate.class)).toList();
    }

    /**
     * Sends the articles one after the other, each once the update of the one before is out: the topics have several
     * partitions, so only this fixes the order the stage sees them in.
     */
    private static void sendInTurn(KafkaBroker broker, PipelineHarness pipeline, List<EnrichedArticle> articles, int updatesBefore)
            throws Exception {
        int expected = updatesBefore;
        for (EnrichedArticle article : articles) {
            send(pipeline, article);
            assertThat(updates(broker, pipeline, ++expected)).hasSize(expected);
        }
    }

    /** Sends the event to its topic (enriched or duplicates), keyed by article id. */
    private static void send(PipelineHarness pipeline, ArticleOutcome event) throws Exception {
        try (var producer = new KafkaProducer<>(pipeline.kafka.producer(Map.of("acks", "all")), new StringSerializer(),
                new ByteArraySerializer())) {
            String topic = event instanceof EnrichedArticle ? pipeline.topics.enriched().name() : pipeline.topics.duplicates().name();
            producer.send(new ProducerRecord<>(topic, event.article().id(), EventJson.toBytes(event))).get(30, TimeUnit.SECONDS);
        }
    }

    /** Lets the stories topic take records of 200 bytes at most (SET), or any size again (DELETE):
     * less than any event, more than a transaction marker (a topic that refuses the markers of a transaction that
     * wrote to it leaves the transaction hanging on the broker).
     */
    private static void limitStoryUpdates(KafkaBroker broker, PipelineHarness pipeline, AlterConfigOp.OpType op) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            var topic = new ConfigResource(ConfigResource.Type.TOPIC, pipeline.topics.stories().name());
            admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", "200"), op))))
                    .all().get(30, TimeUnit.SECONDS);
            boolean limited = op == AlterConfigOp.OpType.SET;
            await().atMost(Duration.ofSeconds(30)).until(() -> limited == (admin.describeConfigs(List.of(topic)).all()
                    .get(30, TimeUnit.SECONDS).get(topic).get("max.message.bytes").source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG));
        }
    }
}
