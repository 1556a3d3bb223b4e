package dev.newsflow.consumer.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guarantee (c), at least once with committed offsets: each input is handed to the stage on its own, with its
 * own bounded retry; the consumer group's offsets move past an input only once the stage acknowledged it or the
 * dead-letter topic did. Offsets are committed asynchronously after each batch (a failed commit is logged and
 * counted: the inputs after the last good commit are handled again), synchronously when partitions are revoked
 * and when the runner stops, the last batch included.
 */
final class AtLeastOnceDelivery<I> implements Delivery<I> {
    private static final Logger LOG = LoggerFactory.getLogger(AtLeastOnceDelivery.class);
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(30);

    private final AtLeastOnceStage<I> stage;
    private final Producer<String, byte[]> producer;
    private final Consumer<String, byte[]> consumer;
    private final DeadLetters deadLetters;
    private final Attempts attempts;
    private final StageMetrics metrics;
    /** Offsets after the inputs acknowledged since the last synchronous commit, by partition. */
    private final Map<TopicPartition, OffsetAndMetadata> acknowledged = new HashMap<>();

    AtLeastOnceDelivery(AtLeastOnceStage<I> stage, DeliveryTools tools) {
        this.stage = stage;
        this.producer = tools.producer();
        this.consumer = tools.consumer();
        this.deadLetters = tools.deadLetters();
        this.attempts = tools.attempts();
        this.metrics = tools.metrics();
    }

    @Override
    public void deliver(Batch<I> batch) throws Exception {
        int handled = 0;
        int deadLettered = 0;
        for (Batch.Entry<I> entry : batch.entries()) {
            if (handle(entry)) {
                handled++;
            } else {
                deadLettered++;
            }
            acknowledged.put(entry.partition(), new OffsetAndMetadata(entry.record().offset() + 1));
        }
        consumer.commitAsync(Map.copyOf(acknowledged), (offsets, error) -> {
            if (error != null) {
                commitFailed(error);
            }
        });
        metrics.committed(handled, deadLettered, System.nanoTime() - batch.startNanos());
    }

    /** True when the stage acknowledged the entry, false when the dead-letter topic did. */
    private boolean handle(Batch.Entry<I> entry) throws Exception {
        Exception failure = entry.invalid();
        if (failure == null) {
            try {
                attempts.run("stage " + stage.name() + " record " + entry.record().topic() + "-" + entry.record().partition()
                        + "@" + entry.record().offset(), () -> stage.handle(entry.input()));
                return true;
            } catch (Exception e) {
                if (Failures.isTransient(e)) {
                    throw e;
                }
                failure = e;
            }
        }
        Exception cause = failure;
        attempts.run("stage " + stage.name() + " dead letter", () -> deadLetters.sendAcknowledged(producer, entry.record(), cause));
        return false;
    }

    private void commitFailed(Exception error) {
        metrics.commitFailed();
        LOG.warn("Stage {}: committing offsets failed ({}); the records after the last committed offsets will be handled again",
                stage.name(), DeadLetters.describe(error));
    }

    @Override
    public void onRevoked(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> revoked = new HashMap<>(acknowledged);
        revoked.keySet().retainAll(partitions);
        commitSync(revoked);
        acknowledged.keySet().removeAll(partitions);
    }

    @Override
    public void onLost(Collection<TopicPartition> partitions) {
        acknowledged.keySet().removeAll(partitions);
    }

    private void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets, COMMIT_TIMEOUT);
        } catch (RuntimeException e) {
            commitFailed(e);
        }
    }

    @Override
    public Map<TopicPartition, Long> committed(Admin admin, String groupId, Collection<TopicPartition> partitions) throws Exception {
        return GroupOffsets.of(admin, groupId, partitions);
    }

    /** Commits what was acknowledged, synchronously, then closes the dead-letter producer. */
    @Override
    public void close() {
        try {
            commitSync(Map.copyOf(acknowledged));
        } finally {
            producer.close(Duration.ofSeconds(10));
        }
    }
}
