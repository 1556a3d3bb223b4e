package dev.newsflow.serve;

import dev.newsflow.events.EnrichedArticle;
import io.javalin.http.sse.SseClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes every article of the feed to every connected Server-Sent-Events client as an {@code article}
 * event whose data is a {@link LiveArticle} JSON. Each client has a writer thread of its own that takes the
 * client's events from a bounded queue and writes them one at a time: a client that reads slowly or not at all
 * holds up only itself, and no two threads write to one response at once. A client that falls
 * {@code maxPending} events behind, or whose write fails, is closed (a browser's EventSource reconnects) and
 * dropped. Thread-safe.
 */
final class LiveBroadcaster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveBroadcaster.class);
    /** How often a comment goes to every client: often enough for proxies that close quiet streams after 30 s or more. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** How far a client may fall behind before it is closed: a minute of a busy feed (100 articles a second). */
    static final int MAX_PENDING = 6_000;

    private final Map<SseClient, Subscriber> subscribers = new ConcurrentHashMap<>();
    private final ArticleFeed.Subscription subscription;
    private final int maxPending;
    private final Counter pushed;
    private final Counter tooSlow;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            daemon("newsflow-sse-heartbeat"));

    LiveBroadcaster(ArticleFeed feed, MeterRegistry registry, Duration heartbeatEvery, int maxPending) {
        this.maxPending = maxPending;
        registry.gauge("newsflow.serve.sse.clients", subscribers, Map::size);
        this.pushed = Counter.builder("newsflow.serve.sse.articles")
                .description("Articles pushed to live clients (one count per article, not per client)")
                .register(registry);
        this.tooSlow = Counter.builder("newsflow.serve.sse.slow.clients")
                .description("Live clients closed for falling too many events behind")
                .register(registry);
        this.subscription = feed.subscribe(this::broadcast);
        // a comment now and then keeps proxies from closing quiet streams and finds clients that left
        long every = heartbeatEvery.toNanos();
        heartbeat.scheduleWithFixedDelay(this::sendHeartbeat, every, every, TimeUnit.NANOSECONDS);
    }

    private void sendHeartbeat() {
        subscribers.values().forEach(subscriber -> subscriber.offer(client -> client.sendComment("keep-alive")));
    }

    /** Keeps the connection open and registers it; the first event, {@code ready}, says the feed is live. */
    void join(SseClient client) {
        client.keepAlive();
        Subscriber subscriber = new Subscriber(client);
        client.onClose(subscriber::drop);
        subscribers.put(client, subscriber);
        String greeting = "{\"clients\":" + subscribers.size() + "}";
        subscriber.offer(c -> c.sendEvent("ready", greeting));
    }

    private void broadcast(EnrichedArticle article) {
        String json = Json.write(LiveArticle.of(article));
        String id = article.article().id();
        pushed.increment();
        subscribers.values().forEach(subscriber -> subscriber.offer(client -> client.sendEvent("article", json, id)));
    }

    int clientCount() {
        return subscribers.size();
    }

    @Override
    public void close() {
        subscription.close();
        heartbeat.shutdownNow();
        subscribers.values().forEach(Subscriber::close);
        subscribers.clear();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One client, its queue of writes and the thread that performs them. */
    private final class Subscriber {
        private final SseClient client;
        private final ThreadPoolExecutor writer;

        Subscriber(SseClient client) {
            this.client = client;
            this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(maxPending),
                    daemon("newsflow-sse-client"));
        }

        /** Queues a write; closes the client when {@code maxPending} writes wait already. */
        void offer(Consumer<SseClient> write) {
            try {
                writer.execute(() -> perform(write));
            } catch (RejectedExecutionException e) {
                if (!writer.isShutdown()) {
                    LOG.warn("Closing a live client {} events behind", maxPending);
                    tooSlow.increment();
                    close();
                }
            }
        }

        private void perform(Consumer<SseClient> write) {
            if (client.terminated()) {
                return;
            }
            try {
                write.accept(client); // a client found gone is closed by Javalin, which calls drop()
            } catch (RuntimeException e) {
                LOG.warn("Closing a live client after a failed write: {}", e.toString());
                close();
            }
        }

        void close() {
            try {
                client.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing live client: {}", e.toString());
            }
            drop();
        }

        void drop() {
            subscribers.remove(client);
            writer.shutdownNow();
        }
    }
}
