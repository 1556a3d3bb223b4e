package dev.newsflow.stories;

import dev.newsflow.events.Article;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.EntityCount;
import dev.newsflow.events.EntityType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes {@link ArticleFeatures} from an enriched article: stems by {@link TermAnalyzer}, entity keys by the
 * {@link EntityKeyer} folded to skeletons by {@link EntityKeys}, countries and keywords from the enrichment.
 * <b>Not thread-safe</b>: one per {@link StoryIndex}.
 */
final class Featurizer {

    /** Terms kept per article: enough for any news text's distinctive words, bounded for the changelog. */
    static final int MAX_TERMS = 160;

    private final TermAnalyzer analyzer = new TermAnalyzer();
    /** Organizations are usually translated, not transliterated: their words count half. */
    static final double ORGANIZATION_WEIGHT = 0.5;

    /** Entities repeat from article to article (people, places): the keys of each are worked out once. */
    static final int CACHED_ENTITIES = 20_000;

    private final EntityKeyer keyer;
    private final CountryNames countryNames;
    private final Map<String, long[]> entityKeys = new LinkedHashMap<>(1_024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > CACHED_ENTITIES;
        }
    };

    Featurizer(EntityKeyer keyer) {
        this.keyer = keyer;
        this.countryNames = new CountryNames(keyer);
    }

    ArticleFeatures features(EnrichedArticle enriched, Instant seenAt) {
        Article article = enriched.article();
        String language = enriched.enrichment().language();
        Map<Long, Double> titleCounts = count(analyzer.stems(article.title(), language));
        Map<Long, Double> counts = count(analyzer.stems(article.body(), language));
        titleCounts.forEach((key, n) -> counts.merge(key, 2 * n, Double::sum));
        Map<Long, Double> entities = new HashMap<>();
        Map<Long, Double> places = new HashMap<>();
        for (EntityCount entity : enriched.enrichment().entities()) {
            double weight = (1 + Math.log(entity.count()))
                    * (entity.type() == EntityType.ORGANIZATION ? ORGANIZATION_WEIGHT : 1);
            for (long key : keys(entity, language)) {
                entities.merge(key, weight, Double::sum);
                if (entity.type() == EntityType.LOCATION) {
                    places.merge(key, weight, Double::sum);
                }
            }
        }
        Map<Long, Double> countries = new HashMap<>();
        for (String country : enriched.enrichment().countries()) {
            countries.put(StoryEntry.countryKey(country), 1.0);
        }
        Map<Long, Double> keywords = new HashMap<>();
        for (String keyword : enriched.enrichment().keywords()) {
            for (String stem : analyzer.stems(keyword, language)) {
                keywords.put(Terms.hash(Terms.KEYWORD, stem), 1.0);
            }
        }
        return new ArticleFeatures(article.id(), seenAt, language, article.source() == null ? "" : article.source(),
                article.title(), sublinear(counts, MAX_TERMS), sublinear(titleCounts, MAX_TERMS),
                SparseVector.of(entities), SparseVector.of(places), SparseVector.of(countries),
                enriched.enrichment().countries(), SparseVector.of(keywords), enriched.enrichment().entities());
    }

    /** The hashed skeletons of the entity's key words, country names left out (countries are compared by code). */
    private long[] keys(EntityCount entity, String language) {
        return entityKeys.computeIfAbsent(language + '\u0000' + entity.type() + '\u0000' + entity.text(), text -> {
            List<Long> keys = new ArrayList<>();
            for (String word : keyer.key(entity, language).split(" ")) {
                String skeleton = word.length() < 2 ? "" : EntityKeys.skeleton(word);
                if (!skeleton.isEmpty() && !countryNames.contains(skeleton)) {
                    keys.add(Terms.hash(Terms.ENTITY, skeleton));
                }
            }
            return keys.stream().mapToLong(Long::longValue).toArray();
        });
    }

    private static Map<Long, Double> count(List<String> stems) {
        Map<Long, Double> counts = new HashMap<>();
        for (String stem : stems) {
            counts.merge(Terms.hash(Terms.STEM, stem), 1.0, Double::sum);
        }
        return counts;
    }

    /** {@code 1 + ln(count)}, the heaviest {@code limit} terms, to unit length. */
    private static SparseVector sublinear(Map<Long, Double> counts, int limit) {
        Map<Long, Double> weights = new HashMap<>();
        counts.forEach((key, n) -> weights.put(key, 1 + Math.log(n)));
        return SparseVector.of(weights).plus(SparseVector.EMPTY, 1, limit).unit();
    }
}
