package dev.newsflow.events;

/**
 * What the pipeline made of one article, as the store and any consumer at the end of it see it: an enriched
 * original or a duplicate of an earlier one. Sealed, so a consumer handles every outcome or fails to compile.
 */
public sealed interface ArticleOutcome extends PipelineOutcome permits EnrichedArticle, DuplicateArticle {

    /** The article as it was published; never null. */
    Article article();
}
