package dev.newsflow.clients;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How to reach a Kafka cluster: the bootstrap address plus pass-through client properties (TLS, SASL, ...)
 * read from a properties file. newsflow's own settings for delivery semantics (acks, idempotence,
 * isolation level) are laid over them, so a properties file can secure a client but never weaken it.
 * {@link #toString()} never shows secrets. Immutable and thread-safe.
 */
public final class KafkaSettings {
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";

    private final Map<String, String> passThrough;

    private KafkaSettings(Map<String, String> passThrough) {
        String bootstrap = passThrough.get(BOOTSTRAP_SERVERS);
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalArgumentException(BOOTSTRAP_SERVERS + " must name at least one host:port");
        }
        this.passThrough = Map.copyOf(passThrough);
    }

    public static KafkaSettings of(String bootstrapServers) {
        return new KafkaSettings(Map.of(BOOTSTRAP_SERVERS, bootstrapServers));
    }

    /**
     * Reads client properties from {@code configFile} (may be null); a non-null {@code bootstrapServers}
     * overrides the file's.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read
     */
    public static KafkaSettings load(String bootstrapServers, Path configFile) {
        Map<String, String> props = new HashMap<>();
        if (configFile != null) {
            Properties file = new Properties();
            try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                file.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read Kafka client properties " + configFile + ": " + e.getMessage(), e);
            }
            file.stringPropertyNames().forEach(name -> props.put(name, file.getProperty(name)));
        }
        if (bootstrapServers != null) {
            props.put(BOOTSTRAP_SERVERS, bootstrapServers);
        }
        return new KafkaSettings(props);
    }

    public String bootstrapServers() {
        return passThrough.get(BOOTSTRAP_SERVERS);
    }

    /** Admin client properties. */
    public Map<String, Object> admin() {
        return new HashMap<>(passThrough);
    }

    /** Producer properties: the pass-through ones with {@code own} laid over them. */
    public Map<String, Object> producer(Map<String, Object> own) {
        Map<String, Object> props = new HashMap<>(passThrough);
        props.putAll(own);
        return props;
    }

    /** Consumer properties for {@code groupId}: the pass-through ones with {@code own} laid over them. */
    public Map<String, Object> consumer(String groupId, Map<String, Object> own) {
        Map<String, Object> props = new HashMap<>(passThrough);
        props.put("group.id", groupId);
        props.putAll(own);
        return props;
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        passThrough.forEach((key, value) -> shown.put(key, isSecret(key) ? "[hidden]" : value));
        return "KafkaSettings" + shown;
    }

    static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("jaas") || lower.contains("secret")
                || lower.contains("token") || lower.endsWith(".key");
    }
}
