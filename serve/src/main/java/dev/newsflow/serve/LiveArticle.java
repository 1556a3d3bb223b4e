package dev.newsflow.serve;

import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.EntityCount;
import dev.newsflow.storage.StoredArticle;
import java.util.List;

/**
 * The shape of an article in the dashboard's feed, the same for a stored article ({@code GET /api/articles})
 * and a live one ({@code GET /api/stream}), so the page renders both alike; a live article shows the entities at
 * least {@link ArticleQueryParameters#DEFAULT_MIN_CONFIDENCE} sure. Text is untrusted. Immutable.
 */
record LiveArticle(
        String id,
        String title,
        String summary,
        String source,
        String url,
        String publishedAt,
        String language,
        List<String> countries,
        List<EntityCount> entities,
        List<String> keywords,
        String enrichedAt,
        String duplicateOf,
        long duplicateCount) {

    static LiveArticle of(EnrichedArticle event) {
        var article = event.article();
        var enrichment = event.enrichment();
        return new LiveArticle(article.id(), article.title(), enrichment.summary(), article.source(), article.url(),
                article.publishedAt() == null ? null : article.publishedAt().toString(), enrichment.language(),
                enrichment.countries(),
                enrichment.entities().stream().filter(e -> e.isAtLeast(ArticleQueryParameters.DEFAULT_MIN_CONFIDENCE)).toList(),
                enrichment.keywords(),
                event.enrichedAt().toString(), null, 0);
    }

    static LiveArticle of(StoredArticle stored) {
        return new LiveArticle(stored.id(), stored.title(), stored.summary(), stored.source(), stored.url(),
                stored.publishedAt(), stored.language(), stored.countries(), stored.entities(), stored.keywords(),
                stored.enrichedAt(), stored.duplicateOf(), stored.duplicateCount());
    }
}
