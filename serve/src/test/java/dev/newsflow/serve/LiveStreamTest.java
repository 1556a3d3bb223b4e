package dev.newsflow.serve;

import static dev.newsflow.serve.Articles.enriched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.events.EventJson;
import dev.newsflow.storage.ArticleStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
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
             ApiServer server = new ApiServer(store, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), feed, SourcesView.NONE,
                     Duration.ofMillis(1), LiveBroadcaster.MAX_PENDING).start("127.0.0.1", 0);
             SseLines stream = new SseLines(HttpClient.newHttpClient(),
                     URI.create("http://127.0.0.1:" + server.port() + "/api/stream"))) {
            assertThat(stream.nextData("ready", Duration.ofSeconds(10))).isNotNull();

            for (int i = 0; i < ARTICLES; i++) {
                feed.publish(enriched("live-" + i, "Live article " + i, "Text " + i + ".", i, "en", List.of("UZ"), List.of()));
            }

            assertThat(articleIds(stream, ARTICLES, count -> { })).hasSize(ARTICLES);
        }
    }

    @Test
    void shouldKeepStreamingToOthersWhileOneClientStopsReading() throws Exception {
        String longTitle = "Live: " + "a long headline for a large event ".repeat(50); // ~1.7 KB, twice in an event
        try (ArticleStore store = ArticleStore.open("jdbc:sqlite:" + folder.resolve("live.db"));
             DirectArticleFeed feed = new DirectArticleFeed();
             ApiServer server = new ApiServer(store, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), feed, SourcesView.NONE,
                     LiveBroadcaster.HEARTBEAT, 100).start("127.0.0.1", 0);
             Socket stuck = new Socket();
             SseLines reader = new SseLines(HttpClient.newHttpClient(),
                     URI.create("http://127.0.0.1:" + server.port() + "/api/stream"))) {
            stuck.setReceiveBufferSize(4_096);
            stuck.connect(new InetSocketAddress("127.0.0.1", server.port()));
            stuck.getOutputStream().write(("GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(reader.nextData("ready", Duration.ofSeconds(10))).isNotNull();
            await().atMost(Duration.ofSeconds(10)).until(() -> liveClients(server) == 2);

            // some 20 MB for a client that reads nothing, far beyond what socket buffers hold; the publisher keeps
            // at most 50 events ahead of the reading client, so only the stuck one falls 100 behind
            AtomicInteger readSoFar = new AtomicInteger();
            Thread publisher = new Thread(() -> {
                for (int i = 0; i < 2 * ARTICLES; i++) {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    while (i - readSoFar.get() > 50 && System.nanoTime() < deadline) {
                        LockSupport.parkNanos(100_000);
                    }
                    feed.publish(enriched("slow-" + i, longTitle + i, "Text.", 0, "en", List.of(), List.of()));
                }
            }, "test-publisher");
            publisher.setDaemon(true);
            publisher.start();

            assertThat(articleIds(reader, 2 * ARTICLES, readSoFar::set)).hasSize(2 * ARTICLES);
            await().atMost(Duration.ofSeconds(10)).until(() -> liveClients(server) == 1); // the stuck one was let go
        }
    }

    /** The ids of the next {@code count} articles on the stream (fewer when it goes quiet for 10 s). */
    private static Set<String> articleIds(SseLines stream, int count, IntConsumer progress) throws Exception {
        Set<String> ids = new HashSet<>();
        String data;
        while (ids.size() < count && (data = stream.nextData("article", Duration.ofSeconds(10))) != null) {
            ids.add(EventJson.mapper().readTree(data).get("id").asText());
            progress.accept(ids.size());
        }
        return ids;
    }

    private static int liveClients(ApiServer server) throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        return EventJson.mapper().readTree(health.body()).get("liveClients").asInt();
    }
}
