package dev.newsflow.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.consumer.dedupe.DedupeStage;
import dev.newsflow.consumer.runtime.StageConfig;
import dev.newsflow.consumer.runtime.StageRunner;
import dev.newsflow.dedupe.DedupeConfig;
import dev.newsflow.events.Article;
import dev.newsflow.events.DuplicateArticle;
import dev.newsflow.events.DuplicateMethod;
import dev.newsflow.events.EventJson;
import dev.newsflow.producer.ArticlePublisher;
import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RealKafkaExtension.class)
class DedupeStageTest {
    private static final Article ORIGINAL = new Article("orig-1", "Samarkand hosts a meeting of ICT ministers",
            "Samarkand hosted a meeting of ministers in charge of ICT of the Organization of Turkic States. "
                    + "The Secretary General said the meeting serves the agenda of the November summit in Samarkand. "
                    + "Representatives of Uzbekistan, Kazakhstan, Kyrgyzstan, Turkiye and Azerbaijan presented initiatives. "
                    + "The ministers signed a memorandum on the issues discussed and agreed to meet again next year.",
            "Golib Khasanov", "UzA", null, null, null, null);
    /** The same story as republished by another outlet: new headline, dateline, and a footer. */
    private static final Article REPUBLISHED = new Article("copy-1", "ICT ministers of Turkic states meet in Samarkand",
            "SAMARKAND, Oct 27 (Agency) - " + ORIGINAL.body() + " Follow us for more news from Central Asia.",
            null, "OtherWire", null, null, null, null);

    @Test
    void shouldRecogniseARepublishedStoryAfterTheStageRestarted(KafkaBroker broker, @TempDir Path dir) throws Exception {
        try (var pipeline = new PipelineHarness(broker, dir)) {
            try (StageRunner<Article> first = pipeline.start(dedupe(pipeline))) {
                publish(pipeline, ORIGINAL);
                assertThat(TopicReader.read(broker, pipeline.topics.unique().name(), 1)).hasSize(1);
            }

            pipeline.start(dedupe(pipeline));
            publish(pipeline, REPUBLISHED);

            var duplicates = TopicReader.read(broker, pipeline.topics.duplicates().name(), 1);
            assertThat(duplicates).singleElement().satisfies(record -> {
                DuplicateArticle verdict = EventJson.fromBytes(record.value(), DuplicateArticle.class);
                assertThat(verdict.duplicateOf()).isEqualTo(ORIGINAL.id());
                assertThat(verdict.method()).isEqualTo(DuplicateMethod.NEAR);
            });
            assertThat(TopicReader.read(broker, pipeline.topics.unique().name(), 1)).hasSize(1);
        }
    }

    @Test
    void shouldLetAStandbyInstanceTakeOverWithTheSameIndex(KafkaBroker broker, @TempDir Path dir) throws Exception {
        try (var pipeline = new PipelineHarness(broker, dir)) {
            StageRunner<Article> one = pipeline.start(dedupe(pipeline), Map.of(StageConfig.INSTANCE_ID, "a"));
            StageRunner<Article> two = pipeline.start(dedupe(pipeline), Map.of(StageConfig.INSTANCE_ID, "b"));
            publish(pipeline, ORIGINAL);
            assertThat(TopicReader.read(broker, pipeline.topics.unique().name(), 1)).hasSize(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> one.metrics().processed() + two.metrics().processed() == 1);
            StageRunner<Article> active = one.metrics().processed() == 1 ? one : two;
            StageRunner<Article> standby = active == one ? two : one;
            assertThat(standby.metrics().processed()).as("only one instance judges").isZero();

            active.close();
            publish(pipeline, REPUBLISHED);

            var duplicates = TopicReader.read(broker, pipeline.topics.duplicates().name(), 1);
            assertThat(duplicates).singleElement().satisfies(record ->
                    assertThat(EventJson.fromBytes(record.value(), DuplicateArticle.class).duplicateOf()).isEqualTo(ORIGINAL.id()));
            await().atMost(Duration.ofSeconds(30)).until(() -> standby.metrics().processed() == 1);
            assertThat(TopicReader.read(broker, pipeline.topics.unique().name(), 1)).hasSize(1);
        }
    }

    private static DedupeStage dedupe(PipelineHarness pipeline) {
        return new DedupeStage(pipeline.topics, pipeline.kafka, DedupeConfig.defaults());
    }

    private static void publish(PipelineHarness pipeline, Article article) throws Exception {
        try (var publisher = new ArticlePublisher(pipeline.kafka, pipeline.topics.raw(), Clock.systemUTC())) {
            publisher.publish(article).get();
        }
    }
}
