package dev.newsflow.dedupe;

import dev.newsflow.events.Article;
import dev.newsflow.events.DuplicateArticle;
import dev.newsflow.events.DuplicateMethod;
import java.time.Instant;
import java.util.Objects;

/**
 * The one outcome of {@link DedupeIndex#judge}: the article is new, or it repeats an earlier one.
 * Immutable and thread-safe.
 */
public sealed interface Verdict permits Verdict.Unique, Verdict.Duplicate {

    /**
     * The article is an original; the index now remembers it.
     *
     * @param entry what to write to the changelog under the article's id, never {@code null}
     */
    record Unique(IndexEntry entry) implements Verdict {
        public Unique {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /**
     * The article repeats an indexed original (or is a re-send of an indexed id); the index is unchanged.
     *
     * @param duplicateOf id of the first-seen original; the article's own id for a re-send
     * @param similarity  0..1: 1 for exact; for near, the estimated Jaccard or, when that was below its
     *                    threshold, the estimated containment that confirmed it
     * @param method      exact or near
     */
    record Duplicate(String duplicateOf, double similarity, DuplicateMethod method) implements Verdict {
        public Duplicate {
            if (duplicateOf == null || duplicateOf.isBlank()) {
                throw new IllegalArgumentException("duplicateOf must not be blank");
            }
            if (!(similarity >= 0.0 && similarity <= 1.0)) {
                throw new IllegalArgumentException("similarity must be within 0..1, was " + similarity);
            }
            Objects.requireNonNull(method, "method");
        }

        /** The event for {@code news.articles.duplicates}. */
        public DuplicateArticle toEvent(Article article, Instant detectedAt) {
            return new DuplicateArticle(article, duplicateOf, similarity, method, detectedAt);
        }
    }
}
