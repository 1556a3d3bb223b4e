package dev.newsflow.cli;

import dev.newsflow.clients.CloudEvents;
import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.clients.TopicSnapshot;
import dev.newsflow.events.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Lists the dead-letter topic and re-publishes chosen dead letters to the topic they came from. */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "List the dead-letter topic, or re-publish dead letters to their original topic once fixed.",
        subcommands = {DlqCommand.ListLetters.class, DlqCommand.Republish.class})
final class DlqCommand {
    private static final int PREVIEW_CHARS = 120;

    /** Every committed dead letter, oldest first. */
    static List<ConsumerRecord<String, byte[]>> readAll(KafkaSettings settings, String topic) {
        List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
        TopicSnapshot.read(settings, topic, letters::add);
        return letters;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        return CloudEvents.read(record.headers(), name);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Print one line per dead letter.")
    static final class ListLetters implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Override
        public Integer call() {
            var letters = readAll(kafka.settings("localhost:9092"), kafka.topics().dlq().name());
            for (ConsumerRecord<String, byte[]> letter : letters) {
                String value = letter.value() == null ? "" : new String(letter.value(), StandardCharsets.UTF_8);
                System.out.printf("offset %d  stage %s  from %s-%s@%s  %s: %s  key=%s  value=%s%n", letter.offset(),
                        header(letter, DeadLetterHeaders.STAGE), header(letter, DeadLetterHeaders.ORIGINAL_TOPIC),
                        header(letter, DeadLetterHeaders.ORIGINAL_PARTITION), header(letter, DeadLetterHeaders.ORIGINAL_OFFSET),
                        header(letter, DeadLetterHeaders.ERROR_CLASS), header(letter, DeadLetterHeaders.ERROR_MESSAGE),
                        letter.key(), preview(value));
            }
            System.out.println(letters.size() + " dead letters in " + kafka.topics().dlq().name());
            return 0;
        }

        private static String preview(String value) {
            String flat = value.replaceAll("\\s+", " ");
            return flat.length() <= PREVIEW_CHARS ? flat : flat.substring(0, PREVIEW_CHARS) + "...";
        }
    }

    @Command(name = "republish", mixinStandardHelpOptions = true,
            description = "Re-publish the dead letters at the given offsets (or all) to their original topics, without the dlq.* headers.")
    static final class Republish implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Option(names = "--offset", paramLabel = "OFFSET", description = "Offset in the DLQ of a dead letter to re-publish; repeatable.")
        Set<Long> offsets = Set.of();

        @Option(names = "--all", description = "Re-publish every dead letter.")
        boolean all;

        @Override
        public Integer call() throws Exception {
            if (!all && offsets.isEmpty()) {
                throw new IllegalArgumentException("name the dead letters to re-publish with --offset, or use --all");
            }
            KafkaSettings settings = kafka.settings("localhost:9092");
            var chosen = readAll(settings, kafka.topics().dlq().name()).stream()
                    .filter(letter -> all || offsets.contains(letter.offset())).toList();
            try (var producer = new KafkaProducer<>(settings.producer(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)), new StringSerializer(), new ByteArraySerializer())) {
                for (ConsumerRecord<String, byte[]> letter : chosen) {
                    String topic = header(letter, DeadLetterHeaders.ORIGINAL_TOPIC);
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, letter.key(), letter.value());
                    for (Header h : letter.headers()) {
                        if (!h.key().startsWith("dlq.")) {
                            record.headers().add(h);
                        }
                    }
                    producer.send(record).get();
                    System.out.println("re-published offset " + letter.offset() + " to " + topic);
                }
            }
            System.out.println(chosen.size() + " dead letters re-published");
            return chosen.size() == (all ? chosen.size() : offsets.size()) ? 0 : 1;
        }
    }
}
