package dev.newsflow.consumer.store;

import dev.newsflow.consumer.runtime.InputRecord;
import dev.newsflow.consumer.runtime.StoredOffsetsStage;
import dev.newsflow.consumer.runtime.TransientException;
import dev.newsflow.events.ArticleOutcome;
import dev.newsflow.events.PipelineOutcome;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.events.Topic;
import dev.newsflow.storage.ArticleStore;
import dev.newsflow.storage.PartitionOffset;
import dev.newsflow.storage.TransientStorageException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code enriched + duplicates + stories -> database}, with the offsets stored with the data: rows and the consumed offsets
 * are written in one database transaction and the runner resumes from the offsets in the database, so a crash
 * neither loses nor doubles a row; upsert by article id is the second line of defence. A busy, locked or
 * unreachable database is a transient failure (retried), anything else a bad batch. Records the end-to-end
 * latency (publish to stored) of articles from the record timestamps, which every stage carries over from the raw
 * record, and counts the articles and story updates it stored ({@link #articlesStored()}, {@link #storyUpdatesStored()};
 * thread-safe).
 */
public final class StoreStage implements StoredOffsetsStage<PipelineOutcome> {
    private final PipelineTopics topics;
    private final ArticleStore store;
    private final String offsetsGroup;
    private final Timer latency;
    private final AtomicLong articles = new AtomicLong();
    private final AtomicLong storyUpdates = new AtomicLong();

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
    public List<Topic<? extends PipelineOutcome>> inputs() {
        return List.of(topics.enriched(), topics.duplicates(), topics.stories());
    }

    /** Articles (originals and duplicates) this stage stored since start. */
    public long articlesStored() {
        return articles.get();
    }

    /** Story updates this stage stored since start. */
    public long storyUpdatesStored() {
        return storyUpdates.get();
    }

    @Override
    public void write(List<InputRecord<PipelineOutcome>> batch, Map<TopicPartition, Long> nextOffsets) {
        List<PipelineOutcome> events = new ArrayList<>(batch.size());
        batch.forEach(input -> events.add(input.event()));
        List<PartitionOffset> offsets = new ArrayList<>(nextOffsets.size());
        nextOffsets.forEach((partition, next) -> offsets.add(new PartitionOffset(partition.topic(), partition.partition(), next)));
        try {
            store.write(offsetsGroup, events, offsets);
        } catch (TransientStorageException e) {
            throw new TransientException(e.getMessage(), e);
        }
        long now = System.currentTimeMillis();
        int articlesInBatch = 0;
        for (InputRecord<PipelineOutcome> input : batch) {
            if (input.event() instanceof ArticleOutcome) {
                articlesInBatch++;
                latency.record(Duration.ofMillis(Math.max(0, now - input.record().timestamp())));
            }
        }
        articles.addAndGet(articlesInBatch);
        storyUpdates.addAndGet(batch.size() - articlesInBatch);
    }

    @Override
    public Map<TopicPartition, Long> storedOffsets(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> stored = new HashMap<>();
        try {
            partitions.stream().map(TopicPartition::topic).distinct().forEach(topic ->
                    store.nextOffsets(offsetsGroup, topic).forEach((partition, next) ->
                            stored.put(new TopicPartition(topic, partition), next)));
        } catch (TransientStorageException e) {
            throw new TransientException(e.getMessage(), e);
        }
        stored.keySet().retainAll(partitions);
        return stored;
    }
}
