package dev.newsflow.clients;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic, from the beginning to the end it has when the read starts, committed records only,
 * without joining a consumer group: how a changelog is restored or a dead-letter topic listed.
 */
public final class TopicSnapshot {
    private static final Duration POLL = Duration.ofMillis(200);

    private TopicSnapshot() {
    }

    /** Hands every committed record of {@code topic}, in offset order per partition, to {@code sink}. */
    public static void read(KafkaSettings settings, String topic, Consumer<ConsumerRecord<String, byte[]>> sink) {
        Map<String, Object> props = settings.consumer("unused", Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000));
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(POLL).forEach(sink);
            }
        }
    }

    /**
     * What a compacted topic holds: the latest value of every key whose latest record is not a tombstone, in the
     * order of those latest records (a restored state replays them as they were last written).
     */
    public static Map<String, byte[]> latestValues(KafkaSettings settings, String topic) {
        Map<String, byte[]> latest = new LinkedHashMap<>();
        read(settings, topic, record -> {
            latest.remove(record.key());
            if (record.value() != null) {
                latest.put(record.key(), record.value());
            }
        });
        return latest;
    }
}
