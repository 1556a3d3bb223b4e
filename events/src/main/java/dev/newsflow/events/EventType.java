package dev.newsflow.events;

/**
 * The CloudEvents {@code type} of each event. A breaking change of an event's shape gets a new version
 * suffix and a new topic; adding a field does not.
 */
public enum EventType {
    RAW("dev.newsflow.article.raw.v1", "/newsflow/producer"),
    UNIQUE("dev.newsflow.article.unique.v1", "/newsflow/dedupe"),
    DUPLICATE("dev.newsflow.article.duplicate.v1", "/newsflow/dedupe"),
    ENRICHED("dev.newsflow.article.enriched.v1", "/newsflow/enrich"),
    STORY("dev.newsflow.story.updated.v1", "/newsflow/stories");

    private final String type;
    private final String source;

    EventType(String type, String source) {
        this.type = type;
        this.source = source;
    }

    /** The {@code ce_type} header value. */
    public String type() {
        return type;
    }

    /** The {@code ce_source} header value: the stage that produced the event. */
    public String source() {
        return source;
    }
}
