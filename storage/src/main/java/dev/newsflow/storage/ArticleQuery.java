package dev.newsflow.storage;

import java.time.Instant;

/**
 * What {@link ArticleStore#search} should find: every non-null criterion must hold. Immutable; the compact
 * constructor rejects out-of-range values with an {@link IllegalArgumentException} naming the parameter.
 *
 * @param text              full-text query over title and body (all words must occur), or null
 * @param language          ISO 639-1 code of the (detected) language, or null
 * @param country           ISO 3166-1 alpha-2 code the article is about, or null
 * @param entity            an entity of the article: its key ({@code EntityKeys}), its canonical name, the key of that
 *                          name, or (rows stored before keys) its exact text; or null
 * @param source            exact source (agency), or null
 * @param from              inclusive lower bound of the publication time, or null
 * @param to                exclusive upper bound of the publication time, or null
 * @param includeDuplicates whether rows that repeat another article are listed too
 * @param cursor            {@link ArticlePage#nextCursor()} of the previous page, or null for the first
 * @param limit             page size, 1..{@value #MAX_LIMIT}
 * @param minConfidence     the {@code entity} criterion counts only an entity at least this sure (0..1; rows stored
 *                          before confidences always count)
 */
public record ArticleQuery(
        String text,
        String language,
        String country,
        String entity,
        String source,
        Instant from,
        Instant to,
        boolean includeDuplicates,
        String cursor,
        int limit,
        double minConfidence) {

    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_TEXT_LENGTH = 200;
    private static final int MAX_FILTER_LENGTH = 200;

    public ArticleQuery {
        text = blankToNull(text);
        language = bounded("language", language, 16);
        country = bounded("country", country, 2);
        entity = bounded("entity", entity, MAX_FILTER_LENGTH);
        source = bounded("source", source, MAX_FILTER_LENGTH);
        cursor = blankToNull(cursor);
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("q has " + text.length() + " characters, at most "
                    + MAX_TEXT_LENGTH + " are allowed");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT + ", was " + limit);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
        if (cursor != null) {
            PageCursor.decode(cursor);
        }
        requireConfidence(minConfidence);
    }

    /** A query that counts entities of any confidence. */
    public ArticleQuery(String text, String language, String country, String entity, String source, Instant from, Instant to,
                        boolean includeDuplicates, String cursor, int limit) {
        this(text, language, country, entity, source, from, to, includeDuplicates, cursor, limit, 0.0);
    }

    static void requireConfidence(double minConfidence) {
        if (!(minConfidence >= 0.0 && minConfidence <= 1.0)) {
            throw new IllegalArgumentException("minConfidence must be within 0..1, was " + minConfidence);
        }
    }

    /** The newest originals, first page, default size. */
    public static ArticleQuery latest() {
        return new ArticleQuery(null, null, null, null, null, null, null, false, null, DEFAULT_LIMIT);
    }

    public ArticleQuery withText(String newText) {
        return new ArticleQuery(newText, language, country, entity, source, from, to, includeDuplicates, cursor, limit,
                minConfidence);
    }

    public ArticleQuery withCursor(String newCursor) {
        return new ArticleQuery(text, language, country, entity, source, from, to, includeDuplicates, newCursor, limit,
                minConfidence);
    }

    public ArticleQuery withLimit(int newLimit) {
        return new ArticleQuery(text, language, country, entity, source, from, to, includeDuplicates, cursor, newLimit,
                minConfidence);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String bounded(String name, String value, int maxLength) {
        String stripped = blankToNull(value);
        if (stripped != null && stripped.length() > maxLength) {
            throw new IllegalArgumentException(name + " has " + stripped.length() + " characters, at most "
                    + maxLength + " are allowed");
        }
        return stripped;
    }
}
