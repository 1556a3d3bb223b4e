package dev.newsflow.plugins;

import dev.newsflow.consumer.runtime.InputRecord;
import dev.newsflow.consumer.runtime.SinkStage;
import dev.newsflow.consumer.runtime.TransientException;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.plugin.ArticleHandler;
import dev.newsflow.plugin.RetriableHandlerException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.TopicPartition;

/**
 * Runs an {@link ArticleHandler} as a stage of the runtime: it consumes the enriched topic, hands each article
 * to the handler, and keeps its offsets in Kafka (the consumer group's committed offsets, which the runner
 * commits after each batch). Delivery to the handler is at least once.
 *
 * <p>When the runner retries a batch (after a transient failure) or writes it record by record (to find the one
 * the handler rejects), the articles the handler already took are not handed to it again. Called from the
 * runner's thread only.
 */
final class PluginStage implements SinkStage {
    private final ArticleHandler handler;
    private final String enrichedTopic;
    private final CommittedOffsets committed;
    /** Partition -> offset after the last record the handler took since the partition was assigned. */
    private final Map<TopicPartition, Long> handledUpTo = new HashMap<>();
    /** The record the handler last rejected and why: when the runner hands it over again, the answer is the same. */
    private Rejection lastRejection;

    private record Rejection(TopicPartition partition, long offset, Exception error) {
    }

    PluginStage(ArticleHandler handler, String enrichedTopic, CommittedOffsets committed) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.enrichedTopic = Objects.requireNonNull(enrichedTopic, "enrichedTopic");
        this.committed = Objects.requireNonNull(committed, "committed");
    }

    /** The stage name of plug-in {@code pluginName}: {@code plugin-<name>}. */
    static String stageName(String pluginName) {
        return "plugin-" + pluginName;
    }

    @Override
    public String name() {
        return stageName(handler.name());
    }

    @Override
    public Map<String, Class<?>> inputs() {
        return Map.of(enrichedTopic, EnrichedArticle.class);
    }

    @Override
    public void onAssigned(Collection<TopicPartition> partitions) {
        partitions.forEach(handledUpTo::remove);
        lastRejection = null;
    }

    @Override
    public void write(List<InputRecord<?>> batch, Map<TopicPartition, Long> nextOffsets) throws Exception {
        for (InputRecord<?> input : batch) {
            long offset = input.record().offset();
            if (offset < handledUpTo.getOrDefault(input.partition(), Long.MIN_VALUE)) {
                continue;
            }
            if (lastRejection != null && lastRejection.partition().equals(input.partition()) && lastRejection.offset() == offset) {
                throw lastRejection.error();
            }
            try {
                handler.handle((EnrichedArticle) input.event());
            } catch (RetriableHandlerException e) {
                throw new TransientException("plug-in " + handler.name() + ": " + e.getMessage(), e);
            } catch (Exception e) {
                // The runner writes the batch again record by record to find this one; do not call the handler twice.
                lastRejection = new Rejection(input.partition(), offset, e);
                throw e;
            }
            handledUpTo.put(input.partition(), offset + 1);
        }
        // The offsets themselves are committed to Kafka by the runner once this returns.
    }

    @Override
    public Map<TopicPartition, Long> storedOffsets(Collection<TopicPartition> partitions)
            throws Exception {
        return committed.of(partitions);
    }

    @Override
    public void close() throws Exception {
        try {
            handler.close();
        } finally {
            committed.close();
        }
    }
}
