package dev.newsflow.consumer;

import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.clients.TopicLayout;
import dev.newsflow.clients.TopicProvisioner;
import dev.newsflow.consumer.dedupe.DedupeStage;
import dev.newsflow.consumer.enrich.EnrichStage;
import dev.newsflow.consumer.runtime.Stage;
import dev.newsflow.consumer.runtime.StageConfig;
import dev.newsflow.consumer.runtime.StageRunner;
import dev.newsflow.consumer.store.StoreStage;
import dev.newsflow.dedupe.DedupeConfig;
import dev.newsflow.enrich.Enricher;
import dev.newsflow.events.Enrichment;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.storage.ArticleStore;
import dev.newsflow.testkit.KafkaBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The three stages on their own topics, groups and SQLite file, each runner on its own thread, for one test.
 * The enricher here only counts words: these tests are about delivery, not language.
 */
final class PipelineHarness implements AutoCloseable {
    static final Enricher WORD_COUNTER = article -> {
        int words = article.fullText().split("\\s+").length;
        return new Enrichment("und", null, 0.0, List.of(), List.of(), List.of(), List.of(), null, words, words * 60 / 200);
    };

    final PipelineTopics topics;
    final KafkaSettings kafka;
    final ArticleStore store;
    final StageConfig config;
    private final List<StageRunner> runners = new ArrayList<>();

    PipelineHarness(KafkaBroker broker, Path dir) {
        String name = KafkaBroker.uniqueName("pipeline");
        topics = PipelineTopics.withSuffix(name);
        kafka = KafkaSettings.of(broker.bootstrapServers());
        config = new StageConfig(Map.of(StageConfig.PIPELINE_NAME, name, StageConfig.POLL_TIMEOUT_MS, "50"));
        TopicProvisioner.ensureTopics(kafka, TopicLayout.defaults(topics), Duration.ofSeconds(60));
        store = ArticleStore.open("jdbc:sqlite:" + dir.resolve("newsflow.db"));
    }

    PipelineHarness startAll() {
        start(new DedupeStage(topics, kafka, DedupeConfig.defaults()));
        start(new EnrichStage(topics, WORD_COUNTER));
        start(new StoreStage(topics, store, config.groupId("store"), new SimpleMeterRegistry()));
        return this;
    }

    StageRunner start(Stage stage) {
        return start(stage, config);
    }

    StageRunner start(Stage stage, StageConfig stageConfig) {
        StageRunner runner = new StageRunner(stage, kafka, topics.dlq(), stageConfig, new SimpleMeterRegistry());
        runners.add(runner);
        new Thread(runner, "test-" + stage.name()).start();
        return runner;
    }

    StageRunner runner(String stage) {
        return runners.stream().filter(r -> r.stageName().equals(stage)).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        runners.forEach(StageRunner::close);
        store.close();
    }
}
