package dev.newsflow.cli;

import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.producer.ArticlePublisher;
import dev.newsflow.sources.SourcePoller;
import dev.newsflow.sources.SourceStateStore;
import dev.newsflow.sources.SourcesConfig;
import dev.newsflow.sources.SourcesFile;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Option;

/** The sources file of {@code ingest} and {@code run}, and how a poller is built from it. */
final class SourcesOptions {
    @Option(names = "--sources", paramLabel = "FILE",
            description = "Sources file (YAML) of feeds, sitemaps and folders to poll; see sources.example.yml.")
    Path file;

    /**
     * Reads and checks the sources file and the settings: the file's {@code settings:}, overridden by the
     * {@code sources.*} keys of {@code overrides}; an unknown {@code sources.*} key is an error naming it.
     */
    Loaded load(Map<String, String> overrides) {
        SourcesFile sources = SourcesFile.read(file);
        Map<String, String> values = new HashMap<>(sources.settings());
        overrides.forEach((key, value) -> {
            if (key.startsWith("sources.")) {
                values.put(key, value);
            }
        });
        for (String key : values.keySet()) {
            if (!SourcesConfig.isKey(key)) {
                throw new ConfigException("unknown setting '" + key + "' (in " + file + " or --set); the sources settings are "
                        + String.join(", ", SourcesConfig.DEFINITION.names().stream().sorted().toList()));
            }
        }
        return new Loaded(sources, new SourcesConfig(values));
    }

    /** A checked sources file and its settings. */
    record Loaded(SourcesFile file, SourcesConfig config) {

        /** A poller publishing to {@code topics.raw()}, its state in the pipeline's state topic; all go to {@code resources}. */
        SourcePoller poller(Resources resources, KafkaSettings kafka, PipelineTopics topics, String topicSuffix,
                            MeterRegistry registry) {
            ArticlePublisher publisher = resources.add(new ArticlePublisher(kafka, topics.raw(), Clock.systemUTC()));
            String stateTopic = SourceStateStore.DEFAULT_TOPIC + (topicSuffix == null ? "" : "." + topicSuffix);
            SourceStateStore store = resources.add(new SourceStateStore(kafka, stateTopic));
            return resources.add(new SourcePoller(file.sources(), config, publisher, store, registry, Clock.systemUTC()));
        }
    }
}
