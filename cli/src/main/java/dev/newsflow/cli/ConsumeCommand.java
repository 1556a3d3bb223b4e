package dev.newsflow.cli;

import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.clients.TopicLayout;
import dev.newsflow.clients.TopicProvisioner;
import dev.newsflow.consumer.runtime.StageConfig;
import dev.newsflow.plugin.ArticleHandler;
import dev.newsflow.plugins.PluginRunner;
import dev.newsflow.plugins.Plugins;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
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
    private static final Duration CHECK_EVERY = Duration.ofMillis(200);

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

    @Option(names = "--instance-id", paramLabel = "ID", defaultValue = "0",
            description = "This instance among the instances of the plug-in (default: ${DEFAULT-VALUE}).")
    String instanceId;

    @Option(names = "--pipeline-name", paramLabel = "NAME", defaultValue = "newsflow",
            description = "Prefix of the consumer group (default: ${DEFAULT-VALUE}).")
    String pipelineName;

    @Option(names = "--exit-when-idle", description = "Exit once every enriched article published so far is handled, printing a summary.")
    boolean exitWhenIdle;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "With --exit-when-idle: give up (exit 1) when not caught up after this long (default: ${DEFAULT-VALUE}).")
    long idleTimeoutSeconds;

    @Override
    public Integer call() throws Exception {
        KafkaSettings settings = kafka.settings("localhost:9092");
        StageConfig stageConfig = stageConfig();
        ArticleHandler handler = Plugins.load(plugin, pluginSettings(), Thread.currentThread().getContextClassLoader());
        try {
            TopicProvisioner.ensureTopics(settings, TopicLayout.defaults(kafka.topics()), Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            handler.close();
            throw e;
        }
        try (PluginRunner runner = PluginRunner.create(handler, settings, kafka.topics(), stageConfig, new SimpleMeterRegistry())) {
            if (!exitWhenIdle) {
                Thread shutdown = new Thread(runner::close, "newsflow-shutdown");
                Runtime.getRuntime().addShutdownHook(shutdown);
                System.err.println("plug-in " + runner.stageName() + " consuming " + kafka.topics().enriched()
                        + " as group " + runner.groupId() + ". Ctrl-C to stop.");
                runner.run();
                return runner.failure() == null ? 0 : 1;
            }
            Thread thread = new Thread(runner, "newsflow-" + runner.stageName());
            thread.start();
            boolean caughtUp = awaitCaughtUp(runner);
            runner.close();
            System.out.println(runner.stageName() + ": articles: " + runner.metrics().processed()
                    + ", dead letters: " + runner.metrics().deadLettered());
            if (runner.failure() != null) {
                System.err.println("error: plug-in " + plugin + " failed: " + Newsflow.oneLine(runner.failure()));
            } else if (!caughtUp) {
                System.err.println("error: plug-in " + plugin + " did not catch up within " + idleTimeoutSeconds + " s");
            }
            return caughtUp && runner.failure() == null ? 0 : 1;
        }
    }

    private boolean awaitCaughtUp(PluginRunner runner) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(idleTimeoutSeconds).toNanos();
        while (runner.failure() == null && System.nanoTime() < deadline) {
            if (runner.caughtUp(Duration.ofSeconds(10))) {
                return true;
            }
            Thread.sleep(CHECK_EVERY.toMillis());
        }
        return false;
    }

    /** Runtime settings ({@code stage.*}, {@code pipeline.*}) go to the runner; all others to the plug-in. */
    private Map<String, String> pluginSettings() {
        Map<String, String> own = new HashMap<>();
        settings.forEach((key, value) -> {
            if (!isRuntimeKey(key)) {
                own.put(key, value);
            }
        });
        return own;
    }

    private StageConfig stageConfig() {
        Map<String, Object> values = new HashMap<>();
        settings.forEach((key, value) -> {
            if (isRuntimeKey(key)) {
                values.put(key, value);
            }
        });
        values.put(StageConfig.INSTANCE_ID, instanceId);
        values.put(StageConfig.PIPELINE_NAME, pipelineName);
        return new StageConfig(values);
    }

    private static boolean isRuntimeKey(String key) {
        return key.startsWith("stage.") || key.startsWith("pipeline.");
    }
}
