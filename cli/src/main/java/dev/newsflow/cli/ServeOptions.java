package dev.newsflow.cli;

import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.serve.ApiServer;
import dev.newsflow.serve.KafkaArticleFeed;
import dev.newsflow.serve.LiveFeedConfig;
import dev.newsflow.serve.SourcesView;
import dev.newsflow.storage.ArticleStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import picocli.CommandLine.Option;

/** Where the HTTP API and dashboard listen. */
final class ServeOptions {
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port of the API and dashboard (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address the HTTP server binds (default: ${DEFAULT-VALUE}).")
    String host;

    /** Starts the live feed and the API; both are added to {@code resources}, which closes them in order. */
    ApiServer start(Resources resources, KafkaSettings kafka, PipelineTopics topics, ArticleStore store,
                    PrometheusMeterRegistry registry) {
        return start(resources, kafka, topics, store, registry, SourcesView.NONE);
    }

    /** As above, showing the health of polled {@code sources} at {@code /api/sources} and on the dashboard. */
    ApiServer start(Resources resources, KafkaSettings kafka, PipelineTopics topics, ArticleStore store,
                    PrometheusMeterRegistry registry, SourcesView sources) {
        KafkaArticleFeed feed = resources.add(KafkaArticleFeed.start(
                new LiveFeedConfig(kafka.bootstrapServers(), topics.enriched().name(), LiveFeedConfig.DEFAULT_POLL_TIMEOUT),
                kafka.admin()));
        return resources.add(new ApiServer(store, registry, feed, sources).start(host, port));
    }
}
