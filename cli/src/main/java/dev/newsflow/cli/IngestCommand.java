package dev.newsflow.cli;

import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.clients.TopicLayout;
import dev.newsflow.clients.TopicProvisioner;
import dev.newsflow.sources.SourcePoller;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsflow.events.EventJson;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Polls the sources of a sources file and publishes their articles to {@code news.articles.raw} until SIGTERM
 * or Ctrl-C; with {@code --once}, polls each source once and exits (0 when none failed).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Poll the feeds, sitemaps and folders of a sources file and publish their articles (full text) to news.articles.raw.")
final class IngestCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    SourcesOptions sources;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A poller setting, e.g. --set sources.host.min.delay=2s (overrides the file's settings:); `newsflow config` lists them.")
    Map<String, String> settings = new HashMap<>();

    @Option(names = "--port", paramLabel = "PORT",
            description = "Serve GET /metrics (Prometheus) and GET /api/sources (each source's health) on this port while polling.")
    Integer port;

    @Option(names = "--once", description = "Poll every source once, wait until its articles are acknowledged, print a summary and exit.")
    boolean once;

    @Override
    public Integer call() throws Exception {
        if (sources.file == null) {
            System.err.println("error: --sources FILE is required (see sources.example.yml)");
            return 2;
        }
        SourcesOptions.Loaded loaded = sources.load(settings);
        KafkaSettings settings = kafka.settings("localhost:9092");
        TopicProvisioner.ensureTopics(settings, TopicLayout.defaults(kafka.topics()), Duration.ofSeconds(60));
        Resources resources = new Resources();
        Thread shutdown = new Thread(resources::close, "newsflow-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        try {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            SourcePoller poller = loaded.poller(resources, settings, kafka.topics(), registry);
            if (port != null) {
                resources.add(health(port, registry, poller));
            }
            if (once) {
                SourcePoller.Round round = poller.pollOnce();
                round.failures().forEach(failure -> System.err.println("error: " + failure));
                System.out.println(round.describe());
                return round.failures().isEmpty() ? 0 : 1;
            }
            poller.start();
            System.out.println("newsflow is polling " + loaded.file().sources().size() + " sources of " + sources.file
                    + " into " + kafka.topics().raw() + " at " + settings.bootstrapServers()
                    + (port == null ? "" : "; metrics at http://localhost:" + port + "/metrics") + ". Ctrl-C to stop.");
            new CountDownLatch(1).await();
            return 0;
        } finally {
            resources.close();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdown);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or ran
            }
        }
    }

    /** {@code /metrics} and {@code /api/sources} on the JDK's HTTP server: an ingest process has no API server of its own. */
    private static AutoCloseable health(int port, PrometheusMeterRegistry registry, SourcePoller poller) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/metrics", exchange -> answer(exchange, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
        server.createContext("/api/sources", exchange -> answer(exchange, "application/json; charset=utf-8",
                EventJson.toJson(Map.of("sources", poller.statuses()))));
        server.start();
        return () -> server.stop(0);
    }

    private static void answer(HttpExchange exchange, String contentType, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }
}
