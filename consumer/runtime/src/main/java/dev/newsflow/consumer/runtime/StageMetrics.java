package dev.newsflow.consumer.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The meters of one stage, counted only once the work is committed: records processed and dead-lettered,
 * the time a batch takes from poll to commit, and of it the commit's. Thread-safe.
 */
public final class StageMetrics {
    private final Counter processed;
    private final Counter deadLettered;
    private final Counter retries;
    private final Counter commitFailures;
    private final Timer batches;
    private final Timer commits;
    private final MeterRegistry registry;
    private final String stage;
    private final Map<String, Counter> outputs = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lags = new ConcurrentHashMap<>();

    public StageMetrics(MeterRegistry registry, String stage) {
        this.registry = registry;
        this.stage = stage;
        processed = Counter.builder("newsflow.stage.records").tag("stage", stage).tag("outcome", "processed")
                .description("Records a stage processed and committed").register(registry);
        deadLettered = Counter.builder("newsflow.stage.records").tag("stage", stage).tag("outcome", "dead_lettered")
                .description("Records a stage sent to the dead-letter topic").register(registry);
        retries = Counter.builder("newsflow.stage.retries").tag("stage", stage)
                .description("Batches retried after a transient failure").register(registry);
        commitFailures = Counter.builder("newsflow.stage.commit.failures").tag("stage", stage)
                .description("Offset commits to Kafka that failed (at-least-once stages: the records after the last "
                        + "good commit are handled again)").register(registry);
        batches = Timer.builder("newsflow.stage.batch").tag("stage", stage)
                .description("Time from poll to commit of one batch").register(registry);
        commits = Timer.builder("newsflow.stage.commit").tag("stage", stage)
                .description("Time a batch's commit takes: its offsets and Kafka transaction in a topic-to-topic stage, "
                        + "its write and database transaction in a sink").register(registry);
    }

    void commitTook(long nanos) {
        commits.record(Duration.ofNanos(nanos));
    }

    void committed(int processedRecords, int deadLetters, long nanos) {
        processed.increment(processedRecords);
        deadLettered.increment(deadLetters);
        batches.record(Duration.ofNanos(nanos));
    }

    void produced(Map<String, Integer> recordsByTopic) {
        recordsByTopic.forEach((topic, count) -> output(topic).increment(count));
    }

    private Counter output(String topic) {
        return outputs.computeIfAbsent(topic, t -> Counter.builder("newsflow.stage.outputs").tag("stage", stage)
                .tag("topic", t).description("Records a stage produced to a topic, counted once committed")
                .register(registry));
    }

    /** Records produced to {@code topic} and committed since start. */
    public long produced(String topic) {
        return (long) output(topic).count();
    }

    /**
     * Records the consumer lag of each partition (records between the stage's position and the end of the
     * partition), as {@code newsflow.stage.lag{stage,topic,partition}}.
     */
    void lag(String topic, int partition, long records) {
        lags.computeIfAbsent(topic + "-" + partition, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("newsflow.stage.lag", value, AtomicLong::get)
                    .tag("stage", stage).tag("topic", topic).tag("partition", Integer.toString(partition))
                    .description("Records between the stage's position and the end of the partition").register(registry);
            return value;
        }).set(records);
    }

    void retried() {
        retries.increment();
    }

    void commitFailed() {
        commitFailures.increment();
    }

    /** Offset commits to Kafka that failed since start. */
    public long commitFailures() {
        return (long) commitFailures.count();
    }

    /** Records processed and committed since start (dead letters not included). */
    public long processed() {
        return (long) processed.count();
    }

    /** The time the batches committed since start took, from poll to commit. */
    public Duration batchTime() {
        return Duration.ofNanos((long) batches.totalTime(TimeUnit.NANOSECONDS));
    }

    /** Batches committed since start. */
    public long commits() {
        return commits.count();
    }

    /** The time the commits of {@link #commits()} batches took together. */
    public Duration commitTime() {
        return Duration.ofNanos((long) commits.totalTime(TimeUnit.NANOSECONDS));
    }

    /** Batches retried after a transient failure since start. */
    public long retries() {
        return (long) retries.count();
    }

    public long deadLettered() {
        return (long) deadLettered.count();
    }
}
