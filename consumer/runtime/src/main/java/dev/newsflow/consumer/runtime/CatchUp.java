package dev.newsflow.consumer.runtime;

import dev.newsflow.clients.KafkaSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The one definition of "caught up", for {@code run --exit-when-idle}, {@code consume --exit-when-idle}, the
 * benchmark and the tests. Stages are taken in pipeline order; when a stage's turn comes, the end offset of each
 * partition of its inputs is noted (read committed), and the stage is caught up once its committed position, as
 * its delivery guarantee keeps it (Kafka's group offsets, or the store's own table), has reached that end. Then
 * the next stage's turn comes: its inputs now hold every output of the records before, so the wait reaches
 * through to the last stage.
 *
 * <p>Transaction markers take offsets too, so a stage that consumed everything may sit one offset per
 * transaction short of the end; where the committed position is short of the end, a group-less read-committed
 * probe looks for a record in between, and only a record counts.
 *
 * <p>Calls are serialized; {@link #close()} releases the clients.
 */
public final class CatchUp implements AutoCloseable {
    private static final Duration CHECK_EVERY = Duration.ofMillis(100);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> probe;

    public CatchUp(KafkaSettings kafka) {
        this.admin = Admin.create(kafka.admin());
        Map<String, Object> props = new HashMap<>(kafka.admin());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-catch-up");
        this.probe = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Waits until every stage of {@code inOrder} (runners of this process, or {@link Progress#ofGroup groups}
     * running elsewhere), one after the other, has caught up with what its inputs held when its turn came.
     *
     * @return true when all caught up; false when {@code timeout} passed first or a stage of this process stopped
     *         on a failure (see its {@link Progress#failure()})
     */
    public synchronized boolean await(List<? extends Progress> inOrder, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Progress runner : inOrder) {
            Map<TopicPartition, Long> ends = ends(runner.inputTopics());
            Map<TopicPartition, Long> seen = new HashMap<>();
            while (!reached(runner, ends, seen)) {
                if (inOrder.stream().anyMatch(r -> r.failure() != null) || System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(CHECK_EVERY.toMillis());
            }
        }
        return true;
    }

    /** The read-committed end offset (last stable offset) of every partition of {@code topics}, now. */
    private Map<TopicPartition, Long> ends(List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).values()
                .forEach(topic -> topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /**
     * Whether {@code runner} has reached {@code ends}. A position short of the end is probed for records only once
     * it stood still since the check before ({@code seen}): while the stage moves it is not caught up anyway, and
     * the probe would read what the stage is reading.
     */
    private boolean reached(Progress runner, Map<TopicPartition, Long> ends, Map<TopicPartition, Long> seen) throws Exception {
        Map<TopicPartition, Long> committed = runner.committedPositions(admin, ends.keySet());
        boolean reached = true;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            TopicPartition partition = end.getKey();
            Long position = committed.get(partition);
            if (position != null && position >= end.getValue()) {
                continue;
            }
            boolean stoodStill = seen.containsKey(partition) && Objects.equals(seen.get(partition), position);
            seen.put(partition, position);
            if (!stoodStill || hasRecordBefore(partition, position, end.getValue())) {
                reached = false;
            }
        }
        return reached;
    }

    /** Whether a committed record lies between {@code from} (null = the beginning) and {@code end}. */
    private boolean hasRecordBefore(TopicPartition partition, Long from, long end) {
        probe.assign(List.of(partition));
        if (from == null) {
            probe.seekToBeginning(List.of(partition));
        } else {
            probe.seek(partition, from);
        }
        long deadline = System.nanoTime() + CALL_TIMEOUT.toNanos();
        while (probe.position(partition) < end) {
            if (probe.poll(CHECK_EVERY).records(partition).stream().anyMatch(record -> record.offset() < end)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return true; // could not tell: not caught up as far as anyone knows
            }
        }
        return false;
    }

    @Override
    public synchronized void close() {
        probe.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
