package dev.newsflow.cli;

import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.serve.ApiServer;
import dev.newsflow.storage.ArticleStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The read-only HTTP API, the live feed and the dashboard, until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the REST API, the live SSE feed and the dashboard over the stored articles.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    StageOptions options;

    @Mixin
    ServeOptions serve;

    @Override
    public Integer call() throws Exception {
        KafkaSettings settings = kafka.settings("localhost:9092");
        Resources resources = new Resources();
        Runtime.getRuntime().addShutdownHook(new Thread(resources::close, "newsflow-shutdown"));
        ArticleStore store = resources.add(ArticleStore.open(options.jdbcUrl()));
        ApiServer server = serve.start(resources, settings, kafka.topics(), store, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        System.out.println("newsflow API and dashboard at http://localhost:" + server.port() + "/ (database "
                + store.description() + "). Ctrl-C to stop.");
        new CountDownLatch(1).await();
        return 0;
    }
}
