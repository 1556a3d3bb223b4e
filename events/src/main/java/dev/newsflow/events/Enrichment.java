package dev.newsflow.events;

import static dev.newsflow.events.Fields.list;

import java.util.List;

/**
 * What the enrich stage learned about an article. Lists are never null (empty when nothing was found)
 * and unmodifiable; {@code script} and {@code summary} may be null. Immutable and thread-safe.
 *
 * @param language           ISO 639-1 code, or {@code "und"} when undetermined
 * @param script             ISO 15924 script ({@code Latn}, {@code Cyrl}) of the text
 * @param languageConfidence 0..1
 * @param mentions           every entity mention with offsets in its field
 * @param entities           the distinct entities with mention counts, most mentioned first
 * @param countries          ISO 3166-1 alpha-2 codes of the countries the article is about
 * @param keywords           a handful of characteristic terms, most characteristic first
 * @param summary            one to three sentences of the article
 * @param wordCount          words in title and body
 * @param readingTimeSeconds estimated reading time at 200 words a minute
 */
public record Enrichment(
        String language,
        String script,
        double languageConfidence,
        List<EntityMention> mentions,
        List<EntityCount> entities,
        List<String> countries,
        List<String> keywords,
        String summary,
        int wordCount,
        int readingTimeSeconds) {

    public Enrichment {
        language = Fields.required("language", language, 16);
        if (!(languageConfidence >= 0.0 && languageConfidence <= 1.0)) {
            throw new InvalidEventException("field 'languageConfidence' must be within 0..1, was " + languageConfidence);
        }
        mentions = list(mentions);
        entities = list(entities);
        countries = list(countries);
        keywords = list(keywords);
        if (wordCount < 0 || readingTimeSeconds < 0) {
            throw new InvalidEventException("wordCount and readingTimeSeconds must not be negative");
        }
    }
}
