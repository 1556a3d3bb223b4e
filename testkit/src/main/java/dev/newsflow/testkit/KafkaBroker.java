package dev.newsflow.testkit;

import java.util.Map;
import java.util.UUID;

/**
 * A real Kafka broker handed to a test by {@link RealKafkaExtension}: inject it as a test or lifecycle method
 * parameter. Shared by every test of the run; tests keep apart by using {@link #uniqueName(String)} topics
 * and groups. Thread-safe.
 */
public interface KafkaBroker {

    /** The bootstrap address of the broker, {@code host:port}. */
    String bootstrapServers();

    /** Where the broker runs: {@code embedded} or {@code testcontainers}. */
    String kind();

    /** Client properties that reach the broker, to add one's own settings to. */
    default Map<String, Object> clientProperties() {
        return Map.of("bootstrap.servers", bootstrapServers());
    }

    /** A fresh topic or group name for one test: {@code prefix-<random>}. */
    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
