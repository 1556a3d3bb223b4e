package dev.newsflow.storage;

import java.util.List;
import java.util.Objects;

/**
 * A story with what its articles say about it: the articles (oldest first, up to the limit asked), its outlets, its
 * languages and its timeline, counted over all its stored articles. Immutable; lists are never null.
 *
 * @param story     the story as it stands
 * @param articles  its articles in the order they were seen, at most the limit asked
 * @param outlets   per outlet, its articles and reprints, most articles first
 * @param languages articles per language, most first
 * @param timeline  articles per hour (UTC) of their time in the story, oldest first
 */
public record StoryDetails(StoredStory story, List<Article> articles, List<Outlet> outlets,
                           List<ArticleStats.Count> languages, List<ArticleStats.HourCount> timeline) {

    public StoryDetails {
        Objects.requireNonNull(story, "story");
        articles = List.copyOf(articles);
        outlets = List.copyOf(outlets);
        languages = List.copyOf(languages);
        timeline = List.copyOf(timeline);
    }

    /**
     * One article of the story. Title, language, url and publication time are null while the article's own row is
     * not stored yet.
     *
     * @param id          the article id
     * @param title       its headline, or null
     * @param source      its outlet, or null
     * @param language    its language, or null
     * @param url         its link, or null
     * @param publishedAt its publication time as written, or null
     * @param seenAt      its time in the story, ISO-8601 UTC
     * @param decidedBy   why it is in the story: new, duplicate (a reprint), text, title, entities, places, countries,
     *                    keywords
     * @param score       the similarity score that let it join, or null
     */
    public record Article(String id, String title, String source, String language, String url, String publishedAt,
                          String seenAt, String decidedBy, Double score) {
        public Article {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(seenAt, "seenAt");
            Objects.requireNonNull(decidedBy, "decidedBy");
        }
    }

    /** One outlet of the story: its articles, of which reprints. */
    public record Outlet(String source, long articles, long reprints) {
        public Outlet {
            Objects.requireNonNull(source, "source");
        }
    }
}
