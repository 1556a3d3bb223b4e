package dev.newsflow.consumer.stories;

import dev.newsflow.clients.CloudEvents;
import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.clients.TopicSnapshot;
import dev.newsflow.consumer.runtime.InputRecord;
import dev.newsflow.consumer.runtime.TransactionalStage;
import dev.newsflow.events.Article;
import dev.newsflow.events.ArticleOutcome;
import dev.newsflow.events.DuplicateArticle;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.EventJson;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.events.StoryDecision;
import dev.newsflow.events.StoryUpdate;
import dev.newsflow.events.Topic;
import dev.newsflow.stories.Assignment;
import dev.newsflow.stories.StoriesConfig;
import dev.newsflow.stories.StoryChangelog;
import dev.newsflow.stories.StoryEntry;
import dev.newsflow.stories.StoryIndex;
import dev.newsflow.stories.WaitingDuplicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code enriched + duplicates -> stories}: gives every article its story, after enrich.
 *
 * <p>A sequencer like dedupe: one instance of the group takes every input partition ({@link #sequencer()}) and the
 * others stand by, so one index sees every article in one order and gives deterministic verdicts. The index lives
 * in memory and is made durable by a compacted changelog topic ({@link StoryChangelog} keys: stories, remembered
 * articles, duplicates waiting for their original; tombstones when a story closes or an article is forgotten).
 * Changelog writes, story updates and the consumed offsets go out in one transaction, so the changelog always
 * matches the updates published; the index is rebuilt from it when partitions are assigned (before any verdict)
 * and after an aborted transaction, and a restart resumes exactly where the last commit left it.
 *
 * <p>Time: an article's time in its story is its publication time, or when it entered the pipeline (its record
 * timestamp, carried over from raw) when it has none or claims a later one. A duplicate usually arrives before its
 * original (dedupe sends the original through enrich, the duplicate straight here): it waits in the index until its
 * original is assigned, or until an enriched article that entered the pipeline {@code stories.duplicate.wait} later
 * shows the original is not coming. Called from the runner's thread only.
 */
public final class StoriesStage implements TransactionalStage<ArticleOutcome> {
    private static final Logger LOG = LoggerFactory.getLogger(StoriesStage.class);

    private final PipelineTopics topics;
    private final KafkaSettings kafka;
    private final StoriesConfig config;
    private StoryIndex index;

    public StoriesStage(PipelineTopics topics, KafkaSettings kafka, StoriesConfig config) {
        this.topics = Objects.requireNonNull(topics, "topics");
        this.kafka = Objects.requireNonNull(kafka, "kafka");
        this.config = Objects.requireNonNull(config, "config");
        this.index = new StoryIndex(config);
    }

    @Override
    public String name() {
        return "stories";
    }

    @Override
    public List<Topic<? extends ArticleOutcome>> inputs() {
        return List.of(topics.enriched(), topics.duplicates());
    }

    @Override
    public boolean sequencer() {
        return true;
    }

    /** Open stories in the index; for tests and metrics. */
    public int openStories() {
        return index.openStories();
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
    public List<ProducerRecord<String, byte[]>> process(InputRecord<ArticleOutcome> input) {
        Article article = input.event().article();
        Instant arrivedAt = Instant.ofEpochMilli(input.record().timestamp());
        Instant seenAt = timeInStory(article, arrivedAt);
        Changes outputs = new Changes(input);
        index.expire(seenAt).forEach(outputs::forget);
        if (input.event() instanceof EnrichedArticle enriched) {
            index.releaseOverdue(arrivedAt.minus(config.duplicateWait())).forEach(outputs::released);
            outputs.assigned(index.assign(enriched, seenAt), article);
            index.releaseWaitingFor(article.id()).forEach(outputs::released);
        } else {
            DuplicateArticle duplicate = (DuplicateArticle) input.event();
            if (index.remembers(duplicate.duplicateOf())) {
                outputs.assigned(index.inherit(article, duplicate.duplicateOf(), seenAt), article);
            } else {
                WaitingDuplicate waiting = index.hold(article, duplicate.duplicateOf(), seenAt, arrivedAt);
                outputs.changelog(StoryChangelog.waitingKey(article.id()), waiting.toBytes());
            }
        }
        return outputs.records;
    }

    /** The publication time, unless the article has none or claims one after it entered the pipeline. */
    static Instant timeInStory(Article article, Instant arrivedAt) {
        if (article.publishedAt() == null) {
            return arrivedAt;
        }
        Instant published = article.publishedAt().toInstant();
        return published.isAfter(arrivedAt) ? arrivedAt : published;
    }

    /** The records one input yields, in the order the index changed. */
    private final class Changes {
        private final InputRecord<ArticleOutcome> input;
        private final List<ProducerRecord<String, byte[]>> records = new ArrayList<>();

        Changes(InputRecord<ArticleOutcome> input) {
            this.input = input;
        }

        void forget(String changelogKey) {
            changelog(changelogKey, null);
        }

        void changelog(String key, byte[] value) {
            records.add(new ProducerRecord<>(topics.storiesIndex().name(), key, value));
        }

        void released(StoryIndex.Released released) {
            forget(StoryChangelog.waitingKey(released.duplicate().article().id()));
            assigned(released.assignment(), released.duplicate().article());
        }

        /** The changed story and article into the changelog, and the story update; nothing for a known article. */
        void assigned(Assignment assignment, Article article) {
            if (assignment instanceof Assignment.Known) {
                return;
            }
            StoryEntry story = assignment.story();
            changelog(StoryChangelog.storyKey(story.storyId()), story.toBytes());
            changelog(StoryChangelog.articleKey(assignment.article().articleId()), assignment.article().toBytes());
            Instant now = Instant.now();
            StoryUpdate update = new StoryUpdate(story.storyId(), article.id(), article.source(),
                    StoryDecision.valueOf(assignment.decidedBy().name()),
                    assignment instanceof Assignment.Joined joined ? joined.similarity().score() : null,
                    assignment.article().seenAt(), story.headline(), story.firstSeen(), story.lastSeen(),
                    story.articles(), story.reprints(), story.outlets().keySet().stream().filter(o -> !o.isBlank()).toList(),
                    List.copyOf(story.languages()), story.topEntities(), story.countries(), now);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topics.stories().name(), null,
                    input.record().timestamp(), story.storyId(), EventJson.toBytes(update));
            CloudEvents.write(record.headers(), topics.stories().eventType(), update.articleId(), story.storyId(), now);
            records.add(record);
        }
    }

    /** Reads the whole changelog (committed records only, the latest value of each key) into a fresh index. */
    private void restoreIndex() {
        long start = System.nanoTime();
        StoryIndex restored = new StoryIndex(config);
        TopicSnapshot.latestValues(kafka, topics.storiesIndex().name()).forEach(restored::restore);
        index = restored;
        LOG.info("Story index restored from {}: {} open stories, {} articles, {} duplicates waiting, in {} ms",
                topics.storiesIndex(), restored.openStories(), restored.rememberedArticles(), restored.waitingDuplicates(),
                (System.nanoTime() - start) / 1_000_000);
    }
}
