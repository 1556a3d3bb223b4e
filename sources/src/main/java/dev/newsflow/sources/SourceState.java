package dev.newsflow.sources;

import dev.newsflow.sources.http.Validators;
import java.time.Instant;
import java.util.Map;

/**
 * What is remembered of one source across restarts. Immutable.
 *
 * @param validators   ETag and Last-Modified per listing URL (the feed, the sitemap and each child sitemap)
 * @param nextPollAt   when it is due; a restart waits for it
 * @param lastSuccessAt last poll that worked, or null
 * @param lastFailureAt last poll that failed, or null
 * @param lastError    why the last failed poll failed, or null
 * @param failures     failed polls in a row (0 once one works)
 */
record SourceState(Map<String, Validators> validators, Instant nextPollAt, Instant lastSuccessAt, Instant lastFailureAt,
                   String lastError, int failures) {
    static final SourceState NEW = new SourceState(Map.of(), null, null, null, null, 0);

    SourceState {
        validators = validators == null ? Map.of() : Map.copyOf(validators);
    }
}
