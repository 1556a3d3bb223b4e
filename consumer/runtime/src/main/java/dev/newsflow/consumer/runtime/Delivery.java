package dev.newsflow.consumer.runtime;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

/**
 * How a runner processes and commits a batch: one implementation per delivery guarantee, chosen by the kind of
 * {@link Stage}. Called from the runner's thread, except {@link #committed}.
 */
interface Delivery<I> extends AutoCloseable {

    /** Before the first poll. */
    default void start() {
    }

    /**
     * Processes and commits {@code batch}, or leaves it to be consumed again. Throws only when the stage must stop
     * (a failure that is not transient, or transient attempts spent); nothing past an unfinished record is
     * committed then.
     */
    void deliver(Batch<I> batch) throws Exception;

    /**
     * Where a guarantee that keeps its offsets outside Kafka resumes {@code partitions} when they are assigned (a
     * partition left out of the map starts at the beginning), or empty to resume at the group's committed offsets.
     */
    default Optional<Map<TopicPartition, Long>> storedPositions(Collection<TopicPartition> partitions) throws Exception {
        return Optional.empty();
    }

    /** Partitions are about to go to another instance: make what was done with them durable. */
    default void onRevoked(Collection<TopicPartition> partitions) {
    }

    /** Partitions went to another instance without a chance to commit: forget what was pending for them. */
    default void onLost(Collection<TopicPartition> partitions) {
    }

    /**
     * The committed next offsets of {@code partitions} (absent when none), as durable as this guarantee makes
     * them: what a catch-up check compares with the ends of the inputs. Thread-safe.
     */
    Map<TopicPartition, Long> committed(Admin admin, String groupId, Collection<TopicPartition> partitions) throws Exception;

    /** After the last batch, before the consumer closes: make the last progress durable, release clients. */
    @Override
    void close();
}
