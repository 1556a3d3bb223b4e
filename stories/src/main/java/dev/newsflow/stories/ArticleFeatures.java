package dev.newsflow.stories;

import dev.newsflow.events.EntityCount;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the story grouping looks at in one article, computed once by {@link Featurizer}. Vectors are over
 * {@link Terms} hashes; term vectors hold unit-length sublinear counts, to which the index applies the current
 * IDF when it compares. Immutable.
 *
 * @param articleId the article's id, never blank
 * @param seenAt    when the pipeline first saw it: the time the story's timeline and the quiet period use
 * @param language  ISO 639-1 code from enrichment
 * @param outlet    the article's source, or {@code ""} when it has none
 * @param title     the headline, shown as a story's headline when the article opens it
 * @param terms     stems of title and body (the title counted twice)
 * @param titleTerms stems of the title
 * @param entities  skeletons of every entity key word
 * @param places    skeletons of the key words of LOCATION entities
 * @param countries ISO 3166-1 codes as {@link StoryEntry#countryKey} hashes
 * @param countryCodes the ISO 3166-1 codes themselves
 * @param keywords  stems of the enrichment keywords
 * @param topEntities the article's entities, most mentioned first
 */
record ArticleFeatures(
        String articleId,
        Instant seenAt,
        String language,
        String outlet,
        String title,
        SparseVector terms,
        SparseVector titleTerms,
        SparseVector entities,
        SparseVector places,
        SparseVector countries,
        List<String> countryCodes,
        SparseVector keywords,
        List<EntityCount> topEntities) {

    ArticleFeatures {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(seenAt, "seenAt");
        topEntities = List.copyOf(topEntities);
        countryCodes = List.copyOf(countryCodes);
    }
}
