package dev.newsflow.consumer.store;

import dev.newsflow.consumer.runtime.InputRecord;
import dev.newsflow.consumer.runtime.SinkStage;
import dev.newsflow.events.DuplicateArticle;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.storage.ArticleStore;
import dev.newsflow.storage.PartitionOffset;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code enriched + duplicates -> database}. Rows and the consumed offsets are written in one database
 * transaction and the runner resumes from the offsets in the database, so a crash neither loses nor doubles a
 * row; upsert by article id is the second line of defence. Records the end-to-end latency (publish to stored)
 * from the record timestamps, which every stage carries over from the raw record.
 */
public final class StoreStage implements SinkStage {
    private final PipelineTopics topics;
    private final ArticleStore store;
    private final String offsetsGroup;
    private final Timer latency;

    /**
     * @param offsetsGroup the name under which the database keeps this stage's offsets (its consumer group)
     */
    public StoreStage(PipelineTopics topics, ArticleStore store, String offsetsGroup, MeterRegistry registry) {
        this.topics = Objects.requireNonNull(topics, "topics");
        this.store = Objects.requireNonNull(store, "store");
        this.offsetsGroup = Objects.requireNonNull(offsetsGroup, "offsetsGroup");
        this.latency = Timer.builder("newsflow.pipeline.latency")
                .description("Time from publishing an article to storing it")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    @Override
    public String name() {
        return "store";
    }

    @Override
    public Map<String, Class<?>> inputs() {
        return Map.of(topics.enriched(), EnrichedArticle.class, topics.duplicates(), DuplicateArticle.class);
    }

    @Override
    public void write(List<InputRecord<?>> batch, Map<TopicPartition, Long> nextOffsets) {
        List<Object> events = new ArrayList<>(batch.size());
        batch.forEach(input -> events.add(input.event()));
        List<PartitionOffset> offsets = new ArrayList<>(nextOffsets.size());
        nextOffsets.forEach((partition, next) -> offsets.add(new PartitionOffset(partition.topic(), partition.partition(), next)));
        store.write(offsetsGroup, events, offsets);
        long now = System.currentTimeMillis();
        batch.forEach(input -> latency.record(Duration.ofMillis(Math.max(0, now - input.record().timestamp()))));
    }

    @Override
    public Map<TopicPartition, Long> storedOffsets(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> stored = new HashMap<>();
        partitions.stream().map(TopicPartition::topic).distinct().forEach(topic ->
                store.nextOffsets(offsetsGroup, topic).forEach((partition, next) ->
                        stored.put(new TopicPartition(topic, partition), next)));
        stored.keySet().retainAll(partitions);
        return stored;
    }
}
