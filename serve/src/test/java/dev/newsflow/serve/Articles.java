package dev.newsflow.serve;

import dev.newsflow.events.Article;
import dev.newsflow.events.DuplicateArticle;
import dev.newsflow.events.DuplicateMethod;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.EntityCount;
import dev.newsflow.events.EntityType;
import dev.newsflow.events.StoryDecision;
import dev.newsflow.events.StoryUpdate;
import dev.newsflow.events.Enrichment;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Realistic events for the serve tests. */
final class Articles {
    static final OffsetDateTime MORNING = OffsetDateTime.of(2022, 10, 27, 9, 0, 0, 0, ZoneOffset.ofHours(5));

    private Articles() {
    }

    static EnrichedArticle enriched(String id, String title, String body, int hour, String language,
                                    List<String> countries, List<EntityCount> entities) {
        Article article = new Article(id, title, body, "Staff", "UzA", MORNING.plusHours(hour),
                "https://uza.uz/en/posts/" + id, null, "test");
        return new EnrichedArticle(article, new Enrichment(language, "Latn", 0.9, List.of(), entities, countries,
                List.of("economy"), title, 30, 9), Instant.now());
    }

    static EntityCount person(String name) {
        return new EntityCount(name, EntityType.PERSON, 1);
    }

    static EntityCount organization(String name) {
        return new EntityCount(name, EntityType.ORGANIZATION, 1);
    }

    static DuplicateArticle duplicateOf(String originalId, String id, String title) {
        Article copy = new Article(id, title, "Copied text.", null, "Kun.uz", MORNING.plusHours(30), null, "en", "test");
        return new DuplicateArticle(copy, originalId, 0.92, DuplicateMethod.NEAR, Instant.now());
    }

    /** The update that gave {@code articleId} (of {@code outlet}) story {@code storyId}, {@code hour} hours after the morning. */
    static StoryUpdate story(String storyId, String articleId, String outlet, StoryDecision decidedBy, int hour, int articles,
                             int reprints, List<String> outlets) {
        Instant seenAt = MORNING.plusHours(hour).toInstant();
        return new StoryUpdate(storyId, articleId, outlet, decidedBy, decidedBy == StoryDecision.NEW ? null : 0.61, seenAt,
                "Headline of " + storyId, MORNING.toInstant(), seenAt, articles, reprints, outlets, List.of("en", "ru"),
                List.of(person("Mirziyoyev")), List.of("UZ"), Instant.now());
    }
}
