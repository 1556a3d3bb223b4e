package dev.newsflow.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.clients.TopicProvisioner;
import dev.newsflow.clients.TopicSnapshot;
import dev.newsflow.events.EventJson;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poller's memory in a compacted Kafka topic (one partition), as the dedupe index keeps its own: one record
 * per source (validators, next poll, failures) and one per item (id, stamp, hash), keyed so that compaction keeps
 * the latest of each; a removed item is a tombstone. Read whole at start; written as the poller goes, an item
 * only after its article was acknowledged, so a crash can at worst publish an item again (dedupe sees a re-send),
 * never skip one. Thread-safe (KafkaProducer is; loading happens before polling).
 */
public final class SourceStateStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SourceStateStore.class);
    private static final ObjectMapper JSON = EventJson.mapper();

    private final KafkaSettings settings;
    private final String topic;
    private final KafkaProducer<String, byte[]> producer;

    /** Creates the topic when missing (compacted, one partition) and a producer for it. */
    public SourceStateStore(KafkaSettings settings, String topic) {
        this.settings = settings;
        this.topic = topic;
        try (Admin admin = Admin.create(settings.admin())) {
            TopicProvisioner.ensureTopics(admin, List.of(new NewTopic(topic, java.util.Optional.of(1),
                    java.util.Optional.empty()).configs(Map.of("cleanup.policy", "compact"))), Duration.ofSeconds(60));
        }
        this.producer = new KafkaProducer<>(settings.producer(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 20)),
                new StringSerializer(), new ByteArraySerializer());
    }

    public String topic() {
        return topic;
    }

    /** Everything remembered, by source name. */
    Snapshot load() {
        Map<String, SourceState> sources = new HashMap<>();
        Map<String, Map<String, ItemState>> items = new HashMap<>();
        long[] records = {0};
        TopicSnapshot.read(settings, topic, record -> {
            records[0]++;
            String key = record.key();
            if (key == null) {
                return;
            }
            if (record.value() == null) {
                Key parsed = Key.parse(key);
                if (parsed != null && parsed.item != null) {
                    Map<String, ItemState> of = items.get(parsed.source);
                    if (of != null) {
                        of.remove(parsed.item);
                    }
                }
                return;
            }
            try {
                JsonNode node = JSON.readTree(record.value());
                String source = node.path("source").asText();
                if (node.has("item")) {
                    items.computeIfAbsent(source, s -> new HashMap<>())
                            .put(node.get("item").asText(), JSON.treeToValue(node.get("state"), ItemState.class));
                } else {
                    sources.put(source, JSON.treeToValue(node.get("state"), SourceState.class));
                }
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Skipping an unreadable record of {} (key {}): {}", topic, key, e.getMessage());
            }
        });
        LOG.info("Source state restored from {}: {} sources, {} items ({} records)", topic, sources.size(),
                items.values().stream().mapToInt(Map::size).sum(), records[0]);
        return new Snapshot(sources, items);
    }

    void putSource(String source, SourceState state) {
        send(Key.source(source), value(source, null, state));
    }

    void putItem(String source, String item, ItemState state) {
        send(Key.item(source, item), value(source, item, state));
    }

    void removeItem(String source, String item) {
        producer.send(new ProducerRecord<>(topic, Key.item(source, item), null));
    }

    void flush() {
        producer.flush();
    }

    private void send(String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
            if (error != null) {
                LOG.warn("Could not write source state {} to {}: {}", key, topic, error.toString());
            }
        });
    }

    private static byte[] value(String source, String item, Object state) {
        ObjectNode node = JSON.createObjectNode().put("source", source);
        if (item != null) {
            node.put("item", item);
        }
        node.set("state", JSON.valueToTree(state));
        return EventJson.toBytes(node);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    /** What {@link #load} found. */
    record Snapshot(Map<String, SourceState> sources, Map<String, Map<String, ItemState>> items) {
    }

    /** Record keys: {@code source <name>} and {@code item <length of name>:<name> <item key>}, so no name can clash. */
    private record Key(String source, String item) {
        static String source(String name) {
            return "source " + name;
        }

        static String item(String name, String item) {
            return "item " + name.length() + ":" + name + " " + item;
        }

        static Key parse(String key) {
            if (key.startsWith("source ")) {
                return new Key(key.substring(7), null);
            }
            try {
                if (key.startsWith("item ")) {
                    int colon = key.indexOf(':', 5);
                    int length = Integer.parseInt(key.substring(5, colon));
                    return new Key(key.substring(colon + 1, colon + 1 + length), key.substring(colon + 2 + length));
                }
            } catch (RuntimeException notOurs) {
                // a key this store did not write: ignored
            }
            return null;
        }
    }
}
