package dev.newsflow.consumer.pipeline;

import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.events.PipelineTopics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * What the stages of one process share: the cluster, the topics, the settings and the meter registry.
 * Immutable as far as its parts are.
 */
public record StageContext(KafkaSettings kafka, PipelineTopics topics, PipelineSettings settings, MeterRegistry registry) {
    public StageContext {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(registry, "registry");
    }
}
