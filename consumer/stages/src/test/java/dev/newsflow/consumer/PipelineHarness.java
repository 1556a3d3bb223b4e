package dev.newsflow.consumer;

import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.clients.TopicLayout;
import dev.newsflow.clients.TopicProvisioner;
import dev.newsflow.consumer.pipeline.LocalPipeline;
import dev.newsflow.consumer.pipeline.PipelineSettings;
import dev.newsflow.consumer.pipeline.StageContext;
import dev.newsflow.consumer.runtime.Stage;
import dev.newsflow.consumer.runtime.StageConfig;
import dev.newsflow.consumer.runtime.StageRunner;
import dev.newsflow.enrich.Enricher;
import dev.newsflow.events.Enrichment;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.storage.ArticleStore;
import dev.newsflow.testkit.KafkaBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline on its own topics, groups and SQLite file, for one test: all stages as {@code newsflow run} wires
 * them ({@link #startAll()}), or single stages on their own runner threads. The enricher here only counts words:
 * these tests are about delivery, not language.
 */
final class PipelineHarness implements AutoCloseable {
    static final Enricher WORD_COUNTER = article -> {
        int words = article.fullText().split("\\s+").length;
        return new Enrichment("und", null, 0.0, List.of(), List.of(), List.of(), List.of(), null, words, words * 60 / 200);
    };

    final PipelineTopics topics;
    final KafkaSettings kafka;
    final ArticleStore store;
    final String name;
    private final List<StageRunner<?>> runners = new ArrayList<>();
    private LocalPipeline pipeline;

    PipelineHarness(KafkaBroker broker, Path dir) {
        name = KafkaBroker.uniqueName("pipeline");
        topics = PipelineTopics.withSuffix(name);
        kafka = KafkaSettings.of(broker.bootstrapServers());
        TopicProvisioner.ensureTopics(kafka, TopicLayout.defaults(topics), Duration.ofSeconds(60));
        store = ArticleStore.open("jdbc:sqlite:" + dir.resolve("newsflow.db"));
    }

    /** Stage settings of this pipeline: its name, a short poll, and {@code overrides}. */
    PipelineSettings settings(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of(StageConfig.PIPELINE_NAME, name, StageConfig.POLL_TIMEOUT_MS, "50"));
        values.putAll(overrides);
        return PipelineSettings.of(values, PipelineSettings.ALL);
    }

    StageContext context(Map<String, String> overrides) {
        return new StageContext(kafka, topics, settings(overrides), new SimpleMeterRegistry());
    }

    /** Dedupe, enrich (counting words) and store, started the way {@code newsflow run} starts them. */
    PipelineHarness startAll() {
        pipeline = LocalPipeline.start(context(Map.of()), store, WORD_COUNTER);
        return this;
    }

    /** The pipeline {@link #startAll()} started. */
    LocalPipeline pipeline() {
        return pipeline;
    }

    /** The runner of {@code stage}, among those of {@link #startAll()} and those started alone. */
    StageRunner<?> runner(String stage) {
        List<StageRunner<?>> all = new ArrayList<>(runners);
        if (pipeline != null) {
            all.addAll(pipeline.runners());
        }
        return all.stream().filter(r -> r.stageName().equals(stage)).findFirst().orElseThrow();
    }

    <I> StageRunner<I> start(Stage<I> stage) {
        return start(stage, Map.of());
    }

    /** Runs {@code stage} on its own thread with the pipeline's settings and {@code overrides}. */
    <I> StageRunner<I> start(Stage<I> stage, Map<String, String> overrides) {
        StageRunner<I> runner = new StageRunner<>(stage, kafka, topics.dlq(), settings(overrides).stage(), new SimpleMeterRegistry());
        runners.add(runner);
        new Thread(runner, "test-" + stage.name()).start();
        return runner;
    }

    @Override
    public void close() {
        if (pipeline != null) {
            pipeline.close();
        }
        runners.forEach(StageRunner::close);
        store.close();
    }
}
