package dev.newsflow.cli;

import dev.newsflow.broker.EmbeddedKafkaBroker;
import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.clients.TopicLayout;
import dev.newsflow.clients.TopicProvisioner;
import dev.newsflow.consumer.pipeline.LocalPipeline;
import dev.newsflow.consumer.pipeline.PipelineSettings;
import dev.newsflow.consumer.pipeline.PipelineStages;
import dev.newsflow.consumer.pipeline.StageContext;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.consumer.runtime.Settings;
import dev.newsflow.producer.PublishSummary;
import dev.newsflow.sources.SourcePoller;
import dev.newsflow.storage.ArticleStore;
import dev.newsflow.serve.ApiServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The whole pipeline in one process: the embedded broker (unless {@code --bootstrap-servers} names a cluster),
 * the API and dashboard, the dedupe, enrich, stories and store stages, then publishing of the given paths. Runs as a
 * service until Ctrl-C, or with {@code --exit-when-idle} until the pipeline has caught up (every record its
 * inputs held, published now or earlier, stored or dead-lettered; see {@link dev.newsflow.consumer.runtime.CatchUp}).
 * Parts stop in order: producer, stages, API, store, broker last.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline (broker, dedupe, enrich, stories, store, API and dashboard) and publish PATH... (default: seeds/, "
                + "unless --sources names feeds, sitemaps and folders to poll).")
final class RunCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    StageOptions options;

    @Mixin
    ProduceCommand.SourceOptions sources;

    @Mixin
    ServeOptions serve;

    @Mixin
    SourcesOptions polled;

    @Option(names = "--kafka-port", defaultValue = "9092",
            description = "Port of the embedded broker (default: ${DEFAULT-VALUE}); ignored with --bootstrap-servers.")
    int kafkaPort;

    @Option(names = "--exit-when-idle", description = "Exit once the pipeline has caught up (everything published, now or before, stored or dead-lettered), printing a summary.")
    boolean exitWhenIdle;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "With --exit-when-idle: give up (exit 1) when the pipeline has not caught up after this long (default: ${DEFAULT-VALUE}).")
    long idleTimeoutSeconds;

    @Override
    public Integer call() throws Exception {
        List<Settings.Component> components = new ArrayList<>(PipelineSettings.ALL);
        components.add(SourcesOptions.COMPONENT);
        PipelineSettings pipelineSettings = options.pipelineSettings(components);
        SourcesOptions.Loaded sourcesFile = polled.file == null ? null : polled.load(options.settings);
        Resources resources = new Resources();
        Thread shutdown = new Thread(resources::close, "newsflow-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        try {
            KafkaSettings settings = kafkaSettings(resources);
            PipelineTopics topics = kafka.topics();
            TopicProvisioner.ensureTopics(settings, TopicLayout.defaults(topics), Duration.ofSeconds(60));
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            ArticleStore store = resources.add(ArticleStore.open(options.jdbcUrl()));
            AtomicReference<SourcePoller> poller = new AtomicReference<>();
            ApiServer api = serve.start(resources, settings, topics, store, registry,
                    () -> poller.get() == null ? List.of() : poller.get().statuses());
            var context = new StageContext(settings, topics, pipelineSettings, registry);
            LocalPipeline pipeline = resources.add(LocalPipeline.start(context, store, PipelineStages.enricher(pipelineSettings.enrich())));

            List<String> inputs = sources.inputs.isEmpty() && sourcesFile == null ? List.of("seeds") : sources.inputs;
            PublishSummary published = inputs.isEmpty() ? new PublishSummary(0, 0, List.of())
                    : sources.publish(settings, topics, inputs, System.err);
            if (!inputs.isEmpty()) {
                System.out.println(published.describe());
            }
            if (sourcesFile != null) {
                poller.set(sourcesFile.poller(resources, settings, topics, registry));
            }
            SourcePoller.Round polledOnce = null;
            if (exitWhenIdle && poller.get() != null) {
                polledOnce = poller.get().pollOnce();
                polledOnce.failures().forEach(failure -> System.err.println("error: " + failure));
                System.out.println(polledOnce.describe());
            }
            if (!exitWhenIdle) {
                if (poller.get() != null) {
                    poller.get().start();
                }
                if (sources.watch != null) {
                    sources.watch(resources, settings, topics, System.err);
                }
                System.out.println("newsflow is running: dashboard at http://localhost:" + api.port() + "/, Kafka at "
                        + settings.bootstrapServers() + ", database " + store.description() + ". Ctrl-C to stop.");
                new CountDownLatch(1).await();
            }
            boolean caughtUp = pipeline.awaitCaughtUp(Duration.ofSeconds(idleTimeoutSeconds));
            int polledArticles = polledOnce == null ? 0 : polledOnce.published();
            System.out.println(pipeline.summary(published.articlesPublished() + polledArticles, store.countArticles()));
            if (!caughtUp) {
                System.err.println("error: " + pipeline.failure().orElse("the pipeline did not catch up with what was published within "
                        + idleTimeoutSeconds + " s"));
            }
            return caughtUp && published.allPublished() && (polledOnce == null || polledOnce.failures().isEmpty()) ? 0 : 1;
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
}
