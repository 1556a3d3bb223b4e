package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RealKafkaExtension.class)
class DlqCommandTest {

    @Test
    void shouldListAPoisonRecordAndRepublishItToItsOriginalTopic(KafkaBroker broker, @TempDir Path dir) throws Exception {
        String suffix = KafkaBroker.uniqueName("dlq");
        String raw = "news.articles.raw." + suffix;
        CliRun run = CliRun.of("run", "--bootstrap-servers", broker.bootstrapServers(), "--exit-when-idle", "--port", "0",
                "--data-dir", dir.toString(), "--topic-suffix", suffix, "--pipeline-name", suffix, "../seeds");
        assertThat(run.exitCode()).isZero();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(raw, "poison", "{\"id\":\"p\",\"title\":\"no body\"}")).get();
        }
        CliRun stages = CliRun.of("run", "--bootstrap-servers", broker.bootstrapServers(), "--exit-when-idle", "--port", "0",
                "--data-dir", dir.toString(), "--topic-suffix", suffix, "--pipeline-name", suffix, "../seeds");
        assertThat(stages.stdout()).contains("dead letters: 1");

        CliRun list = CliRun.of("dlq", "list", "--bootstrap-servers", broker.bootstrapServers(), "--topic-suffix", suffix);

        assertThat(list.exitCode()).isZero();
        assertThat(list.stdout()).contains("offset 0  stage dedupe  from " + raw + "-0@1  dev.newsflow.events.InvalidEventException: "
                + "invalid Article: missing required field 'body'  key=poison")
                .contains("1 dead letters in news.articles.dlq." + suffix);

        CliRun republish = CliRun.of("dlq", "republish", "--offset", "0", "--bootstrap-servers", broker.bootstrapServers(),
                "--topic-suffix", suffix);

        assertThat(republish.exitCode()).isZero();
        assertThat(republish.stdout()).contains("re-published offset 0 to " + raw);
        List<ConsumerRecord<String, String>> rawRecords = readAll(broker, raw, 4);
        assertThat(rawRecords).last().satisfies(record -> {
            assertThat(record.key()).isEqualTo("poison");
            assertThat(record.value()).isEqualTo("{\"id\":\"p\",\"title\":\"no body\"}");
            assertThat(record.headers().lastHeader("dlq.stage")).isNull();
        });
    }

    private static List<ConsumerRecord<String, String>> readAll(KafkaBroker broker, String topic, int count) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
                "group.id", KafkaBroker.uniqueName("r"), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
