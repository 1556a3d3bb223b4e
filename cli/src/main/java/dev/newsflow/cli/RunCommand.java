package dev.newsflow.cli;

import dev.newsflow.broker.EmbeddedKafkaBroker;
import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.clients.TopicLayout;
import dev.newsflow.clients.TopicProvisioner;
import dev.newsflow.consumer.runtime.StageRunner;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.producer.PublishSummary;
import dev.newsflow.storage.ArticleStore;
import dev.newsflow.serve.ApiServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The whole pipeline in one process: the embedded broker (unless {@code --bootstrap-servers} names a cluster),
 * the API and dashboard, the dedupe, enrich and store stages, then publishing of the given paths. Runs as a
 * service until Ctrl-C, or with {@code --exit-when-idle} until everything published is stored. Parts stop in
 * order: producer, stages, API, store, broker last.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline (broker, dedupe, enrich, store, API and dashboard) and publish PATH... (default: seeds/).")
final class RunCommand implements Callable<Integer> {
    private static final Duration PROGRESS_POLL = Duration.ofMillis(100);

    @Mixin
    KafkaOptions kafka;

    @Mixin
    StageOptions options;

    @Mixin
    ProduceCommand.SourceOptions sources;

    @Mixin
    ServeOptions serve;

    @Option(names = "--kafka-port", defaultValue = "9092",
            description = "Port of the embedded broker (default: ${DEFAULT-VALUE}); ignored with --bootstrap-servers.")
    int kafkaPort;

    @Option(names = "--exit-when-idle", description = "Exit once everything published has been stored, printing a summary.")
    boolean exitWhenIdle;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "With --exit-when-idle: give up (exit 1) when the pipeline has not caught up after this long (default: ${DEFAULT-VALUE}).")
    long idleTimeoutSeconds;

    @Override
    public Integer call() throws Exception {
        Resources resources = new Resources();
        Thread shutdown = new Thread(resources::close, "newsflow-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        try {
            KafkaSettings settings = kafkaSettings(resources);
            PipelineTopics topics = kafka.topics();
            TopicProvisioner.ensureTopics(settings, TopicLayout.defaults(topics), Duration.ofSeconds(60));
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            var context = new Stages.Context(settings, topics, options, registry);
            ArticleStore store = resources.add(ArticleStore.open(options.jdbcUrl()));
            ApiServer api = serve.start(resources, settings, topics, store, registry);
            Pipeline pipeline = new Pipeline(
                    start(resources, Stages.dedupe(context)),
                    start(resources, Stages.enrich(context)),
                    start(resources, Stages.store(context, store)),
                    topics);

            List<String> inputs = sources.inputs.isEmpty() ? List.of("seeds") : sources.inputs;
            PublishSummary published = sources.publish(settings, topics, inputs, System.err);
            System.out.println(published.describe());
            if (!exitWhenIdle) {
                if (sources.watch != null) {
                    sources.watch(resources, settings, topics, System.err);
                }
                System.out.println("newsflow is running: dashboard at http://localhost:" + api.port() + "/, Kafka at "
                        + settings.bootstrapServers() + ", database " + store.description() + ". Ctrl-C to stop.");
                new CountDownLatch(1).await();
            }
            boolean caughtUp = pipeline.awaitIdle(published.articlesPublished(), Duration.ofSeconds(idleTimeoutSeconds));
            System.out.println(pipeline.summary(published.articlesPublished(), store.countArticles()));
            if (!caughtUp) {
                System.err.println("error: " + pipeline.whyNotIdle(published.articlesPublished(), idleTimeoutSeconds));
            }
            return caughtUp && published.allPublished() ? 0 : 1;
        } finally {
            resources.close();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdown);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or ran: nothing left to undo
            }
        }
    }

    private KafkaSettings kafkaSettings(Resources resources) {
        if (kafka.bootstrapServers != null) {
            return kafka.settings(null);
        }
        EmbeddedKafkaBroker broker = resources.add(BrokerCommand.startBroker(kafkaPort, options.dataDir, TopicLayout.DEFAULT_PARTITIONS));
        return KafkaSettings.load(broker.bootstrapServers(), kafka.kafkaConfig);
    }

    private static StageRunner start(Resources resources, StageRunner runner) {
        resources.add(runner);
        Thread thread = new Thread(runner, "newsflow-" + runner.stageName());
        thread.start();
        return runner;
    }

    /** The three stages of one process and what they have committed so far. */
    record Pipeline(StageRunner dedupe, StageRunner enrich, StageRunner store, PipelineTopics topics) {

        long unique() {
            return dedupe.metrics().produced(topics.unique());
        }

        long duplicates() {
            return dedupe.metrics().produced(topics.duplicates());
        }

        long enriched() {
            return enrich.metrics().produced(topics.enriched());
        }

        long deadLetters() {
            return dedupe.metrics().deadLettered() + enrich.metrics().deadLettered() + store.metrics().deadLettered();
        }

        boolean idle(long published) {
            return dedupe.metrics().processed() + dedupe.metrics().deadLettered() >= published
                    && enrich.metrics().processed() + enrich.metrics().deadLettered() >= unique()
                    && store.metrics().processed() + store.metrics().deadLettered() >= enriched() + duplicates();
        }

        boolean failed() {
            return dedupe.failure() != null || enrich.failure() != null || store.failure() != null;
        }

        /** Waits until every published article has gone through every stage, or a stage failed, or time ran out. */
        boolean awaitIdle(long published, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!idle(published) && !failed()) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(PROGRESS_POLL.toMillis());
            }
            return !failed();
        }

        String summary(long published, long rows) {
            return "published: " + published + ", unique: " + unique() + ", duplicates: " + duplicates()
                    + ", enriched: " + enriched() + ", stored: " + store.metrics().processed()
                    + ", dead letters: " + deadLetters() + ", rows in database: " + rows;
        }

        String whyNotIdle(long published, long timeoutSeconds) {
            for (StageRunner runner : List.of(dedupe, enrich, store)) {
                if (runner.failure() != null) {
                    return "stage " + runner.stageName() + " failed: " + Newsflow.oneLine(runner.failure());
                }
            }
            return "the pipeline did not catch up with " + published + " published articles within " + timeoutSeconds + " s";
        }
    }
}
