package dev.newsflow.serve;

import static dev.newsflow.serve.Articles.enriched;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.EventJson;
import dev.newsflow.storage.ArticleStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live stream under load, through a real HTTP client. */
class LiveStreamTest {
    private static final int ARTICLES = 3_000;

    @TempDir
    Path folder;

    @Test
    void shouldStreamEveryArticleWhileKeepAliveCommentsGoOut() throws Exception {
        try (ArticleStore store = ArticleStore.open("jdbc:sqlite:" + folder.resolve("live.db"));
             DirectArticleFeed feed = new DirectArticleFeed();
             // a keep-alive every millisecond instead of every 15 s, so comments and articles meet on the wire
             ApiServer server = new ApiServer(store, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), feed,
                     Duration.ofMillis(1)).start("127.0.0.1", 0);
             SseLines stream = new SseLines(HttpClient.newHttpClient(),
                     URI.create("http://127.0.0.1:" + server.port() + "/api/stream"))) {
            assertThat(stream.nextData("ready", Duration.ofSeconds(10))).isNotNull();

            for (int i = 0; i < ARTICLES; i++) {
                feed.publish(enriched("live-" + i, "Live article " + i, "Text " + i + ".", i, "en", List.of("UZ"), List.of()));
            }

            Set<String> received = new HashSet<>();
            String data;
            while (received.size() < ARTICLES && (data = stream.nextData("article", Duration.ofSeconds(5))) != null) {
                received.add(EventJson.mapper().readTree(data).get("id").asText());
            }
            assertThat(received).hasSize(ARTICLES);
        }
    }
}
