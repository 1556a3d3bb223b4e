package dev.newsflow.storage;

import java.util.List;
import java.util.Objects;

/**
 * Aggregates over the stored articles for the dashboard. Counts are of originals (rows that repeat
 * another article are counted only in {@code duplicates}). Lists are never null; ties are ordered by key.
 *
 * @param originals          articles that are not duplicates
 * @param duplicates         rows linked to an original
 * @param byLanguage         originals per language, most first
 * @param byCountry          originals per country they are about, most first
 * @param bySource           originals per source, most first
 * @param topPeople          persons by the number of articles mentioning them, one entity once by its key
 * @param topOrganizations   organizations likewise
 * @param topLocations       locations likewise
 * @param perHour            originals per publication hour (UTC), the latest hours that have any, oldest first
 */
public record ArticleStats(
        long originals,
        long duplicates,
        List<Count> byLanguage,
        List<Count> byCountry,
        List<Count> bySource,
        List<Count> topPeople,
        List<Count> topOrganizations,
        List<Count> topLocations,
        List<HourCount> perHour) {

    public ArticleStats {
        byLanguage = List.copyOf(byLanguage);
        byCountry = List.copyOf(byCountry);
        bySource = List.copyOf(bySource);
        topPeople = List.copyOf(topPeople);
        topOrganizations = List.copyOf(topOrganizations);
        topLocations = List.copyOf(topLocations);
        perHour = List.copyOf(perHour);
    }

    /**
     * A group and its size; an entity's group is its key ({@code EntityKeys}; the text for rows stored before keys),
     * shown under {@code name}, the canonical name most of its rows give it (null for groups that are not entities).
     */
    public record Count(String key, long count, String name) {
        public Count {
            Objects.requireNonNull(key, "key");
        }

        public Count(String key, long count) {
            this(key, count, null);
        }
    }

    /** Articles in the hour starting at {@code hour} (ISO-8601 UTC, e.g. {@code 2022-10-27T04:00:00Z}). */
    public record HourCount(String hour, long count) {
        public HourCount {
            Objects.requireNonNull(hour, "hour");
        }
    }
}
