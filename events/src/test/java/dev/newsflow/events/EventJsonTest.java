package dev.newsflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private static final Article ARTICLE = new Article("51b25be97f64b557", "Samarkand hosts a meeting",
            "First paragraph.\n\nSecond paragraph.", "Golib Khasanov", "UzA",
            OffsetDateTime.parse("2022-10-27T09:12+05:00"), null, null, "000_51b25be97f64b557.txt");

    @Test
    void shouldKeepTheAgencyOffsetOfPublishedAt() {
        String json = EventJson.toJson(ARTICLE);

        assertThat(json).contains("\"publishedAt\":\"2022-10-27T09:12+05:00\"");
        assertThat(EventJson.fromBytes(json.getBytes(StandardCharsets.UTF_8), Article.class)).isEqualTo(ARTICLE);
    }

    @Test
    void shouldRoundTripEnrichedAndDuplicateEvents() {
        var enriched = new EnrichedArticle(ARTICLE, new Enrichment("en", "Latn", 0.97,
                List.of(new EntityMention("Samarkand", EntityType.LOCATION, "title", 0, 9)),
                List.of(new EntityCount("Samarkand", EntityType.LOCATION, 1)), List.of("UZ"), List.of("meeting"),
                "Samarkand hosts a meeting.", 6, 2), Instant.parse("2026-01-01T00:00:00Z"));
        var duplicate = new DuplicateArticle(ARTICLE, "abc", 0.93, DuplicateMethod.NEAR, Instant.EPOCH);

        assertThat(EventJson.fromBytes(EventJson.toBytes(enriched), EnrichedArticle.class)).isEqualTo(enriched);
        assertThat(EventJson.toJson(duplicate)).contains("\"method\":\"near\"");
        assertThat(EventJson.fromBytes(EventJson.toBytes(duplicate), DuplicateArticle.class)).isEqualTo(duplicate);
    }

    @Test
    void shouldCarryTheOptionalKeyNameAndConfidenceAndReadEventsWrittenWithoutThem() {
        var enriched = new EnrichedArticle(ARTICLE, new Enrichment("ru", "Cyrl", 0.97,
                List.of(new EntityMention("Москве", EntityType.LOCATION, "title", 0, 6, "maskav", 0.98)),
                List.of(new EntityCount("Москве", EntityType.LOCATION, 1, "Москва", "maskav", 0.98)), List.of("RU"),
                List.of("встреча"), "В Москве.", 2, 1), Instant.parse("2026-01-01T00:00:00Z"));
        String json = EventJson.toJson(enriched);

        assertThat(EventJson.fromBytes(json.getBytes(StandardCharsets.UTF_8), EnrichedArticle.class)).isEqualTo(enriched);
        String before = json.replace(",\"key\":\"maskav\"", "").replace(",\"confidence\":0.98", "")
                .replace(",\"name\":\"Москва\"", "");
        EnrichedArticle old = EventJson.fromBytes(before.getBytes(StandardCharsets.UTF_8), EnrichedArticle.class);
        assertThat(old.enrichment().entities().get(0)).isEqualTo(new EntityCount("Москве", EntityType.LOCATION, 1));
        assertThat(old.enrichment().entities().get(0).displayName()).isEqualTo("Москве");
        assertThat(old.enrichment().mentions().get(0).isAtLeast(0.99)).isTrue();
    }

    @Test
    void shouldRejectAConfidenceOutsideZeroToOne() {
        assertThatThrownBy(() -> new EntityMention("Москве", EntityType.LOCATION, "title", 0, 6, "maskav", 1.5))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("'confidence'");
    }

    @Test
    void shouldSayWhereInTheEventAValueIsWrong() {
        var enriched = new EnrichedArticle(ARTICLE, new Enrichment("en", "Latn", 0.97,
                List.of(new EntityMention("Samarkand", EntityType.LOCATION, "title", 0, 9)), List.of(), List.of(),
                List.of(), "", 6, 2), Instant.EPOCH);
        String json = EventJson.toJson(enriched).replace("\"LOCATION\"", "\"PLANET\"");

        assertThatThrownBy(() -> EventJson.fromBytes(json.getBytes(StandardCharsets.UTF_8), EnrichedArticle.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("invalid EnrichedArticle field enrichment.mentions[0].type: ")
                .hasMessageContaining("PLANET");
    }

    @Test
    void shouldIgnoreFieldsItDoesNotKnow() {
        byte[] json = "{\"id\":\"a\",\"title\":\"t\",\"body\":\"b\",\"addedLater\":42}".getBytes(StandardCharsets.UTF_8);

        assertThat(EventJson.fromBytes(json, Article.class).id()).isEqualTo("a");
    }

    @Test
    void shouldNameTheMissingField() {
        byte[] json = "{\"id\":\"a\",\"body\":\"b\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventJson.fromBytes(json, Article.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("missing required field 'title'");
    }

    @Test
    void shouldRejectValuesThatAreNotJson() {
        assertThatThrownBy(() -> EventJson.fromBytes(new byte[] {(byte) 0xff, 0x00, 0x13}, Article.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("invalid Article");
        assertThatThrownBy(() -> EventJson.fromBytes(new byte[0], Article.class))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> EventJson.fromBytes("null".getBytes(StandardCharsets.UTF_8), Article.class))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void shouldRejectAnOversizedBody() {
        String body = "x".repeat(Article.MAX_BODY_LENGTH + 1);

        assertThatThrownBy(() -> new Article("a", "t", body, null, null, null, null, null, null))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("'body'");
    }
}
