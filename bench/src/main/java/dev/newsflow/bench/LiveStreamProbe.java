package dev.newsflow.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.events.EventJson;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.serve.ApiServer;
import dev.newsflow.serve.KafkaArticleFeed;
import dev.newsflow.serve.LiveFeedConfig;
import dev.newsflow.storage.ArticleStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The serve module's HTTP API with its live feed, wired as {@code newsflow run} wires it (a {@link KafkaArticleFeed}
 * tailing the pipeline's enriched topic, an {@link ApiServer} over the pipeline's store) on an ephemeral port of
 * 127.0.0.1, and one real client reading {@code GET /api/stream} that notes when each article id first arrives.
 * The client reads on its own daemon thread; the other methods may be called from any thread. {@link #close()}
 * stops the server, which ends the stream, then the feed; the store stays open.
 */
final class LiveStreamProbe implements AutoCloseable {
    private static final long POLL_MILLIS = 50;

    private final KafkaArticleFeed feed;
    private final ApiServer server;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile boolean closing;
    /** Why the client stopped reading before {@link #close()}; null while it reads. */
    private volatile Exception failure;

    private LiveStreamProbe(KafkaSettings kafka, PipelineTopics topics, ArticleStore store) {
        feed = KafkaArticleFeed.start(new LiveFeedConfig(kafka.bootstrapServers(), topics.enriched().name(),
                LiveFeedConfig.DEFAULT_POLL_TIMEOUT), kafka.admin());
        try {
            server = new ApiServer(store, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), feed).start("127.0.0.1", 0);
        } catch (RuntimeException e) {
            feed.close();
            throw e;
        }
    }

    /**
     * Starts the feed and the server and connects the client; returns once the feed tails the end of the topic
     * and the server has greeted the client with its {@code ready} event, so every article enriched afterwards
     * is streamed to it.
     */
    static LiveStreamProbe connect(KafkaSettings kafka, PipelineTopics topics, ArticleStore store, Duration timeout)
            throws InterruptedException {
        LiveStreamProbe probe = new LiveStreamProbe(kafka, topics, store);
        try {
            probe.awaitReady(timeout);
            return probe;
        } catch (InterruptedException | RuntimeException e) {
            probe.close();
            throw e;
        }
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        if (!feed.awaitReady(timeout)) {
            throw new IllegalStateException("the live feed did not reach the end of its topic within " + timeout.toSeconds() + " s");
        }
        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/stream");
        Thread reader = new Thread(() -> read(uri), "bench-sse-client");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            checkReading();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no ready event on " + uri + " within " + timeout.toSeconds() + " s");
            }
        }
    }

    private void read(URI uri) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build();
        SseEventParser parser = new SseEventParser(this::onEvent);
        try {
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            try (Stream<String> lines = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("GET " + uri + " answered " + response.statusCode());
                }
                lines.forEach(parser::accept);
            }
            if (!closing) {
                failure = new IOException("the server ended " + uri);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (!closing) {
                failure = e;
            }
        }
    }

    private void onEvent(String event, String data) {
        long now = System.currentTimeMillis();
        switch (event) {
            case "ready" -> ready.countDown();
            case "article" -> arrivals.putIfAbsent(articleId(data), now);
            default -> {
                // no other events are defined
            }
        }
    }

    /** The {@code id} of the article JSON an {@code article} event carries. */
    static String articleId(String json) {
        JsonNode id;
        try {
            id = EventJson.mapper().readTree(json).get("id");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("article event data is not JSON", e);
        }
        if (id == null || !id.isTextual()) {
            throw new IllegalArgumentException("article event data without a string id");
        }
        return id.asText();
    }

    /** Waits until each of {@code ids} has arrived; false when the time ran out first. Throws when the client failed. */
    boolean awaitArrivals(Collection<String> ids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!arrivals.keySet().containsAll(ids)) {
            checkReading();
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    /** When each article id first arrived on the stream, epoch milliseconds; a copy. */
    Map<String, Long> arrivals() {
        return Map.copyOf(arrivals);
    }

    private void checkReading() {
        if (failure != null) {
            throw new IllegalStateException("the SSE client stopped reading: " + failure, failure);
        }
    }

    @Override
    public void close() {
        closing = true;
        server.close();
        feed.close();
    }
}
