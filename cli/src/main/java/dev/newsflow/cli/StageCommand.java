package dev.newsflow.cli;

import dev.newsflow.clients.TopicLayout;
import dev.newsflow.clients.TopicProvisioner;
import dev.newsflow.consumer.pipeline.PipelineSettings;
import dev.newsflow.consumer.pipeline.PipelineStages;
import dev.newsflow.consumer.pipeline.StageContext;
import dev.newsflow.consumer.runtime.Settings;
import dev.newsflow.consumer.runtime.StageRunner;
import dev.newsflow.storage.ArticleStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Runs one stage as its own process until SIGTERM or Ctrl-C, which finishes and commits the batch in
 * progress. Several processes of one stage share the work through their consumer group.
 */
abstract class StageCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    StageOptions options;

    @Override
    public Integer call() throws Exception {
        PipelineSettings settings = options.pipelineSettings(components());
        var context = new StageContext(kafka.settings("localhost:9092"), kafka.topics(), settings, new SimpleMeterRegistry());
        TopicProvisioner.ensureTopics(context.kafka(), TopicLayout.defaults(context.topics()), Duration.ofSeconds(60));
        try (Resources resources = new Resources()) {
            StageRunner<?> runner = resources.add(build(context, resources));
            Runtime.getRuntime().addShutdownHook(new Thread(runner::close, "newsflow-shutdown"));
            runner.run();
            if (runner.failure() != null) {
                System.err.println("error: stage " + runner.stageName() + " failed: " + Newsflow.oneLine(runner.failure()));
                return 1;
            }
            return 0;
        }
    }

    /** The setting components the stage uses: the runtime's and its own. */
    abstract List<Settings.Component> components();

    abstract StageRunner<?> build(StageContext context, Resources resources);

    @Command(name = "dedupe", mixinStandardHelpOptions = true,
            description = "Run the dedupe stage: news.articles.raw -> news.articles.unique | news.articles.duplicates.")
    static final class Dedupe extends StageCommand {
        @Override
        List<Settings.Component> components() {
            return List.of(PipelineSettings.STAGE, PipelineSettings.DEDUPE);
        }

        @Override
        StageRunner<?> build(StageContext context, Resources resources) {
            return PipelineStages.dedupe(context);
        }
    }

    @Command(name = "enrich", mixinStandardHelpOptions = true,
            description = "Run the enrich stage: news.articles.unique -> news.articles.enriched.")
    static final class Enrich extends StageCommand {
        @Override
        List<Settings.Component> components() {
            return List.of(PipelineSettings.STAGE, PipelineSettings.ENRICH);
        }

        @Override
        StageRunner<?> build(StageContext context, Resources resources) {
            return PipelineStages.enrich(context);
        }
    }

    @Command(name = "stories-stage", mixinStandardHelpOptions = true,
            description = "Run the stories stage: news.articles.enriched + news.articles.duplicates -> news.stories. One instance "
                    + "works (a sequencer); further ones stand by. `newsflow stories` is the offline grouping.")
    static final class Stories extends StageCommand {
        @Override
        List<Settings.Component> components() {
            return List.of(PipelineSettings.STAGE, PipelineSettings.STORIES);
        }

        @Override
        StageRunner<?> build(StageContext context, Resources resources) {
            return PipelineStages.stories(context);
        }
    }

    @Command(name = "store", mixinStandardHelpOptions = true,
            description = "Run the store stage: news.articles.enriched + news.articles.duplicates + news.stories -> database.")
    static final class Store extends StageCommand {
        @Override
        List<Settings.Component> components() {
            return List.of(PipelineSettings.STAGE);
        }

        @Override
        StageRunner<?> build(StageContext context, Resources resources) {
            ArticleStore store = resources.add(ArticleStore.open(options.jdbcUrl()));
            return PipelineStages.store(context, store);
        }
    }
}
