package dev.newsflow.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** KAFKA-15591: an idempotent producer that starts as soon as {@link TopicProvisioner} returns loses nothing. */
@ExtendWith(RealKafkaExtension.class)
class FreshTopicProduceTest {
    private static final int PARTITIONS = 24;
    private static final int ROUNDS = 5;
    private static final int RECORDS = 2_000;

    @Test
    void shouldDeliverEveryRecordSentTheMomentTheTopicIsProvisioned(KafkaBroker broker) throws Exception {
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers());
        // Many partitions opened one after another widen the window between a published leader and an open
        // partition; no linger sends a batch to each at once; a delivery timeout well under the default two minutes
        // fails a lost batch soon, and well over a slow broker's answer.
        Map<String, Object> eager = Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 10,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        List<String> lost = new ArrayList<>();
        try (Admin admin = Admin.create(settings.admin())) {
            for (int round = 0; round < ROUNDS; round++) {
                String topic = KafkaBroker.uniqueName("fresh");
                TopicProvisioner.ensureTopics(admin, List.of(new NewTopic(topic, PARTITIONS, (short) 1)), Duration.ofSeconds(60));
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings.producer(eager),
                        new StringSerializer(), new StringSerializer())) {
                    List<Future<RecordMetadata>> sends = new ArrayList<>(RECORDS);
                    for (int i = 0; i < RECORDS; i++) {
                        sends.add(producer.send(new ProducerRecord<>(topic, i % PARTITIONS, "key-" + i, "record " + i)));
                    }
                    producer.flush();
                    for (int i = 0; i < RECORDS; i++) {
                        try {
                            sends.get(i).get();
                        } catch (ExecutionException e) {
                            lost.add(topic + " record " + i + ": " + e.getCause());
                        }
                    }
                }
            }
        }
        assertThat(lost).isEmpty();
    }
}
