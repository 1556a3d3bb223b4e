package dev.newsflow.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** How dedupe recognised a duplicate. */
public enum DuplicateMethod {
    /** Same normalized text, or the same article id seen again. */
    EXACT,
    /** Similar shingle sets (Jaccard or containment above the threshold). */
    NEAR;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
