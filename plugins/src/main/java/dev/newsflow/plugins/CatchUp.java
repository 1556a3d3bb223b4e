package dev.newsflow.plugins;

import dev.newsflow.clients.KafkaSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Tells whether a consumer group has consumed every committed record of a topic. Comparing offsets alone is not
 * enough on a transactional topic: the commit markers take offsets too, so a group that consumed everything
 * still sits one offset per transaction short of the end. Where the committed offset is short of the end, a
 * group-less read-committed consumer looks for a record in between. Thread-safe: calls are serialized.
 */
final class CatchUp implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(100);
    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> probe;
    private final String groupId;
    private final String topic;

    CatchUp(KafkaSettings kafka, String groupId, String topic) {
        this.admin = Admin.create(kafka.admin());
        Map<String, Object> props = new HashMap<>(kafka.admin());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-catch-up");
        this.probe = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.groupId = groupId;
        this.topic = topic;
    }

    String groupId() {
        return groupId;
    }

    synchronized boolean caughtUp(Duration timeout) throws Exception {
        long timeoutMs = timeout.toMillis();
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(timeoutMs, TimeUnit.MILLISECONDS)
                .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(timeoutMs, TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(timeoutMs, TimeUnit.MILLISECONDS);
        for (TopicPartition partition : partitions) {
            long end = ends.get(partition).offset();
            OffsetAndMetadata done = committed.get(partition);
            if ((done == null || done.offset() < end) && hasRecordBefore(partition, done, end, timeout)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a committed record lies between {@code from} (the group's next offset, null = the beginning) and {@code end}. */
    private boolean hasRecordBefore(TopicPartition partition, OffsetAndMetadata from, long end, Duration timeout) {
        probe.assign(List.of(partition));
        if (from == null) {
            probe.seekToBeginning(List.of(partition));
        } else {
            probe.seek(partition, from.offset());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (probe.position(partition) < end) {
            if (!probe.poll(POLL).isEmpty()) {
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
