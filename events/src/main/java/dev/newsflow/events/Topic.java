package dev.newsflow.events;

import java.util.Objects;

/**
 * A Kafka topic of the pipeline and what it carries: its name, the type its values decode to, and the
 * CloudEvents type of the events on it. Consumers decode a record of this topic as {@code valueType} and
 * producers stamp it with {@code eventType}, so a stage never casts. Immutable and thread-safe.
 *
 * @param name      the topic name, not blank
 * @param valueType what a value decodes to; {@code byte[]} for a topic whose values are not events of the
 *                  contract (dead letters keep the original bytes; the dedupe changelog holds index entries)
 * @param eventType the CloudEvents type and source of its events, or {@code null} when the topic carries none
 *                  of its own (a dead letter keeps the original's headers; a changelog has none)
 * @param <V>       the value type
 */
public record Topic<V>(String name, Class<V> valueType, EventType eventType) {
    public Topic {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a topic name must not be blank");
        }
        Objects.requireNonNull(valueType, "valueType");
    }

    /** The same topic under the name {@code name + "." + suffix}. */
    public Topic<V> withSuffix(String suffix) {
        return new Topic<>(name + "." + suffix, valueType, eventType);
    }

    @Override
    public String toString() {
        return name;
    }
}
