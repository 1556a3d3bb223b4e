package dev.newsflow.events;

import static dev.newsflow.events.Fields.required;

/**
 * A distinct entity of an article and how often it is mentioned. Immutable.
 *
 * @param text  the entity's most frequent (then longest) mention as written
 * @param type  person, organization or location
 * @param count mentions in title and body, at least 1
 * @param name  the canonical name: the base form of the name (nominative, without case suffixes) in its fullest
 *              form in the article ("Владимир Путин" for the mentions "Путина" and "Владимира Путина"), or null
 *              (events written before names existed)
 * @param key   a key shared by every spelling of the name across articles, languages and scripts (Ташкент,
 *              Toshkent, Tashkent, Taşkent; {@link EntityKeys}), for counting one entity once; or null (older events)
 * @param confidence the highest confidence of its mentions ({@link EntityMention#confidence()}), or null (older events)
 */
public record EntityCount(String text, EntityType type, int count, String name, String key, Double confidence) {
    public EntityCount {
        text = required("text", text, Article.MAX_TITLE_LENGTH);
        Fields.present("type", type);
        if (count < 1) {
            throw new InvalidEventException("entity count must be at least 1, was " + count);
        }
        name = Fields.optional("name", name, Article.MAX_TITLE_LENGTH);
        key = Fields.optional("key", key, Article.MAX_TITLE_LENGTH);
        requireProbability("confidence", confidence);
    }

    /** An entity without canonical name, key and confidence, as events before them had. */
    public EntityCount(String text, EntityType type, int count) {
        this(text, type, count, null, null, null);
    }

    /** Whether a dashboard asking for entities at least {@code minimum} sure shows it; an older event's always. */
    public boolean isAtLeast(double minimum) {
        return confidence == null || confidence >= minimum;
    }

    /** The canonical name, or the text where an older event has none. */
    public String displayName() {
        return name != null ? name : text;
    }

    static void requireProbability(String field, Double value) {
        if (value != null && !(value >= 0.0 && value <= 1.0)) {
            throw new InvalidEventException("field '" + field + "' must be within 0..1, was " + value);
        }
    }
}
