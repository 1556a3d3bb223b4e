package dev.newsflow.events;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why the stories stage put an article in its story: it opened the story, it repeats an article of the story (a
 * reprint), or the similarity that weighed most when it joined.
 */
public enum StoryDecision {
    /** No open story was similar enough: the article opened this one. */
    NEW,
    /** A duplicate of an article of the story (dedupe's verdict): a reprint. */
    DUPLICATE,
    /** TF-IDF similarity of title and body. */
    TEXT,
    /** TF-IDF similarity of the headline. */
    TITLE,
    /** Shared people, organizations and places (the bridge between languages). */
    ENTITIES,
    /** Shared places. */
    PLACES,
    /** Shared countries. */
    COUNTRIES,
    /** Shared keywords. */
    KEYWORDS;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
