package dev.newsflow.storage;

import dev.newsflow.events.Article;
import dev.newsflow.events.DuplicateArticle;
import dev.newsflow.events.DuplicateMethod;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.EntityCount;
import dev.newsflow.events.EntityMention;
import dev.newsflow.events.StoryDecision;
import dev.newsflow.events.StoryUpdate;
import dev.newsflow.events.EntityType;
import dev.newsflow.events.Enrichment;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Builders of realistic events for the store tests. */
final class TestArticles {
    private TestArticles() {
    }

    static Article article(String id, String title, String body, OffsetDateTime publishedAt) {
        return new Article(id, title, body, "Staff", "UzA", publishedAt, "https://uza.uz/en/posts/" + id, "en",
                "uza-2022.jsonl");
    }

    static EnrichedArticle enriched(Article article, String language, List<String> countries,
                                    List<EntityCount> entities) {
        List<EntityMention> mentions = entities.stream()
                .filter(e -> article.title().contains(e.text()))
                .map(e -> new EntityMention(e.text(), e.type(), EntityMention.TITLE,
                        article.title().indexOf(e.text()), article.title().indexOf(e.text()) + e.text().length()))
                .toList();
        Enrichment enrichment = new Enrichment(language, "Latn", 0.97, mentions, entities, countries,
                List.of("cotton", "harvest"), article.title() + ".", 42, 13);
        return new EnrichedArticle(article, enrichment, Instant.parse("2022-10-27T05:00:00Z"));
    }

    static EntityCount person(String name, int count) {
        return new EntityCount(name, EntityType.PERSON, count);
    }

    static EntityCount organization(String name, int count) {
        return new EntityCount(name, EntityType.ORGANIZATION, count);
    }

    static DuplicateArticle duplicate(Article copy, String originalId, double similarity) {
        return new DuplicateArticle(copy, originalId, similarity,
                similarity == 1.0 ? DuplicateMethod.EXACT : DuplicateMethod.NEAR, Instant.parse("2022-10-27T06:00:00Z"));
    }

    /**
     * A story update giving {@code articleId} story {@code storyId} at {@code seenAt} (from {@code outlet}), the story then holding
     * {@code articles} articles of which {@code reprints} reprints, from {@code outlets}.
     */
    static StoryUpdate storyUpdate(String storyId, String articleId, String outlet, StoryDecision decidedBy, Instant seenAt,
                                   Instant firstSeen, int articles, int reprints, List<String> outlets) {
        return new StoryUpdate(storyId, articleId, outlet, decidedBy, decidedBy == StoryDecision.NEW || decidedBy == StoryDecision.DUPLICATE
                ? null : 0.52, seenAt, "Headline of " + storyId, firstSeen, seenAt.isAfter(firstSeen) ? seenAt : firstSeen,
                articles, reprints, outlets, List.of("en", "ru"), List.of(person("Mirziyoyev", 3)), List.of("UZ"),
                Instant.parse("2022-10-27T06:00:00Z"));
    }
}
