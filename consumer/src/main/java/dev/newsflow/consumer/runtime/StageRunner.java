package dev.newsflow.consumer.runtime;

import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.events.EventJson;
import dev.newsflow.events.InvalidEventException;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one consumer loop every stage runs on: subscribe, poll, decode (undecodable -> dead letter), process
 * (transient failure -> bounded retry of the batch; permanent failure -> dead letter), then commit.
 *
 * <p>A {@link TransformStage} commits its outputs, its dead letters and the consumed offsets in one Kafka
 * transaction (read-process-write with {@code sendOffsetsToTransaction}). A {@link SinkStage} commits data and
 * offsets in its own store and is sought to the stored offsets on assignment. Either way a crash at any point
 * replays only uncommitted work, and the replay gives the same result.
 *
 * <p>{@link #run()} runs the loop on the calling thread until {@link #close()}; {@code close()} may be called
 * from any thread (a shutdown hook) and returns once the batch in progress is committed and the clients are
 * closed. A runner whose loop failed reports it through {@link #failure()}.
 */
public final class StageRunner implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StageRunner.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final long TRANSACTION_RETRY_BACKOFF_MS = 10;

    private final Stage stage;
    private final String dlqTopic;
    private final StageConfig config;
    private final StageMetrics metrics;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaClientMetrics consumerMetrics;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Throwable failure;

    public StageRunner(Stage stage, KafkaSettings kafka, String dlqTopic, StageConfig config, MeterRegistry registry) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.dlqTopic = Objects.requireNonNull(dlqTopic, "dlqTopic");
        this.config = Objects.requireNonNull(config, "config");
        this.metrics = new StageMetrics(registry, stage.name());
        this.consumer = new KafkaConsumer<>(kafka.consumer(config.groupId(stage.name()), Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords(),
                ConsumerConfig.CLIENT_ID_CONFIG, config.groupId(stage.name()) + "-" + config.instanceId())),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.producer = new KafkaProducer<>(producerSettings(kafka), new StringSerializer(), new ByteArraySerializer());
        this.consumerMetrics = new KafkaClientMetrics(consumer);
        consumerMetrics.bindTo(registry);
    }

    private Map<String, Object> producerSettings(KafkaSettings kafka) {
        Map<String, Object> settings = new HashMap<>(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.CLIENT_ID_CONFIG, config.groupId(stage.name()) + "-" + config.instanceId() + "-producer"));
        if (stage instanceof TransformStage) {
            settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.groupId(stage.name()) + "-" + config.instanceId());
            settings.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, config.transactionTimeoutMs());
        }
        Map<String, Object> props = kafka.producer(settings);
        // The first send of a transaction meets CONCURRENT_TRANSACTIONS while the coordinator still writes the
        // previous commit's markers, and backs off retry.backoff.ms (100 ms by default, doubling). At 100 articles/s
        // that wait, once per transactional hop, was most of the p99 latency (389 -> 136-210 ms with 10 ms).
        // A value the user sets in the client properties wins.
        props.putIfAbsent(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, TRANSACTION_RETRY_BACKOFF_MS);
        return props;
    }

    public String stageName() {
        return stage.name();
    }

    public StageMetrics metrics() {
        return metrics;
    }

    /** Why the loop stopped on its own, or {@code null} while it runs or after a requested close. */
    public Throwable failure() {
        return failure;
    }

    @Override
    public void run() {
        try {
            if (stage instanceof TransformStage) {
                producer.initTransactions();
            }
            consumer.subscribe(stage.inputs().keySet(), new AssignmentListener());
            LOG.info("Stage {} consuming {} as group {}", stage.name(), stage.inputs().keySet(), config.groupId(stage.name()));
            while (running.get()) {
                ConsumerRecords<String, byte[]> records;
                try {
                    records = consumer.poll(config.pollTimeout());
                } catch (WakeupException e) {
                    continue;
                }
                if (!records.isEmpty()) {
                    processWithRetries(records);
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

    /** Stops the loop after the batch in progress and waits until the clients are closed. */
    @Override
    public void close() {
        running.set(false);
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

    private void processWithRetries(ConsumerRecords<String, byte[]> records) throws Exception {
        long start = System.nanoTime();
        if (stage instanceof TransformStage transform) {
            retrying(records, () -> transformInTransaction(transform, records, start));
        } else {
            sink((SinkStage) stage, records, start);
        }
    }

    private void retrying(ConsumerRecords<String, byte[]> records, Work work) throws Exception {
        int[] attempts = {0};
        config.retry().call("stage " + stage.name() + " batch of " + records.count(), Failures::isTransient, () -> {
            if (attempts[0]++ > 0) {
                metrics.retried();
            }
            work.run();
            return null;
        });
    }

    /** A unit of work that the runner may retry. */
    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private void transformInTransaction(TransformStage transform, ConsumerRecords<String, byte[]> records, long start) throws Exception {
        producer.beginTransaction();
        int processed = 0;
        int deadLetters = 0;
        Map<String, Integer> produced = new HashMap<>();
        try {
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
            records.forEach(batch::add);
            List<Transformed> precomputed = transform.parallel()
                    ? batch.parallelStream().map(record -> transformOne(transform, record)).toList() : null;
            for (int i = 0; i < batch.size(); i++) {
                ConsumerRecord<String, byte[]> record = batch.get(i);
                Transformed result = precomputed != null ? precomputed.get(i) : transformOne(transform, record);
                if (result.failure() != null) {
                    if (Failures.isTransient(result.failure())) {
                        throw result.failure();
                    }
                    producer.send(deadLetter(record, result.failure()));
                    deadLetters++;
                    continue;
                }
                for (ProducerRecord<String, byte[]> output : result.outputs()) {
                    producer.send(output);
                    produced.merge(output.topic(), 1, Integer::sum);
                }
                processed++;
            }
            long commitStart = System.nanoTime();
            producer.sendOffsetsToTransaction(nextOffsets(records), consumer.groupMetadata());
            producer.commitTransaction();
            metrics.commitTook(System.nanoTime() - commitStart);
        } catch (Exception e) {
            abort(transform);
            throw e;
        }
        metrics.committed(processed, deadLetters, System.nanoTime() - start);
        metrics.produced(produced);
    }

    private Transformed transformOne(TransformStage transform, ConsumerRecord<String, byte[]> record) {
        try {
            return new Transformed(transform.transform(new InputRecord<>(record, decode(record))), null);
        } catch (Exception e) {
            return new Transformed(List.of(), e);
        }
    }

    /** The outputs of one input, or why there are none. */
    private record Transformed(List<ProducerRecord<String, byte[]>> outputs, Exception failure) {
    }

    private void abort(TransformStage transform) throws Exception {
        try {
            producer.abortTransaction();
        } finally {
            transform.onAbort();
        }
    }

    private void sink(SinkStage sink, ConsumerRecords<String, byte[]> records, long start) throws Exception {
        List<InputRecord<?>> batch = new ArrayList<>();
        int deadLetters = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                batch.add(new InputRecord<>(record, decode(record)));
            } catch (InvalidEventException e) {
                producer.send(deadLetter(record, e));
                deadLetters++;
            }
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = nextOffsets(records);
        try {
            producer.flush();
            long writeStart = System.nanoTime();
            retrying(records, () -> sink.write(batch, plain(offsets)));
            metrics.commitTook(System.nanoTime() - writeStart);
        } catch (Exception e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            LOG.warn("Stage {}: batch of {} failed ({}); writing its records one by one to find the bad ones",
                    stage.name(), batch.size(), DeadLetters.describe(e));
            deadLetters += writeOneByOne(sink, records);
        }
        consumer.commitAsync(offsets, null);
        metrics.committed(records.count() - deadLetters, deadLetters, System.nanoTime() - start);
    }

    /** Writes each record alone, with its own offset, dead-lettering those that fail permanently. */
    private int writeOneByOne(SinkStage sink, ConsumerRecords<String, byte[]> records) throws Exception {
        int deadLetters = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            Map<TopicPartition, Long> next = Map.of(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            InputRecord<?> input;
            try {
                input = new InputRecord<>(record, decode(record));
            } catch (InvalidEventException e) {
                sink.write(List.of(), next); // already dead-lettered above: only move past it
                continue;
            }
            try {
                sink.write(List.of(input), next);
            } catch (Exception e) {
                if (Failures.isTransient(e)) {
                    throw e;
                }
                producer.send(deadLetter(record, e)).get();
                sink.write(List.of(), next);
                deadLetters++;
            }
        }
        return deadLetters;
    }

    private Object decode(ConsumerRecord<String, byte[]> record) {
        Class<?> type = stage.inputs().get(record.topic());
        return EventJson.fromBytes(record.value(), type);
    }

    private ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> record, Exception error) {
        LOG.warn("Stage {}: dead-lettering {}-{}@{}: {}: {}", stage.name(), record.topic(), record.partition(),
                record.offset(), error.getClass().getSimpleName(), DeadLetters.describe(error));
        return DeadLetters.of(dlqTopic, stage.name(), record, error);
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private static Map<TopicPartition, Long> plain(Map<TopicPartition, OffsetAndMetadata> offsets) {
        Map<TopicPartition, Long> plain = new LinkedHashMap<>();
        offsets.forEach((partition, offset) -> plain.put(partition, offset.offset()));
        return plain;
    }

    private void closeClients() {
        closeQuietly("stage", stage);
        closeQuietly("consumer metrics", consumerMetrics);
        closeQuietly("consumer", () -> consumer.close(Duration.ofSeconds(10)));
        closeQuietly("producer", () -> producer.close(Duration.ofSeconds(10)));
        LOG.info("Stage {} stopped", stage.name());
    }

    private void closeQuietly(String what, AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("Stage {}: closing the {} failed: {}", stage.name(), what, e.toString());
        }
    }

    /** Lets the stage restore state, and a sink resume from its stored offsets, before any record is processed. */
    private final class AssignmentListener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            try {
                stage.onAssigned(partitions);
                if (stage instanceof SinkStage sink) {
                    Map<TopicPartition, Long> stored = sink.storedOffsets(partitions);
                    List<TopicPartition> fresh = new ArrayList<>();
                    for (TopicPartition partition : partitions) {
                        Long next = stored.get(partition);
                        if (next == null) {
                            fresh.add(partition);
                        } else {
                            consumer.seek(partition, next);
                        }
                    }
                    if (!fresh.isEmpty()) { // an empty collection would mean every assigned partition
                        consumer.seekToBeginning(fresh);
                    }
                }
                LOG.info("Stage {} assigned {}", stage.name(), partitions);
            } catch (Exception e) {
                throw new IllegalStateException("stage " + stage.name() + " cannot take partitions " + partitions, e);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Every batch is committed before the next poll, so nothing is pending when partitions go.
            LOG.info("Stage {} revoked {}", stage.name(), partitions);
        }
    }
}
