package dev.newsflow.plugins;

import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.EntityCount;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which enriched articles a subscriber wants: those that name one of {@code entities}, are about one of
 * {@code countries}, or carry one of {@code keywords} (among the article's keywords, or as a whole word of its
 * title or body). All comparisons ignore case. With no criteria at all, every article matches. Immutable.
 *
 * @param entities  entity texts, as in {@code enrichment.entities[].text}
 * @param countries ISO 3166-1 alpha-2 codes
 * @param keywords  words or phrases
 */
public record ArticleFilter(Set<String> entities, Set<String> countries, Set<String> keywords) {

    public ArticleFilter {
        entities = normalized(entities);
        countries = normalized(countries);
        keywords = normalized(keywords);
    }

    public static ArticleFilter of(List<String> entities, List<String> countries, List<String> keywords) {
        return new ArticleFilter(Set.copyOf(entities), Set.copyOf(countries), Set.copyOf(keywords));
    }

    public boolean matchesEverything() {
        return entities.isEmpty() && countries.isEmpty() && keywords.isEmpty();
    }

    public boolean matches(EnrichedArticle enriched) {
        if (matchesEverything()) {
            return true;
        }
        var enrichment = enriched.enrichment();
        for (EntityCount entity : enrichment.entities()) {
            if (entities.contains(lower(entity.text()))) {
                return true;
            }
        }
        for (String country : enrichment.countries()) {
            if (countries.contains(lower(country))) {
                return true;
            }
        }
        for (String keyword : enrichment.keywords()) {
            if (keywords.contains(lower(keyword))) {
                return true;
            }
        }
        String text = enriched.article().fullText();
        return keywords.stream().anyMatch(keyword -> wholeWord(keyword).matcher(text).find());
    }

    private static Pattern wholeWord(String keyword) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(keyword) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static Set<String> normalized(Set<String> values) {
        return values == null ? Set.of()
                : values.stream().map(String::strip).filter(v -> !v.isEmpty()).map(ArticleFilter::lower)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
