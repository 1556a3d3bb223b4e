package dev.newsflow.bench;

import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.events.PipelineTopics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples, every {@code periodMillis}, the consumer lag of each stage's group (committed offsets against the
 * read-committed end of its input topics), the stored count and the resident memory of this process plus the
 * given child processes. Lag is what Kafka itself reports, so it also covers stages running as other processes.
 * Started and stopped by one owner; samples are read after {@link #stop()}.
 */
final class LagSampler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LagSampler.class);

    /** One sample: seconds since start, lag of each stage, stored articles, resident MiB (this JVM and children). */
    record Sample(double t, Map<String, Long> lag, long stored, double rssMiB, double childrenRssMiB) {
    }

    private final Admin admin;
    private final String pipeline;
    private final Map<String, List<String>> inputsByStage;
    private final LongSupplier stored;
    private final List<Long> childPids = new ArrayList<>();
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private long startNanos;

    LagSampler(KafkaSettings kafka, String pipeline, PipelineTopics topics, LongSupplier stored) {
        this.admin = Admin.create(kafka.admin());
        this.pipeline = pipeline;
        this.stored = stored;
        this.inputsByStage = new LinkedHashMap<>();
        inputsByStage.put("dedupe", List.of(topics.raw().name()));
        inputsByStage.put("enrich", List.of(topics.unique().name()));
        inputsByStage.put("stories", List.of(topics.enriched().name(), topics.duplicates().name()));
        inputsByStage.put("store", List.of(topics.enriched().name(), topics.duplicates().name(), topics.stories().name()));
    }

    synchronized void addChild(long pid) {
        childPids.add(pid);
    }

    void start(long periodMillis) {
        startNanos = System.nanoTime();
        timer.scheduleAtFixedRate(this::sampleQuietly, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops sampling and returns the samples taken. */
    synchronized List<Sample> stop() {
        timer.shutdownNow();
        return List.copyOf(samples);
    }

    /** The highest resident memory seen, this JVM and children together. */
    static double peakRss(List<Sample> samples) {
        return samples.stream().mapToDouble(s -> s.rssMiB() + Math.max(0, s.childrenRssMiB())).max().orElse(-1);
    }

    private void sampleQuietly() {
        try {
            Sample sample = sample();
            synchronized (this) {
                samples.add(sample);
            }
        } catch (Exception e) {
            LOG.debug("lag sample failed: {}", e.toString());
        }
    }

    private Sample sample() throws Exception {
        double t = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Long> lag = new LinkedHashMap<>();
        for (var stage : inputsByStage.entrySet()) {
            lag.put(stage.getKey(), lag(pipeline + "-" + stage.getKey(), stage.getValue()));
        }
        double children = 0;
        synchronized (this) {
            for (long pid : childPids) {
                children += Math.max(0, Memory.rssMiB(pid));
            }
        }
        return new Sample(Math.round(t * 10) / 10.0, lag, stored.getAsLong(), Math.round(Memory.selfRssMiB()), Math.round(children));
    }

    private long lag(String group, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS).forEach((name, description) ->
                description.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        var ends = admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(5, TimeUnit.SECONDS);
        long lag = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata position = committed.get(end.getKey());
            lag += Math.max(0, end.getValue().offset() - (position == null ? 0 : position.offset()));
        }
        return lag;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close();
    }
}
