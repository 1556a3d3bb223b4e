package dev.newsflow.stories;

/**
 * Which similarity decided an article's story: for a join, the component that contributed most to the winning
 * score; {@link #NEW} when no story scored enough; {@link #DUPLICATE} when the article inherited its original's
 * story. Shown to users as the "why grouped".
 */
public enum Signal {
    /** TF-IDF cosine of title and body stems. */
    TEXT,
    /** TF-IDF cosine of the titles' stems. */
    TITLE,
    /** Shared entity keys (people, organizations, places), across scripts. */
    ENTITIES,
    /** Shared places. */
    PLACES,
    /** Shared countries. */
    COUNTRIES,
    /** Shared keywords. */
    KEYWORDS,
    /** No story was similar enough: the article opened one. */
    NEW,
    /** A duplicate: it joined its original's story. */
    DUPLICATE,
    /** The article was assigned before: a re-delivery keeps its story. */
    KNOWN
}
