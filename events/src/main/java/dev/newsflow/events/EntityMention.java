package dev.newsflow.events;

import static dev.newsflow.events.Fields.required;

/**
 * One mention of a named entity, located by character offsets in one field of the article:
 * {@code article.title().substring(start, end)} (or body) equals {@code text}. Immutable.
 *
 * @param text       the mention as written (the surface form, inflected as in the text)
 * @param type       person, organization or location
 * @param field      {@code "title"} or {@code "body"}
 * @param start      offset of the first character (UTF-16 units, as Java and JavaScript count)
 * @param end        offset after the last character
 * @param key        the key of the entity mentioned ({@link EntityCount#key()}), or null (events written before
 *                   keys existed)
 * @param confidence the recognizer's probability, 0..1, that this is an entity of this type, or null (older events)
 */
public record EntityMention(String text, EntityType type, String field, int start, int end, String key, Double confidence) {

    public static final String TITLE = "title";
    public static final String BODY = "body";

    public EntityMention {
        text = required("text", text, Article.MAX_TITLE_LENGTH);
        Fields.present("type", type);
        if (!TITLE.equals(field) && !BODY.equals(field)) {
            throw new InvalidEventException("field 'field' must be 'title' or 'body', was " + field);
        }
        if (start < 0 || end <= start) {
            throw new InvalidEventException("mention offsets must satisfy 0 <= start < end, were " + start + ".." + end);
        }
        key = Fields.optional("key", key, Article.MAX_TITLE_LENGTH);
        EntityCount.requireProbability("confidence", confidence);
    }

    /** Whether a dashboard asking for mentions at least {@code minimum} sure shows it; an older event's always. */
    public boolean isAtLeast(double minimum) {
        return confidence == null || confidence >= minimum;
    }

    /** A mention without key and confidence, as events before them had. */
    public EntityMention(String text, EntityType type, String field, int start, int end) {
        this(text, type, field, start, end, null, null);
    }
}
