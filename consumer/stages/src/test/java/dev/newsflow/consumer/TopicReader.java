package dev.newsflow.consumer;

import dev.newsflow.testkit.KafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads committed records of a topic from its beginning, as an independent downstream consumer would. */
final class TopicReader {
    private TopicReader() {
    }

    /** Waits until {@code count} records arrived (or 60 s passed), then reads on briefly to catch any extra. */
    static List<ConsumerRecord<String, byte[]>> read(KafkaBroker broker, String topic, int count) {
        Map<String, Object> props = Map.of("bootstrap.servers", broker.bootstrapServers(),
                "group.id", KafkaBroker.uniqueName("reader"), "auto.offset.reset", "earliest",
                "isolation.level", "read_committed");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
