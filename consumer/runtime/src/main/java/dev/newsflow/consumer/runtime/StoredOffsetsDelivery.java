package dev.newsflow.consumer.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guarantee (b), offsets stored with the data: the stage writes each batch and its next offsets in one
 * transaction of its own store, and the consumer resumes from the stored offsets. Undecodable records are
 * dead-lettered, and the dead letters acknowledged, before the write that moves the offsets past them. A batch
 * that fails permanently is written again record by record, each write with the same bounded retry, so that
 * only the bad records are dead-lettered.
 */
final class StoredOffsetsDelivery<I> implements Delivery<I> {
    private static final Logger LOG = LoggerFactory.getLogger(StoredOffsetsDelivery.class);

    private final StoredOffsetsStage<I> stage;
    private final Producer<String, byte[]> producer;
    private final DeadLetters deadLetters;
    private final Attempts attempts;
    private final StageMetrics metrics;

    StoredOffsetsDelivery(StoredOffsetsStage<I> stage, DeliveryTools tools) {
        this.stage = stage;
        this.producer = tools.producer();
        this.deadLetters = tools.deadLetters();
        this.attempts = tools.attempts();
        this.metrics = tools.metrics();
    }

    @Override
    public void deliver(Batch<I> batch) throws Exception {
        List<Batch.Entry<I>> undecodable = batch.undecodable();
        for (Batch.Entry<I> entry : undecodable) {
            attempts.run("stage " + stage.name() + " dead letter", () -> deadLetters.sendAcknowledged(producer, entry.record(), entry.invalid()));
        }
        int deadLettered = undecodable.size();
        long writeStart = System.nanoTime();
        try {
            attempts.run("stage " + stage.name() + " batch of " + batch.size(), () -> stage.write(batch.inputs(), batch.nextOffsets()));
            metrics.commitTook(System.nanoTime() - writeStart);
        } catch (Exception e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            LOG.warn("Stage {}: batch of {} failed ({}); writing its records one by one to find the bad ones",
                    stage.name(), batch.size(), DeadLetters.describe(e));
            deadLettered += writeOneByOne(batch);
        }
        metrics.committed(batch.size() - deadLettered, deadLettered, System.nanoTime() - batch.startNanos());
    }

    /** Writes each record alone with its own offset, dead-lettering those that fail permanently; returns how many. */
    private int writeOneByOne(Batch<I> batch) throws Exception {
        int deadLettered = 0;
        for (Batch.Entry<I> entry : batch.entries()) {
            Map<TopicPartition, Long> next = Map.of(entry.partition(), entry.record().offset() + 1);
            if (entry.input() == null) { // dead-lettered before the batch was written: only move past it
                attempts.run(what(entry), () -> stage.write(List.of(), next));
                continue;
            }
            try {
                attempts.run(what(entry), () -> stage.write(List.of(entry.input()), next));
            } catch (Exception e) {
                if (Failures.isTransient(e)) {
                    throw e;
                }
                attempts.run("stage " + stage.name() + " dead letter", () -> deadLetters.sendAcknowledged(producer, entry.record(), e));
                attempts.run(what(entry), () -> stage.write(List.of(), next));
                deadLettered++;
            }
        }
        return deadLettered;
    }

    private String what(Batch.Entry<I> entry) {
        return "stage " + stage.name() + " record " + entry.record().topic() + "-" + entry.record().partition() + "@" + entry.record().offset();
    }

    @Override
    public Optional<Map<TopicPartition, Long>> storedPositions(Collection<TopicPartition> partitions) throws Exception {
        return Optional.of(stage.storedOffsets(partitions));
    }

    @Override
    public Map<TopicPartition, Long> committed(Admin admin, String groupId, Collection<TopicPartition> partitions) throws Exception {
        return stage.storedOffsets(partitions);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
