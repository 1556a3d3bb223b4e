package dev.newsflow.events;

import java.time.Instant;

/**
 * The value of the enriched topic ({@link PipelineTopics#enriched()}): a unique article and what enrich learned
 * about it. All fields are
 * non-null. Immutable and thread-safe.
 */
public record EnrichedArticle(Article article, Enrichment enrichment, Instant enrichedAt) implements ArticleOutcome {
    public EnrichedArticle {
        Fields.present("article", article);
        Fields.present("enrichment", enrichment);
        Fields.present("enrichedAt", enrichedAt);
    }
}
