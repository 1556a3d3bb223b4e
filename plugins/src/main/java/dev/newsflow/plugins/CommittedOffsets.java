package dev.newsflow.plugins;

import dev.newsflow.clients.KafkaSettings;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a consumer group's committed offsets from Kafka, so that a plug-in stage resumes where its group left
 * off. Thread-safe.
 */
final class CommittedOffsets implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final Admin admin;
    private final String groupId;

    CommittedOffsets(KafkaSettings kafka, String groupId) {
        this.admin = Admin.create(kafka.admin());
        this.groupId = groupId;
    }

    /** Next offset to consume for each of {@code partitions} that the group has committed; others are absent. */
    Map<TopicPartition, Long> of(Collection<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin
                .listConsumerGroupOffsets(Map.of(groupId, new ListConsumerGroupOffsetsSpec().topicPartitions(partitions)))
                .partitionsToOffsetAndMetadata(groupId).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> next = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                next.put(partition, offset.offset());
            }
        });
        return next;
    }

    String groupId() {
        return groupId;
    }

    Admin admin() {
        return admin;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
