package dev.newsflow.stories;

import dev.newsflow.events.EntityCount;

/**
 * The entity key the enrich stage gave the entity ({@link EntityCount#key()}: its canonical name in Latin letters
 * as it sounds, the same across cases, languages and scripts); for an event written before entities had keys, the
 * same function ({@link dev.newsflow.events.EntityKeys#of}) applied to the name it has, so that every key, country
 * names' included, is of one kind. Stateless and thread-safe.
 */
public final class CanonicalEntityKeyer implements EntityKeyer {

    @Override
    public String key(EntityCount entity, String language) {
        if (entity.key() != null) {
            return entity.key();
        }
        return dev.newsflow.events.EntityKeys.of(entity.name() != null ? entity.name() : entity.text(), language);
    }
}
