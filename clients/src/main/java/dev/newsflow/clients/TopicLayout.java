package dev.newsflow.clients;

import dev.newsflow.events.PipelineTopics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * How the pipeline's topics are laid out. {@code raw} has one partition on purpose: one active dedupe
 * instance sees every article in one order and so gives deterministic verdicts (the sequencer); the topics
 * after it are keyed by article id and spread over {@code partitions} so enrich and store scale out.
 * The dedupe and stories changelogs and the sources poller's state are compacted; story updates are keyed by story
 * id. Immutable.
 *
 * @param names             the topic names
 * @param partitions        partitions of unique, duplicates, enriched and stories (at least 1)
 * @param replicationFactor replicas of each topic, or -1 for the broker's default
 */
public record TopicLayout(PipelineTopics names, int partitions, short replicationFactor) {

    public static final int DEFAULT_PARTITIONS = 3;

    public TopicLayout {
        if (names == null) {
            throw new IllegalArgumentException("names must not be null");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        if (replicationFactor < 1 && replicationFactor != -1) {
            throw new IllegalArgumentException("replication factor must be at least 1 (or -1 for the broker default), was " + replicationFactor);
        }
    }

    public static TopicLayout defaults(PipelineTopics names) {
        return new TopicLayout(names, DEFAULT_PARTITIONS, (short) -1);
    }

    /** Every topic of the pipeline as it should be created. */
    public List<NewTopic> newTopics() {
        return List.of(
                topic(names.raw().name(), 1),
                topic(names.unique().name(), partitions),
                topic(names.duplicates().name(), partitions),
                topic(names.enriched().name(), partitions),
                topic(names.dlq().name(), 1),
                topic(names.dedupeIndex().name(), 1).configs(Map.of("cleanup.policy", "compact")),
                topic(names.stories().name(), partitions),
                topic(names.storiesIndex().name(), 1).configs(Map.of("cleanup.policy", "compact")),
                topic(names.sourcesState().name(), 1).configs(Map.of("cleanup.policy", "compact")));
    }

    private NewTopic topic(String name, int count) {
        return new NewTopic(name, java.util.Optional.of(count), java.util.Optional.of(replicationFactor)
                .filter(rf -> rf > 0));
    }
}
