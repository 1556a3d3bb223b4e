package dev.newsflow.consumer.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Reads a consumer group's committed offsets from Kafka. Stateless. */
final class GroupOffsets {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private GroupOffsets() {
    }

    /** The next offset of each of {@code partitions} that {@code groupId} has committed; others are absent. */
    static Map<TopicPartition, Long> of(Admin admin, String groupId, Collection<TopicPartition> partitions) throws Exception {
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
}
