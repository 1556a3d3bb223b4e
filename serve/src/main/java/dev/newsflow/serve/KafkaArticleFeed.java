package dev.newsflow.serve;

import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.EventJson;
import dev.newsflow.events.InvalidEventException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails {@code news.articles.enriched} and hands each committed article to the listeners.
 *
 * <p>It assigns itself every partition and seeks to the end (a live view wants what comes next, not
 * history), so it joins no consumer group and commits nothing: the pipeline's groups never see it. Reads
 * with {@code isolation.level=read_committed}, so articles of aborted transactions never show. Records that
 * are not valid EnrichedArticle JSON are logged and skipped. One daemon thread; thread-safe.
 */
public final class KafkaArticleFeed implements ArticleFeed {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaArticleFeed.class);

    private final LiveFeedConfig config;
    private final Listeners listeners = new Listeners();
    private final KafkaConsumer<String, byte[]> consumer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;

    private KafkaArticleFeed(LiveFeedConfig config, Map<String, Object> clientProperties) {
        this.config = config;
        Map<String, Object> props = new java.util.HashMap<>(clientProperties);
        props.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-serve-feed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"));
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "newsflow-live-feed");
        this.thread.setDaemon(true);
    }

    /** Starts tailing; articles published from about now on are delivered. */
    public static KafkaArticleFeed start(LiveFeedConfig config) {
        return start(config, Map.of());
    }

    /**
     * Starts tailing with extra Kafka client properties (TLS, SASL) laid under the feed's own settings.
     */
    public static KafkaArticleFeed start(LiveFeedConfig config, Map<String, Object> clientProperties) {
        KafkaArticleFeed feed = new KafkaArticleFeed(config, clientProperties);
        feed.thread.start();
        return feed;
    }

    /**
     * Waits until the feed sits at the end of every partition, so that anything published afterwards will
     * be delivered. False when that took longer than the timeout (the topic may not exist yet).
     */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Subscription subscribe(Listener listener) {
        return listeners.add(listener);
    }

    @Override
    public void close() {
        if (running.compareAndSet(true, false)) {
            consumer.wakeup();
            try {
                if (!stopped.await(10, TimeUnit.SECONDS)) {
                    LOG.warn("Live feed thread did not stop within 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listeners.clear();
        }
    }

    private void run() {
        try {
            assignAtEnd();
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(config.pollTimeout())) {
                    deliver(record);
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            LOG.error("Live feed of {} stopped: {}", config.topic(), e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
            stopped.countDown();
        }
    }

    /** Partitions are looked up until the topic exists: serve may start before the pipeline creates it. */
    private void assignAtEnd() {
        List<TopicPartition> partitions = List.of();
        while (running.get() && partitions.isEmpty()) {
            partitions = consumer.partitionsFor(config.topic(), Duration.ofSeconds(5)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                LOG.info("Topic {} not found yet; the live feed waits for it", config.topic());
                pause();
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // position() resolves the lazy seek now, so "ready" really means "at the end"
        partitions.forEach(consumer::position);
        LOG.info("Live feed tails {} ({} partitions) from the end", config.topic(), partitions.size());
        assigned.countDown();
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    private void deliver(ConsumerRecord<String, byte[]> record) {
        EnrichedArticle article;
        try {
            article = EventJson.fromBytes(record.value(), EnrichedArticle.class);
        } catch (InvalidEventException e) {
            LOG.warn("Skipping {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return;
        }
        listeners.deliver(article);
    }
}
