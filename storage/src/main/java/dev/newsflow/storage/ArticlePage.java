package dev.newsflow.storage;

import java.util.List;

/**
 * One page of {@link ArticleStore#search} results, newest first. Immutable.
 *
 * @param articles   at most the query's limit, never null
 * @param nextCursor cursor of the following page, or null when this page is the last
 */
public record ArticlePage(List<StoredArticle> articles, String nextCursor) {
    public ArticlePage {
        articles = List.copyOf(articles);
    }
}
