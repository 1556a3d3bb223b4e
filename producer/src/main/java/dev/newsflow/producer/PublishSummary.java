package dev.newsflow.producer;

import java.util.List;

/**
 * What one publishing run did. Immutable.
 *
 * @param filesRead         files opened and feeds fetched (read successfully or not)
 * @param articlesPublished articles acknowledged by the broker
 * @param failures          one line per input that was not published: {@code location: reason}
 */
public record PublishSummary(int filesRead, int articlesPublished, List<String> failures) {
    public PublishSummary {
        failures = List.copyOf(failures);
    }

    /** True when every input was published. */
    public boolean allPublished() {
        return failures.isEmpty();
    }

    /** {@code files read: 3, articles published: 2, failures: 1}. */
    public String describe() {
        return "files read: " + filesRead + ", articles published: " + articlesPublished + ", failures: " + failures.size();
    }
}
