package dev.newsflow.sources;

import java.time.Instant;

/**
 * How one source is doing, for {@code GET /api/sources} and the dashboard. Immutable.
 *
 * @param name          the source's name
 * @param kind          {@code feed}, {@code sitemap} or {@code folder}
 * @param location      its URL or folder
 * @param state         {@code pending} (not polled yet), {@code ok}, or {@code failing} (its last poll failed)
 * @param lastSuccessAt the last poll that worked, or null
 * @param lastFailureAt the last poll that failed, or null
 * @param lastError     why the last failed poll failed, or null
 * @param failures      failed polls in a row
 * @param nextPollAt    when it is polled next, or null while it is being polled
 * @param itemsToday    articles first published today (UTC)
 * @param itemsTotal    articles published in all (remembered items)
 */
public record SourceStatus(String name, String kind, String location, String state, Instant lastSuccessAt,
                           Instant lastFailureAt, String lastError, int failures, Instant nextPollAt, long itemsToday,
                           long itemsTotal) {
}
