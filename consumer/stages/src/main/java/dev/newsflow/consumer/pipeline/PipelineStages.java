package dev.newsflow.consumer.pipeline;

import dev.newsflow.consumer.dedupe.DedupeStage;
import dev.newsflow.consumer.enrich.EnrichStage;
import dev.newsflow.consumer.runtime.Stage;
import dev.newsflow.consumer.runtime.StageRunner;
import dev.newsflow.consumer.store.StoreStage;
import dev.newsflow.consumer.stories.StoriesStage;
import dev.newsflow.enrich.EnrichConfig;
import dev.newsflow.enrich.Enricher;
import dev.newsflow.enrich.Enrichers;
import dev.newsflow.events.Article;
import dev.newsflow.events.ArticleOutcome;
import dev.newsflow.events.PipelineOutcome;
import dev.newsflow.storage.ArticleStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Small factories that build each stage of the pipeline and its runner; the one place they are wired. */
public final class PipelineStages {
    /** Models load once per process (seconds and tens of MB each) and are shared: enrichers are thread-safe. */
    private static final Map<EnrichConfig, Enricher> ENRICHERS = new ConcurrentHashMap<>();

    private PipelineStages() {
    }

    /** The dedupe stage ({@code raw -> unique | duplicates}), not yet started. */
    public static StageRunner<Article> dedupe(StageContext context) {
        return runner(context, new DedupeStage(context.topics(), context.kafka(), context.settings().dedupe()));
    }

    /** The enrich stage ({@code unique -> enriched}) with the process's shared enricher, not yet started. */
    public static StageRunner<Article> enrich(StageContext context) {
        return enrich(context, enricher(context.settings().enrich()));
    }

    /** The enrich stage on {@code enricher} (thread-safe, shared by the stage's threads), not yet started. */
    public static StageRunner<Article> enrich(StageContext context, Enricher enricher) {
        return runner(context, new EnrichStage(context.topics(), enricher));
    }

    /** The stories stage ({@code enriched + duplicates -> stories}), not yet started. */
    public static StageRunner<ArticleOutcome> stories(StageContext context) {
        return runner(context, new StoriesStage(context.topics(), context.kafka(), context.settings().stories()));
    }

    /** The store stage ({@code enriched + duplicates + stories -> store}) over {@code store}, which the caller owns and closes after the runner. */
    public static StageRunner<PipelineOutcome> store(StageContext context, ArticleStore store) {
        return runner(context, storeStage(context, store));
    }

    /** The store stage itself, for a caller that reads its counts; run it with {@link #runner}. */
    public static StoreStage storeStage(StageContext context, ArticleStore store) {
        String offsetsGroup = context.settings().stage().groupId("store");
        return new StoreStage(context.topics(), store, offsetsGroup, context.registry());
    }

    /** The enricher for {@code config}, its models loaded on first use and shared by the whole process. */
    public static Enricher enricher(EnrichConfig config) {
        return ENRICHERS.computeIfAbsent(config, Enrichers::create);
    }

    /** A runner of {@code stage} with the context's cluster, dead-letter topic, runtime settings and registry, not yet started. */
    public static <I> StageRunner<I> runner(StageContext context, Stage<I> stage) {
        return new StageRunner<>(stage, context.kafka(), context.topics().dlq(), context.settings().stage(), context.registry());
    }
}
