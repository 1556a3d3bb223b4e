package dev.newsflow.consumer.pipeline;

import dev.newsflow.consumer.runtime.CatchUp;
import dev.newsflow.consumer.runtime.Progress;
import dev.newsflow.consumer.runtime.StageRunner;
import dev.newsflow.enrich.Enricher;
import dev.newsflow.events.Article;
import dev.newsflow.consumer.store.StoreStage;
import dev.newsflow.events.ArticleOutcome;
import dev.newsflow.events.PipelineOutcome;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.storage.ArticleStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pipeline's stages as threads of this process, wired the one way {@code newsflow run}, the benchmark and the
 * tests share: dedupe, enrich (unless its instances run as processes of their own), stories and store, each on its
 * own thread, plus the one definition of "caught up" ({@link CatchUp}) over them in pipeline order. Counts are of
 * what this process's stages committed. Owned by one thread; {@link #close()} stops the stages in reverse order
 * (the store, which the caller owns, stays open).
 */
public final class LocalPipeline implements AutoCloseable {
    private final StageContext context;
    private final StageRunner<Article> dedupe;
    private final StageRunner<Article> enrich;
    private final StageRunner<ArticleOutcome> stories;
    private final StoreStage storeStage;
    private final StageRunner<PipelineOutcome> store;
    private final List<StageRunner<?>> runners = new ArrayList<>();
    private final CatchUp catchUp;

    private LocalPipeline(StageContext context, ArticleStore articleStore, Enricher enricher) {
        this.context = context;
        this.catchUp = new CatchUp(context.kafka());
        try {
            dedupe = start(PipelineStages.dedupe(context));
            enrich = enricher != null ? start(PipelineStages.enrich(context, enricher)) : null;
            stories = start(PipelineStages.stories(context));
            storeStage = PipelineStages.storeStage(context, articleStore);
            store = start(PipelineStages.runner(context, storeStage));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Starts the stages over {@code store}.
     *
     * @param enricher the enricher of the enrich stage ({@link PipelineStages#enricher}), or null when the enrich
     *                 stage runs as processes of their own (the benchmark's scale-out runs)
     */
    public static LocalPipeline start(StageContext context, ArticleStore store, Enricher enricher) {
        return new LocalPipeline(context, store, enricher);
    }

    private <I> StageRunner<I> start(StageRunner<I> runner) {
        runners.add(runner);
        new Thread(runner, "newsflow-" + runner.stageName()).start();
        return runner;
    }

    public PipelineTopics topics() {
        return context.topics();
    }

    /** The runners of this process, in pipeline order. */
    public List<StageRunner<?>> runners() {
        return List.copyOf(runners);
    }

    /**
     * Waits until the pipeline has caught up (see {@link CatchUp}): dedupe with what {@code raw} holds now, then
     * enrich with what {@code unique} holds then, then stories, then the store; an enrich stage running elsewhere is
     * followed through its consumer group.
     *
     * @return false when {@code timeout} passed first or a stage failed (see {@link #failure()})
     */
    public boolean awaitCaughtUp(Duration timeout) throws Exception {
        Progress enriching = enrich != null ? enrich
                : Progress.ofGroup(context.settings().stage().groupId("enrich"), List.of(topics().unique().name()));
        return catchUp.await(List.of(dedupe, enriching, stories, store), timeout);
    }

    /** The first stage that stopped on a failure and why, on one line; empty while all run. */
    public Optional<String> failure() {
        return runners.stream().filter(r -> r.failure() != null).findFirst()
                .map(r -> "stage " + r.stageName() + " failed: " + String.valueOf(r.failure().getMessage()).replace('\n', ' '));
    }

    public long unique() {
        return dedupe.metrics().produced(topics().unique().name());
    }

    public long duplicates() {
        return dedupe.metrics().produced(topics().duplicates().name());
    }

    /** Articles this process enriched (0 when enrich runs elsewhere). */
    public long enriched() {
        return enrich == null ? 0 : enrich.metrics().produced(topics().enriched().name());
    }

    /** Articles given a story (story updates published) by this process. */
    public long grouped() {
        return stories.metrics().produced(topics().stories().name());
    }

    /** Articles (originals and duplicates) the store stage stored; story updates are not counted. */
    public long stored() {
        return storeStage.articlesStored();
    }

    public long deadLetters() {
        return runners.stream().mapToLong(r -> r.metrics().deadLettered()).sum();
    }

    /** What the stages did, on one line: {@code published: N, unique: N, ..., grouped: N, ..., rows in database: N}. */
    public String summary(long published, long rows) {
        return "published: " + published + ", unique: " + unique() + ", duplicates: " + duplicates()
                + ", enriched: " + enriched() + ", grouped: " + grouped() + ", stored: " + stored() + ", dead letters: " + deadLetters()
                + ", rows in database: " + rows;
    }

    @Override
    public void close() {
        for (int i = runners.size() - 1; i >= 0; i--) {
            runners.get(i).close();
        }
        catchUp.close();
    }
}
