package dev.newsflow.storage;

import dev.newsflow.events.EntityCount;
import dev.newsflow.events.EntityMention;
import java.util.List;
import java.util.Objects;

/**
 * One row of {@code articles} with its countries, entities, mentions and keywords, as the API shows it.
 * Immutable; lists are never null (empty for duplicates, which carry no enrichment).
 *
 * @param id                 article id
 * @param title              headline
 * @param body               text
 * @param author             or null
 * @param source             agency, or null
 * @param publishedAt        publication time exactly as {@code OffsetDateTime.toString()} gave it, or null
 * @param url                or null
 * @param language           detected language; the declared one while not enriched; or null
 * @param declaredLanguage   language the source declared, or null
 * @param origin             where the producer read it, or null
 * @param script             ISO 15924 script, or null when not enriched
 * @param languageConfidence 0..1, or null when not enriched
 * @param summary            or null
 * @param wordCount          or null when not enriched
 * @param readingTimeSeconds or null when not enriched
 * @param enrichedAt         ISO-8601 instant, or null when not enriched
 * @param duplicateOf        id of the original this article repeats, null for originals
 * @param similarity         0..1 for duplicates, else null
 * @param duplicateMethod    {@code EXACT} or {@code NEAR} for duplicates, else null
 * @param detectedAt         ISO-8601 instant of the duplicate verdict, or null
 * @param duplicateCount     how many stored articles are duplicates of this one ("republished N times")
 * @param storyId            the story the stories stage gave it, or null (not given one yet)
 * @param countries          ISO 3166-1 alpha-2 codes, sorted
 * @param entities           distinct entities, most mentioned first
 * @param mentions           every mention in event order
 * @param keywords           most characteristic first
 */
public record StoredArticle(
        String id,
        String title,
        String body,
        String author,
        String source,
        String publishedAt,
        String url,
        String language,
        String declaredLanguage,
        String origin,
        String script,
        Double languageConfidence,
        String summary,
        Integer wordCount,
        Integer readingTimeSeconds,
        String enrichedAt,
        String duplicateOf,
        Double similarity,
        String duplicateMethod,
        String detectedAt,
        long duplicateCount,
        String storyId,
        List<String> countries,
        List<EntityCount> entities,
        List<EntityMention> mentions,
        List<String> keywords) {

    public StoredArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        countries = countries == null ? List.of() : List.copyOf(countries);
        entities = entities == null ? List.of() : List.copyOf(entities);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    /** This article with only the entities and mentions at least {@code minConfidence} sure (older rows: all). */
    public StoredArticle withEntitiesAtLeast(double minConfidence) {
        return new StoredArticle(id, title, body, author, source, publishedAt, url, language, declaredLanguage, origin,
                script, languageConfidence, summary, wordCount, readingTimeSeconds, enrichedAt, duplicateOf, similarity,
                duplicateMethod, detectedAt, duplicateCount, storyId, countries,
                entities.stream().filter(e -> e.isAtLeast(minConfidence)).toList(),
                mentions.stream().filter(m -> m.isAtLeast(minConfidence)).toList(), keywords);
    }

    /** True when this row repeats another stored article. */
    public boolean isDuplicate() {
        return duplicateOf != null;
    }
}
