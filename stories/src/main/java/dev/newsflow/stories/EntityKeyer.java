package dev.newsflow.stories;

import dev.newsflow.events.EntityCount;

/**
 * Gives an entity the key under which the same person, organization or place meets itself across languages and
 * scripts: {@link CanonicalEntityKeyer}, the enrich stage's key.
 *
 * <p>A key is lower-case ASCII words separated by single spaces; {@link StoryIndex} compares keys word by word
 * through {@link EntityKeys#skeleton(String)}, so a key need not be exact, only consistent. Implementations must
 * be deterministic; they need not be thread-safe.
 */
public interface EntityKeyer {

    /**
     * The key of {@code entity} as found in an article of {@code language}.
     *
     * @param entity   the entity, not null
     * @param language ISO 639-1 code of the article ({@code "und"} when unknown), not null
     * @return the key, never null; empty when the entity has no letter or digit
     */
    String key(EntityCount entity, String language);
}
