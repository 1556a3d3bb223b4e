package dev.newsflow.sources.extract;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What {@link ArticleExtractor} found on one page. Every field but {@code paragraphs} may be {@code null};
 * {@code paragraphs} is empty when no article text was found. Immutable.
 *
 * @param title        the headline (JSON-LD, OpenGraph, or the page title without the site's name)
 * @param paragraphs   the body, one entry a paragraph, whitespace folded; navigation, ads, comments and
 *                     related links left out
 * @param author       the byline author(s), comma-separated
 * @param publishedAt  the publication time with the offset the page gives (UTC when it gives none)
 * @param language     the language the page declares, as a lower-case ISO 639 code ({@code en}, {@code ru})
 * @param canonicalUrl the page's canonical URL, absolute
 * @param siteName     the publisher's name (JSON-LD publisher, {@code og:site_name})
 */
public record ExtractedArticle(String title, List<String> paragraphs, String author, OffsetDateTime publishedAt,
                               String language, String canonicalUrl, String siteName) {

    public ExtractedArticle {
        paragraphs = List.copyOf(paragraphs);
    }

    /** The body: paragraphs separated by a blank line, as {@code Article.body} holds them; empty when none. */
    public String text() {
        return String.join("\n\n", paragraphs);
    }
}
