package dev.newsflow.serve;

import dev.newsflow.events.EnrichedArticle;
import io.javalin.http.sse.SseClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes every article of the feed to every connected Server-Sent-Events client as an {@code article}
 * event whose data is a {@link LiveArticle} JSON, one write at a time per client. Clients that went away or whose
 * write failed are closed and dropped. Thread-safe.
 */
final class LiveBroadcaster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveBroadcaster.class);
    /** How often a comment goes to every client: often enough for proxies that close quiet streams after 30 s or more. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ArticleFeed.Subscription subscription;
    private final Counter pushed;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "newsflow-sse-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    LiveBroadcaster(ArticleFeed feed, MeterRegistry registry, Duration heartbeatEvery) {
        registry.gauge("newsflow.serve.sse.clients", clients, Set::size);
        this.pushed = Counter.builder("newsflow.serve.sse.articles")
                .description("Articles pushed to live clients (one count per article, not per client)")
                .register(registry);
        this.subscription = feed.subscribe(this::broadcast);
        // a comment now and then keeps proxies from closing quiet streams and finds clients that left
        long every = heartbeatEvery.toNanos();
        heartbeat.scheduleWithFixedDelay(this::sendHeartbeat, every, every, TimeUnit.NANOSECONDS);
    }

    private void sendHeartbeat() {
        for (SseClient client : clients) {
            send(client, () -> client.sendComment("keep-alive"));
        }
    }

    /** Keeps the connection open and registers it; the first event, {@code ready}, says the feed is live. */
    void join(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        send(client, () -> client.sendEvent("ready", "{\"clients\":" + clients.size() + "}"));
    }

    private void broadcast(EnrichedArticle article) {
        String json = Json.write(LiveArticle.of(article));
        pushed.increment();
        for (SseClient client : clients) {
            send(client, () -> client.sendEvent("article", json, article.article().id()));
        }
    }

    /**
     * One write to one client. The request's thread ({@code ready}), the feed's thread and the heartbeat thread all
     * write, and a response stream takes one writer at a time: two at once made Jetty fail a write, and the client
     * was dropped from the set while its connection stayed open, so a dashboard stopped updating without a sign. A
     * client whose write fails is closed, which ends its response; a browser's EventSource then reconnects.
     */
    private void send(SseClient client, Runnable write) {
        try {
            synchronized (client) {
                if (!client.terminated()) {
                    write.run();
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Closing live client after a failed write: {}", e.toString());
            client.close();
        }
        if (client.terminated()) {
            clients.remove(client);
        }
    }

    int clientCount() {
        return clients.size();
    }

    @Override
    public void close() {
        subscription.close();
        heartbeat.shutdownNow();
        for (SseClient client : clients) {
            try {
                client.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing live client: {}", e.toString());
            }
        }
        clients.clear();
    }
}
