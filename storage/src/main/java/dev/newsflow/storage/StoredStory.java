package dev.newsflow.storage;

import dev.newsflow.events.EntityCount;
import java.util.List;
import java.util.Objects;

/**
 * One row of {@code stories}: a story as its latest update left it. Immutable; lists are never null.
 *
 * @param id                 {@code s-} and the id of the article that opened it
 * @param headline           the headline of that article
 * @param firstSeen          the time of its first article, ISO-8601 UTC
 * @param lastSeen           the time of its latest article, ISO-8601 UTC
 * @param articles           articles in the story, reprints included
 * @param reprints           articles that repeat another article's text
 * @param independentOutlets distinct outlets of its original articles
 * @param outlets            those outlets, sorted
 * @param languages          ISO 639-1 codes of its articles, sorted
 * @param countries          ISO 3166-1 codes its articles name, most named first
 * @param topEntities        the entities its articles mention most, most first
 * @param updatedAt          when the stories stage made the update, ISO-8601 UTC
 */
public record StoredStory(
        String id,
        String headline,
        String firstSeen,
        String lastSeen,
        int articles,
        int reprints,
        int independentOutlets,
        List<String> outlets,
        List<String> languages,
        List<String> countries,
        List<EntityCount> topEntities,
        String updatedAt) {

    public StoredStory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(headline, "headline");
        outlets = List.copyOf(outlets);
        languages = List.copyOf(languages);
        countries = List.copyOf(countries);
        topEntities = List.copyOf(topEntities);
    }
}
