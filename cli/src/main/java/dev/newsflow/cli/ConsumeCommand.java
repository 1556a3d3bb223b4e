package dev.newsflow.cli;

import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.clients.TopicLayout;
import dev.newsflow.clients.TopicProvisioner;
import dev.newsflow.consumer.pipeline.PipelineSettings;
import dev.newsflow.consumer.runtime.StageConfig;
import dev.newsflow.plugin.ArticleHandler;
import dev.newsflow.plugins.PluginRunner;
import dev.newsflow.plugins.Plugins;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs a plug-in ({@link ArticleHandler}) on the enriched articles, as its own consumer group
 * {@code <pipeline>-plugin-<name>}, until SIGTERM or Ctrl-C (which finish the batch in progress), or with
 * {@code --exit-when-idle} until it has caught up with the topic.
 */
@Command(name = "consume", mixinStandardHelpOptions = true,
        description = "Run a plug-in on news.articles.enriched: bundled ones are jsonl (daily JSON Lines files) and webhook "
                + "(POST matching articles to a URL); any ArticleHandler on the class path by its class name.")
final class ConsumeCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--plugin", required = true, paramLabel = "NAME|CLASS",
            description = "The plug-in: a name (jsonl, webhook, or one registered through ServiceLoader) or the fully "
                    + "qualified name of an ArticleHandler class.")
    String plugin;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A plug-in setting (e.g. jsonl.dir=out, webhook.url=https://..., webhook.countries=UZ,KZ) or a "
                    + "runtime one (stage.*, e.g. stage.retry.max.attempts=5).")
    Map<String, String> settings = new HashMap<>();

    @Option(names = "--instance-id", paramLabel = "ID",
            description = "This instance among the instances of the plug-in (default: 0).")
    String instanceId;

    @Option(names = "--pipeline-name", paramLabel = "NAME",
            description = "Prefix of the consumer group (default: newsflow).")
    String pipelineName;

    @Option(names = "--exit-when-idle", description = "Exit once the plug-in has caught up: every enriched article published so far handled or dead-lettered; prints a summary.")
    boolean exitWhenIdle;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "With --exit-when-idle: give up (exit 1) when not caught up after this long (default: ${DEFAULT-VALUE}).")
    long idleTimeoutSeconds;

    @Override
    public Integer call() throws Exception {
        KafkaSettings cluster = kafka.settings("localhost:9092");
        StageConfig stageConfig = stageConfig();
        ArticleHandler handler = Plugins.load(plugin, pluginSettings(), Thread.currentThread().getContextClassLoader());
        try {
            TopicProvisioner.ensureTopics(cluster, TopicLayout.defaults(kafka.topics()), Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            handler.close();
            throw e;
        }
        try (PluginRunner runner = PluginRunner.create(handler, cluster, kafka.topics(), stageConfig, new SimpleMeterRegistry())) {
            if (!exitWhenIdle) {
                Thread shutdown = new Thread(runner::close, "newsflow-shutdown");
                Runtime.getRuntime().addShutdownHook(shutdown);
                System.err.println("plug-in " + runner.stageName() + " consuming " + kafka.topics().enriched().name()
                        + " as group " + runner.groupId() + ". Ctrl-C to stop.");
                runner.run();
                return reportFailure(runner) ? 1 : 0;
            }
            Thread thread = new Thread(runner, "newsflow-" + runner.stageName());
            thread.start();
            boolean caughtUp = runner.awaitCaughtUp(Duration.ofSeconds(idleTimeoutSeconds));
            runner.close();
            System.out.println(runner.stageName() + ": articles: " + runner.metrics().processed()
                    + ", dead letters: " + runner.metrics().deadLettered());
            if (!reportFailure(runner) && !caughtUp) {
                System.err.println("error: plug-in " + plugin + " did not catch up within " + idleTimeoutSeconds + " s");
            }
            return caughtUp && runner.failure() == null ? 0 : 1;
        }
    }

    private boolean reportFailure(PluginRunner runner) {
        if (runner.failure() == null) {
            return false;
        }
        System.err.println("error: plug-in " + plugin + " failed: " + Newsflow.oneLine(runner.failure()));
        return true;
    }

    /** Runtime settings ({@code stage.*}, {@code pipeline.*}) go to the runner; all others to the plug-in. */
    private Map<String, String> pluginSettings() {
        Map<String, String> own = new HashMap<>(settings);
        own.keySet().removeIf(ConsumeCommand::isRuntimeKey);
        return own;
    }

    /** The runtime's settings, checked now: an unknown {@code stage.*} key stops the command naming it. */
    private StageConfig stageConfig() {
        Map<String, String> values = new HashMap<>(settings);
        values.keySet().removeIf(key -> !isRuntimeKey(key));
        if (instanceId != null) {
            values.put(StageConfig.INSTANCE_ID, instanceId);
        }
        if (pipelineName != null) {
            values.put(StageConfig.PIPELINE_NAME, pipelineName);
        }
        return PipelineSettings.of(values, List.of(PipelineSettings.STAGE)).stage();
    }

    private static boolean isRuntimeKey(String key) {
        return key.startsWith("stage.") || key.startsWith("pipeline.");
    }
}
