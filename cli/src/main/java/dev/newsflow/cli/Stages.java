package dev.newsflow.cli;

import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.consumer.dedupe.DedupeStage;
import dev.newsflow.consumer.enrich.EnrichStage;
import dev.newsflow.consumer.runtime.StageConfig;
import dev.newsflow.consumer.runtime.StageRunner;
import dev.newsflow.consumer.store.StoreStage;
import dev.newsflow.dedupe.DedupeConfig;
import dev.newsflow.enrich.EnrichConfig;
import dev.newsflow.enrich.Enricher;
import dev.newsflow.enrich.Enrichers;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.storage.ArticleStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Small factories that build each stage and its runner from the options. */
final class Stages {
    /** Models load once per process (seconds and tens of MB each) and are shared: enrichers are thread-safe. */
    private static final Map<EnrichConfig, Enricher> ENRICHERS = new ConcurrentHashMap<>();

    private Stages() {
    }

    /** What every stage of one process shares. */
    record Context(KafkaSettings kafka, PipelineTopics topics, StageOptions options, MeterRegistry registry) {
        StageConfig stageConfig() {
            return options.stageConfig();
        }
    }

    static StageRunner dedupe(Context context) {
        DedupeConfig config = DedupeConfig.fromMap(context.options().settings("dedupe."));
        return runner(context, new DedupeStage(context.topics(), context.kafka(), config));
    }

    static StageRunner enrich(Context context) {
        EnrichConfig config = EnrichConfig.from(context.options().settings("enrich."));
        return runner(context, new EnrichStage(context.topics(), enricher(config)));
    }

    /** The enricher for {@code config}, its models loaded on first use and shared by the whole process. */
    static Enricher enricher(EnrichConfig config) {
        return ENRICHERS.computeIfAbsent(config, Enrichers::create);
    }

    /** The store stage over {@code store}, which the caller owns and closes after the runner. */
    static StageRunner store(Context context, ArticleStore store) {
        StageConfig config = context.stageConfig();
        return runner(context, new StoreStage(context.topics(), store, config.groupId("store"), context.registry()));
    }

    private static StageRunner runner(Context context, dev.newsflow.consumer.runtime.Stage stage) {
        return new StageRunner(stage, context.kafka(), context.topics().dlq(), context.stageConfig(), context.registry());
    }
}
