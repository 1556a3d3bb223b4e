package dev.newsflow.serve;

import dev.newsflow.events.PipelineTopics;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of {@link KafkaArticleFeed}. Immutable; invalid values are rejected naming their key.
 *
 * @param bootstrapServers {@value #BOOTSTRAP_SERVERS}: Kafka {@code host:port[,host:port]}, required
 * @param topic            {@value #TOPIC}: the topic to tail, default {@link Topics#ENRICHED}
 * @param pollTimeout      {@value #POLL_TIMEOUT_MS}: longest wait of one poll, 10..10000 ms, default 500
 */
public record LiveFeedConfig(String bootstrapServers, String topic, Duration pollTimeout) {
    public static final String BOOTSTRAP_SERVERS = "feed.bootstrap.servers";
    public static final String TOPIC = "feed.topic";
    public static final String POLL_TIMEOUT_MS = "feed.poll.timeout.ms";
    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMillis(500);

    public LiveFeedConfig {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException(BOOTSTRAP_SERVERS + " is required, e.g. localhost:9092");
        }
        topic = topic == null || topic.isBlank() ? PipelineTopics.DEFAULT.enriched().name() : topic;
        pollTimeout = Objects.requireNonNullElse(pollTimeout, DEFAULT_POLL_TIMEOUT);
        if (pollTimeout.toMillis() < 10 || pollTimeout.toMillis() > 10_000) {
            throw new IllegalArgumentException(POLL_TIMEOUT_MS + " must be within 10..10000, was " + pollTimeout.toMillis());
        }
    }

    /** Tails {@link Topics#ENRICHED} at the given brokers with default settings. */
    public static LiveFeedConfig of(String bootstrapServers) {
        return new LiveFeedConfig(bootstrapServers, PipelineTopics.DEFAULT.enriched().name(), DEFAULT_POLL_TIMEOUT);
    }

    /** Reads the keys above from string properties (for example a CLI's options or a properties file). */
    public static LiveFeedConfig fromProperties(Map<String, String> properties) {
        String timeout = properties.get(POLL_TIMEOUT_MS);
        Duration pollTimeout = DEFAULT_POLL_TIMEOUT;
        if (timeout != null) {
            try {
                pollTimeout = Duration.ofMillis(Long.parseLong(timeout.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(POLL_TIMEOUT_MS + " must be a number of milliseconds, was '"
                        + timeout + "'", e);
            }
        }
        return new LiveFeedConfig(properties.get(BOOTSTRAP_SERVERS), properties.get(TOPIC), pollTimeout);
    }
}
