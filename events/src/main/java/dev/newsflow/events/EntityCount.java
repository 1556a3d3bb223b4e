package dev.newsflow.events;

import static dev.newsflow.events.Fields.required;

/**
 * A distinct entity of an article and how often it is mentioned. Immutable.
 *
 * @param text  canonical form of the entity (its most frequent or longest mention)
 * @param type  person, organization or location
 * @param count mentions in title and body, at least 1
 */
public record EntityCount(String text, EntityType type, int count) {
    public EntityCount {
        text = required("text", text, Article.MAX_TITLE_LENGTH);
        Fields.present("type", type);
        if (count < 1) {
            throw new InvalidEventException("entity count must be at least 1, was " + count);
        }
    }
}
