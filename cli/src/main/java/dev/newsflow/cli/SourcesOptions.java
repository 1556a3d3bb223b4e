package dev.newsflow.cli;

import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.consumer.runtime.Settings;
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
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The sources file of {@code ingest} and {@code run}, and how a poller is built from it. */
final class SourcesOptions {
    @Option(names = "--sources", paramLabel = "FILE",
            description = "Sources file (YAML) of feeds, sitemaps and folders to poll; see sources.example.yml.")
    Path file;

    /** The poller's settings, as a component of the commands that take them with {@code --set} ({@code newsflow config}). */
    static final Settings.Component COMPONENT = new Settings.Component("sources", SourcesConfig.DEFINITION);

    /**
     * Reads and checks the sources file and the poller's settings: the file's {@code settings:}, overridden by
     * the {@code sources.*} keys of {@code overrides}; a key the poller does not define is an error naming it.
     */
    Loaded load(Map<String, String> overrides) {
        SourcesFile sources = SourcesFile.read(file);
        Map<String, String> values = new HashMap<>(sources.settings());
        overrides.forEach((key, value) -> {
            if (key.startsWith("sources.")) {
                values.put(key, value);
            }
        });
        return new Loaded(sources, new SourcesConfig(Settings.check(List.of(COMPONENT), values).of(COMPONENT)));
    }

    /** A checked sources file and its settings. */
    record Loaded(SourcesFile file, SourcesConfig config) {

        /** A poller publishing to {@code topics.raw()}, its state in the pipeline's state topic; all go to {@code resources}. */
        SourcePoller poller(Resources resources, KafkaSettings kafka, PipelineTopics topics, MeterRegistry registry) {
            ArticlePublisher publisher = resources.add(new ArticlePublisher(kafka, topics.raw(), Clock.systemUTC()));
            SourceStateStore store = resources.add(new SourceStateStore(kafka, topics.sourcesState().name()));
            return resources.add(new SourcePoller(file.sources(), config, publisher, store, registry, Clock.systemUTC()));
        }
    }
}
