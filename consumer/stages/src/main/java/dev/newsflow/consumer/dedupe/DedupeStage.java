package dev.newsflow.consumer.dedupe;

import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.clients.TopicSnapshot;
import dev.newsflow.consumer.runtime.InputRecord;
import dev.newsflow.consumer.runtime.Outputs;
import dev.newsflow.consumer.runtime.TransactionalStage;
import dev.newsflow.dedupe.DedupeConfig;
import dev.newsflow.dedupe.DedupeIndex;
import dev.newsflow.dedupe.IndexEntry;
import dev.newsflow.dedupe.Verdict;
import dev.newsflow.events.Article;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.events.Topic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code raw -> unique | duplicates}: gives every article exactly one verdict.
 *
 * <p>The index lives in memory and is made durable by a compacted changelog topic (key = article id, value =
 * {@link IndexEntry} bytes, tombstone when an article ages out of the window). Changelog writes, verdicts and
 * the consumed offset go out in one transaction, so the changelog always matches the verdicts given. The index
 * is rebuilt from the changelog when the raw partition is assigned (before any verdict) and after an aborted
 * transaction.
 *
 * <p>Scaling: {@code raw} has one partition, so one instance of the group judges (the sequencer) and any other
 * stands by, taking over with the same index when the active one dies. Called from the runner's thread only.
 */
public final class DedupeStage implements TransactionalStage<Article> {
    private static final Logger LOG = LoggerFactory.getLogger(DedupeStage.class);

    private final PipelineTopics topics;
    private final KafkaSettings kafka;
    private final DedupeConfig config;
    private DedupeIndex index;

    public DedupeStage(PipelineTopics topics, KafkaSettings kafka, DedupeConfig config) {
        this.topics = topics;
        this.kafka = kafka;
        this.config = config;
        this.index = new DedupeIndex(config);
    }

    @Override
    public String name() {
        return "dedupe";
    }

    @Override
    public List<Topic<? extends Article>> inputs() {
        return List.of(topics.raw());
    }

    /** The number of articles the index holds; for tests and metrics. */
    public int indexedArticles() {
        return index.size();
    }

    @Override
    public void onAssigned(Collection<TopicPartition> partitions) {
        restoreIndex();
    }

    @Override
    public void onAbort() {
        restoreIndex();
    }

    @Override
    public List<ProducerRecord<String, byte[]>> process(InputRecord<Article> input) {
        Article article = input.event();
        Instant seenAt = Instant.ofEpochMilli(input.record().timestamp());
        List<ProducerRecord<String, byte[]>> outputs = new ArrayList<>();
        for (String expired : index.expire(seenAt)) {
            outputs.add(new ProducerRecord<>(topics.dedupeIndex().name(), expired, null));
        }
        Verdict verdict = index.judge(article, seenAt);
        if (verdict instanceof Verdict.Unique unique) {
            outputs.add(new ProducerRecord<>(topics.dedupeIndex().name(), article.id(), unique.entry().toBytes()));
            outputs.add(Outputs.derived(topics.unique(), article.id(), article, input));
        } else {
            Verdict.Duplicate duplicate = (Verdict.Duplicate) verdict;
            outputs.add(Outputs.derived(topics.duplicates(), article.id(), duplicate.toEvent(article, Instant.now()), input));
        }
        return outputs;
    }

    /** Reads the whole changelog (committed records only) into a fresh index. */
    private void restoreIndex() {
        long start = System.nanoTime();
        Map<String, byte[]> entries = TopicSnapshot.latestValues(kafka, topics.dedupeIndex().name());
        DedupeIndex restored = new DedupeIndex(config, entries.size());
        entries.values().stream()
                .map(IndexEntry::fromBytes)
                .sorted(Comparator.comparing(IndexEntry::firstSeen))
                .forEach(restored::restore);
        index = restored;
        LOG.info("Dedupe index restored from {}: {} articles in {} ms", topics.dedupeIndex(), restored.size(),
                (System.nanoTime() - start) / 1_000_000);
    }
}
