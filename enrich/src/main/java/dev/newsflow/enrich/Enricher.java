package dev.newsflow.enrich;

import dev.newsflow.events.Article;
import dev.newsflow.events.Enrichment;

/**
 * Learns what an article is about: language and script, named entities, countries, keywords, summary and
 * counts. Implementations are thread-safe: one instance, with its models loaded once, serves any number
 * of threads. Obtain the default one from {@link Enrichers#createDefault()}.
 */
public interface Enricher {

    /**
     * Enriches one article.
     *
     * @param article a valid article (never null)
     * @return what was found, never null; an article in a language without a model still gets language,
     *         places, keywords, summary and counts
     */
    Enrichment enrich(Article article);
}
