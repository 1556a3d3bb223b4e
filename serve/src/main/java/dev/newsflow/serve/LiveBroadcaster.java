package dev.newsflow.serve;

import dev.newsflow.events.EnrichedArticle;
import io.javalin.http.sse.SseClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes every article of the feed to every connected Server-Sent-Events client as an {@code article}
 * event whose data is a {@link LiveArticle} JSON. Clients that went away are dropped. Thread-safe.
 */
final class LiveBroadcaster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveBroadcaster.class);
    private static final long HEARTBEAT_SECONDS = 15;

    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ArticleFeed.Subscription subscription;
    private final Counter pushed;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "newsflow-sse-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    LiveBroadcaster(ArticleFeed feed, MeterRegistry registry) {
        registry.gauge("newsflow.serve.sse.clients", clients, Set::size);
        this.pushed = Counter.builder("newsflow.serve.sse.articles")
                .description("Articles pushed to live clients (one count per article, not per client)")
                .register(registry);
        this.subscription = feed.subscribe(this::broadcast);
        // a comment now and then keeps proxies from closing quiet streams and finds clients that left
        heartbeat.scheduleWithFixedDelay(this::sendHeartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    private void sendHeartbeat() {
        for (SseClient client : clients) {
            try {
                client.sendComment("keep-alive");
                if (client.terminated()) {
                    clients.remove(client);
                }
            } catch (RuntimeException e) {
                clients.remove(client);
            }
        }
    }

    /** Keeps the connection open and registers it; the first event, {@code ready}, says the feed is live. */
    void join(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        client.sendEvent("ready", "{\"clients\":" + clients.size() + "}");
    }

    private void broadcast(EnrichedArticle article) {
        String json = Json.write(LiveArticle.of(article));
        pushed.increment();
        for (SseClient client : clients) {
            if (client.terminated()) {
                clients.remove(client);
                continue;
            }
            try {
                client.sendEvent("article", json, article.article().id());
            } catch (RuntimeException e) {
                LOG.debug("Dropping live client: {}", e.toString());
                clients.remove(client);
            }
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
