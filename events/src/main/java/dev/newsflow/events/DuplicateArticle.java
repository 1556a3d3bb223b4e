package dev.newsflow.events;

import static dev.newsflow.events.Fields.required;

import java.time.Instant;

/**
 * The value of the duplicates topic ({@link PipelineTopics#duplicates()}): an article that dedupe judged to repeat an earlier one.
 * All fields are non-null. Immutable and thread-safe.
 *
 * @param article     the duplicate as it arrived
 * @param duplicateOf id of the first-seen original (equal to {@code article.id()} for a re-send)
 * @param similarity  0..1, how alike the two texts are (1 for an exact duplicate)
 * @param method      exact or near
 * @param detectedAt  when dedupe gave the verdict
 */
public record DuplicateArticle(
        Article article, String duplicateOf, double similarity, DuplicateMethod method, Instant detectedAt)
        implements ArticleOutcome {

    public DuplicateArticle {
        Fields.present("article", article);
        duplicateOf = required("duplicateOf", duplicateOf, Article.MAX_ID_LENGTH);
        if (!(similarity >= 0.0 && similarity <= 1.0)) {
            throw new InvalidEventException("field 'similarity' must be within 0..1, was " + similarity);
        }
        Fields.present("method", method);
        Fields.present("detectedAt", detectedAt);
    }
}
