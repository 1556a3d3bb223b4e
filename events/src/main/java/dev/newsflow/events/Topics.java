package dev.newsflow.events;

import java.util.List;

/** The names of newsflow's Kafka topics. Every stage and consumer refers to them through here. */
public final class Topics {
    /** Articles as published by the producer; key = article id; value = {@link Article}. */
    public static final String RAW = "news.articles.raw";
    /** First-seen articles; key = article id; value = {@link Article}. */
    public static final String UNIQUE = "news.articles.unique";
    /** Repeats of earlier articles; key = article id; value = {@link DuplicateArticle}. */
    public static final String DUPLICATES = "news.articles.duplicates";
    /** Unique articles with language, entities, countries, keywords, summary; value = {@link EnrichedArticle}. */
    public static final String ENRICHED = "news.articles.enriched";
    /** Records a stage could not process, with provenance headers; value = the original bytes. */
    public static final String DLQ = "news.articles.dlq";
    /** Compacted changelog of the dedupe index; key = article id. */
    public static final String DEDUPE_INDEX = "news.dedupe.index";

    private Topics() {
    }

    /** The topics that carry articles, in pipeline order. */
    public static List<String> articleTopics() {
        return List.of(RAW, UNIQUE, DUPLICATES, ENRICHED, DLQ);
    }
}
