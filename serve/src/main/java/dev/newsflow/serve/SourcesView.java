package dev.newsflow.serve;

import java.util.List;

/**
 * The polled sources' health as {@code GET /api/sources} and the dashboard's sources panel show it: one element
 * per source, written as JSON (a record's components become the fields). A process that polls no sources shows
 * {@link #NONE}. Implementations are called from HTTP threads and must be thread-safe.
 *
 * <p>The dashboard reads the fields {@code name}, {@code kind}, {@code location}, {@code state} ({@code pending},
 * {@code ok}, {@code failing}), {@code lastSuccessAt}, {@code lastError}, {@code failures}, {@code itemsToday} and
 * {@code itemsTotal}.
 */
@FunctionalInterface
public interface SourcesView {
    SourcesView NONE = List::of;

    List<?> sources();
}
