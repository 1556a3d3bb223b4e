package dev.newsflow.events;

import java.util.List;

/**
 * The one place that defines the pipeline's topics: each one's name, value type and CloudEvents type.
 * Production runs use {@link #DEFAULT}; tests give each run its own names with {@link #withSuffix(String)} so
 * that runs sharing a broker never see each other's records. Immutable and thread-safe.
 *
 * @param raw         articles as published by the producer; key = article id
 * @param unique      first-seen articles, as dedupe passed them on
 * @param duplicates  repeats of earlier articles with dedupe's verdict
 * @param enriched    unique articles with language, entities, countries, keywords, summary
 * @param dlq         records a stage could not process, original key, value and headers plus provenance headers
 * @param dedupeIndex compacted changelog of the dedupe index; key = article id
 * @param stories     story updates: an article was given its story, and the story as it stands; key = story id
 * @param storiesIndex compacted changelog of the stories stage's index; key = {@code story/<id>}, {@code article/<id>}
 *                    or {@code waiting/<id>}
 * @param sourcesState compacted memory of the sources poller: validators, schedules and the items it published
 */
public record PipelineTopics(Topic<Article> raw, Topic<Article> unique, Topic<DuplicateArticle> duplicates,
                             Topic<EnrichedArticle> enriched, Topic<byte[]> dlq, Topic<byte[]> dedupeIndex,
                             Topic<StoryUpdate> stories, Topic<byte[]> storiesIndex, Topic<byte[]> sourcesState) {

    public static final PipelineTopics DEFAULT = new PipelineTopics(
            new Topic<>("news.articles.raw", Article.class, EventType.RAW),
            new Topic<>("news.articles.unique", Article.class, EventType.UNIQUE),
            new Topic<>("news.articles.duplicates", DuplicateArticle.class, EventType.DUPLICATE),
            new Topic<>("news.articles.enriched", EnrichedArticle.class, EventType.ENRICHED),
            new Topic<>("news.articles.dlq", byte[].class, null),
            new Topic<>("news.dedupe.index", byte[].class, null),
            new Topic<>("news.stories", StoryUpdate.class, EventType.STORY),
            new Topic<>("news.stories.index", byte[].class, null),
            new Topic<>("news.sources.state", byte[].class, null));

    public PipelineTopics {
        for (Topic<?> topic : new Topic<?>[] {raw, unique, duplicates, enriched, dlq, dedupeIndex, stories, storiesIndex, sourcesState}) {
            if (topic == null) {
                throw new IllegalArgumentException("every topic of the pipeline must be given");
            }
        }
    }

    /** The default topics, each name followed by {@code "." + suffix}. */
    public static PipelineTopics withSuffix(String suffix) {
        PipelineTopics d = DEFAULT;
        return new PipelineTopics(d.raw.withSuffix(suffix), d.unique.withSuffix(suffix), d.duplicates.withSuffix(suffix),
                d.enriched.withSuffix(suffix), d.dlq.withSuffix(suffix), d.dedupeIndex.withSuffix(suffix),
                d.stories.withSuffix(suffix), d.storiesIndex.withSuffix(suffix), d.sourcesState.withSuffix(suffix));
    }

    /** The topics that carry articles, in pipeline order (the dead-letter topic last). */
    public List<Topic<?>> articleTopics() {
        return List.of(raw, unique, duplicates, enriched, dlq);
    }
}
