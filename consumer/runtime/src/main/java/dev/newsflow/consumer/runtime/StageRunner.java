package dev.newsflow.consumer.runtime;

import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.events.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one consumer loop every stage runs on: subscribe, poll, decode (undecodable -> dead letter), hand the batch
 * to the delivery guarantee the stage's kind asks for (see {@link Stage}), record lag, repeat; restore on
 * assignment; commit on revocation and shutdown.
 *
 * <p>{@link #run()} runs the loop on the calling thread until {@link #close()}; {@code close()} may be called from
 * any thread (a shutdown hook) and returns once the batch in progress is committed and the clients are closed. A
 * runner whose loop stopped on its own reports why through {@link #failure()}.
 *
 * @param <I> what the stage's input events decode to
 */
public final class StageRunner<I> implements Runnable, AutoCloseable, Progress {
    private static final Logger LOG = LoggerFactory.getLogger(StageRunner.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /**
     * The first send of a transaction meets CONCURRENT_TRANSACTIONS while the coordinator still writes the previous
     * commit's markers, and backs off retry.backoff.ms (100 ms by default, doubling). At 100 articles/s that wait,
     * once per transactional hop, was most of the p99 latency (389 -> 136-210 ms with 10 ms). A value the user sets
     * in the client properties wins.
     */
    private static final long TRANSACTION_RETRY_BACKOFF_MS = 10;

    private final Stage<I> stage;
    private final StageConfig config;
    private final StageMetrics metrics;
    private final Map<String, Topic<? extends I>> inputs = new LinkedHashMap<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaClientMetrics consumerMetrics;
    private final Delivery<I> delivery;
    private final boolean parallelDecode;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Throwable failure;

    /**
     * A runner of {@code stage}, which it owns from now on (it closes the stage when it stops).
     *
     * @param deadLetters the topic for records the stage cannot process
     */
    public StageRunner(Stage<I> stage, KafkaSettings kafka, Topic<byte[]> deadLetters, StageConfig config, MeterRegistry registry) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.config = Objects.requireNonNull(config, "config");
        this.metrics = new StageMetrics(registry, stage.name());
        stage.inputs().forEach(topic -> inputs.put(topic.name(), topic));
        Map<String, Object> consumerSettings = new HashMap<>(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords(),
                ConsumerConfig.CLIENT_ID_CONFIG, clientId()));
        if (stage.sequencer()) {
            // a client-side assignor needs the classic protocol, whatever the client properties say
            consumerSettings.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, SequencerAssignor.class.getName());
            consumerSettings.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        }
        this.consumer = new KafkaConsumer<>(kafka.consumer(groupId(), consumerSettings),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.consumerMetrics = new KafkaClientMetrics(consumer);
        consumerMetrics.bindTo(registry);
        this.parallelDecode = stage instanceof TransactionalStage<I> transactional && transactional.parallel();
        try {
            this.delivery = delivery(kafka, new DeadLetters(deadLetters.name(), stage.name()), new Attempts(config.retry(), metrics));
        } catch (RuntimeException e) {
            consumerMetrics.close();
            consumer.close(Duration.ZERO);
            throw e;
        }
    }

    /** The one place that turns the stage's kind into its delivery guarantee. */
    private Delivery<I> delivery(KafkaSettings kafka, DeadLetters letters, Attempts attempts) {
        boolean transactional = stage instanceof TransactionalStage;
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerSettings(kafka, transactional),
                new StringSerializer(), new ByteArraySerializer());
        DeliveryTools tools = new DeliveryTools(consumer, producer, letters, attempts, metrics);
        if (stage instanceof TransactionalStage<I> transactionalStage) {
            return new TransactionalDelivery<>(transactionalStage, tools);
        }
        if (stage instanceof StoredOffsetsStage<I> storing) {
            return new StoredOffsetsDelivery<>(storing, tools);
        }
        return new AtLeastOnceDelivery<>((AtLeastOnceStage<I>) stage, tools);
    }

    private Map<String, Object> producerSettings(KafkaSettings kafka, boolean transactional) {
        Map<String, Object> settings = new HashMap<>(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.CLIENT_ID_CONFIG, clientId() + "-producer"));
        if (transactional) {
            settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, clientId());
            settings.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, config.transactionTimeoutMs());
        }
        Map<String, Object> props = kafka.producer(settings);
        props.putIfAbsent(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, TRANSACTION_RETRY_BACKOFF_MS);
        return props;
    }

    private String clientId() {
        return groupId() + "-" + config.instanceId();
    }

    public String stageName() {
        return stage.name();
    }

    /** The consumer group, {@code <pipeline>-<stage>}. */
    public String groupId() {
        return config.groupId(stage.name());
    }

    /** The topics the stage consumes. */
    @Override
    public List<String> inputTopics() {
        return List.copyOf(inputs.keySet());
    }

    public StageMetrics metrics() {
        return metrics;
    }

    /** Why the loop stopped on its own, or {@code null} while it runs or after a requested close. */
    @Override
    public Throwable failure() {
        return failure;
    }

    /**
     * The committed next offsets of {@code partitions} of the stage's inputs, as its guarantee keeps them (the
     * group's offsets in Kafka, or the stage's own store); absent where none. Thread-safe.
     */
    @Override
    public Map<TopicPartition, Long> committedPositions(Admin admin, Collection<TopicPartition> partitions) throws Exception {
        return delivery.committed(admin, groupId(), partitions);
    }

    @Override
    public void run() {
        if (!started.compareAndSet(false, true)) {
            return; // closed before it ran, or running already
        }
        try {
            delivery.start();
            consumer.subscribe(inputs.keySet(), new AssignmentListener());
            LOG.info("Stage {} consuming {} as group {}", stage.name(), inputs.keySet(), groupId());
            while (running.get()) {
                ConsumerRecords<String, byte[]> records;
                try {
                    records = consumer.poll(config.pollTimeout());
                } catch (WakeupException e) {
                    continue;
                }
                if (!records.isEmpty()) {
                    delivery.deliver(Batch.decode(records, inputs, parallelDecode));
                }
                recordLag();
            }
        } catch (Throwable e) {
            failure = e;
            LOG.error("Stage {} stopped: {}", stage.name(), e.toString(), e);
        } finally {
            closeClients();
            stopped.countDown();
        }
    }

    /** Stops the loop after the batch in progress and waits until the clients are closed; a runner that never ran closes at once. */
    @Override
    public void close() {
        running.set(false);
        if (started.compareAndSet(false, true)) {
            closeClients();
            stopped.countDown();
            return;
        }
        consumer.wakeup();
        try {
            if (!stopped.await(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Stage {} did not stop within {} s", stage.name(), CLOSE_TIMEOUT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void recordLag() {
        for (TopicPartition partition : consumer.assignment()) {
            consumer.currentLag(partition).ifPresent(lag -> metrics.lag(partition.topic(), partition.partition(), lag));
        }
    }

    private void closeClients() {
        closeQuietly("delivery", delivery);
        closeQuietly("stage", stage);
        closeQuietly("consumer metrics", consumerMetrics);
        closeQuietly("consumer", () -> consumer.close(Duration.ofSeconds(10)));
        LOG.info("Stage {} stopped", stage.name());
    }

    private void closeQuietly(String what, AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("Stage {}: closing the {} failed: {}", stage.name(), what, e.toString());
        }
    }

    /** Lets the stage restore state, and the delivery choose where to resume, before any record is processed. */
    private final class AssignmentListener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            try {
                stage.onAssigned(partitions);
                Optional<Map<TopicPartition, Long>> stored = delivery.storedPositions(partitions);
                if (stored.isPresent()) {
                    seek(partitions, stored.get());
                }
                LOG.info("Stage {} assigned {}", stage.name(), partitions);
            } catch (Exception e) {
                throw new IllegalStateException("stage " + stage.name() + " cannot take partitions " + partitions, e);
            }
        }

        private void seek(Collection<TopicPartition> partitions, Map<TopicPartition, Long> positions) {
            List<TopicPartition> fresh = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                Long next = positions.get(partition);
                if (next != null) {
                    consumer.seek(partition, next);
                } else {
                    fresh.add(partition);
                }
            }
            if (!fresh.isEmpty()) { // an empty collection would mean every assigned partition
                consumer.seekToBeginning(fresh);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            delivery.onRevoked(partitions);
            LOG.info("Stage {} revoked {}", stage.name(), partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            delivery.onLost(partitions);
            LOG.info("Stage {} lost {}", stage.name(), partitions);
        }
    }
}
