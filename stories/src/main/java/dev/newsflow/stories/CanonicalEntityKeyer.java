package dev.newsflow.stories;

import dev.newsflow.events.EntityCount;

/**
 * The entity key the enrich stage gave the entity ({@link EntityCount#key()}: its canonical name in Latin letters
 * as it sounds, the same across cases, languages and scripts); for an event written before entities had keys,
 * the {@link TransliteratingEntityKeyer fallback}. Not thread-safe (the fallback is not): one per {@link StoryIndex}.
 */
public final class CanonicalEntityKeyer implements EntityKeyer {
    private final TransliteratingEntityKeyer fallback = new TransliteratingEntityKeyer();

    @Override
    public String key(EntityCount entity, String language) {
        return entity.key() != null ? entity.key() : fallback.key(entity, language);
    }
}
