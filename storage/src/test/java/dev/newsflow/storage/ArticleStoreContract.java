package dev.newsflow.storage;

import static dev.newsflow.storage.TestArticles.article;
import static dev.newsflow.storage.TestArticles.duplicate;
import static dev.newsflow.storage.TestArticles.enriched;
import static dev.newsflow.storage.TestArticles.organization;
import static dev.newsflow.storage.TestArticles.person;
import static dev.newsflow.storage.TestArticles.storyUpdate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.events.Article;
import dev.newsflow.events.ArticleOutcome;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.EntityCount;
import dev.newsflow.events.EntityType;
import dev.newsflow.events.StoryDecision;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every database behind {@link ArticleStore} must show. Subclasses only say how to open a
 * fresh, empty store; the assertions are the same for SQLite and PostgreSQL.
 */
abstract class ArticleStoreContract {
    static final String GROUP = "newsflow-store";
    static final OffsetDateTime TASHKENT_MORNING = OffsetDateTime.of(2022, 10, 27, 9, 12, 0, 0, ZoneOffset.ofHours(5));

    ArticleStore store;

    /** A new store over an empty database. */
    abstract ArticleStore openFreshStore() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = openFreshStore();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void shouldReadBackEveryFieldOfAnEnrichedArticle() {
        Article article = article("uza-1", "Mirziyoyev meets World Bank delegation",
                "President Shavkat Mirziyoyev received the delegation.\n\nCotton was discussed.", TASHKENT_MORNING);
        EnrichedArticle event = enriched(article, "en", List.of("UZ", "US"),
                List.of(person("Mirziyoyev", 2), organization("World Bank", 1)));

        store.write(GROUP, List.of(event), List.of(new PartitionOffset("news.articles.enriched", 0, 1)));

        StoredArticle stored = store.findArticle("uza-1").orElseThrow();
        assertThat(stored.title()).isEqualTo(article.title());
        assertThat(stored.body()).isEqualTo(article.body());
        assertThat(stored.author()).isEqualTo("Staff");
        assertThat(stored.source()).isEqualTo("UzA");
        assertThat(stored.publishedAt()).isEqualTo("2022-10-27T09:12+05:00");
        assertThat(stored.url()).isEqualTo(article.url());
        assertThat(stored.language()).isEqualTo("en");
        assertThat(stored.script()).isEqualTo("Latn");
        assertThat(stored.languageConfidence()).isEqualTo(0.97);
        assertThat(stored.summary()).isEqualTo(event.enrichment().summary());
        assertThat(stored.wordCount()).isEqualTo(42);
        assertThat(stored.readingTimeSeconds()).isEqualTo(13);
        assertThat(stored.enrichedAt()).isEqualTo("2022-10-27T05:00:00Z");
        assertThat(stored.duplicateOf()).isNull();
        assertThat(stored.duplicateCount()).isZero();
        assertThat(stored.countries()).containsExactlyInAnyOrder("UZ", "US");
        assertThat(stored.entities()).containsExactly(person("Mirziyoyev", 2), organization("World Bank", 1));
        assertThat(stored.mentions()).isEqualTo(event.enrichment().mentions());
        assertThat(stored.keywords()).containsExactly("cotton", "harvest");
    }

    @Test
    void shouldNotDoubleRowsWhenTheSameBatchIsReplayed() {
        Article first = article("uza-1", "Cotton harvest completed", "The harvest is over.", TASHKENT_MORNING);
        Article second = article("uza-2", "Cotton harvest completed again", "The harvest is over.", TASHKENT_MORNING);
        List<ArticleOutcome> batch = List.of(enriched(first, "en", List.of("UZ"), List.of(person("Karimov", 1))),
                duplicate(second, "uza-1", 0.93));
        List<PartitionOffset> offsets = List.of(new PartitionOffset("news.articles.enriched", 0, 5));

        store.write(GROUP, batch, offsets);
        store.write(GROUP, batch, offsets);

        assertThat(store.countArticles()).isEqualTo(2);
        StoredArticle original = store.findArticle("uza-1").orElseThrow();
        assertThat(original.duplicateCount()).isEqualTo(1);
        assertThat(original.entities()).containsExactly(person("Karimov", 1));
        assertThat(original.countries()).containsExactly("UZ");
        assertThat(original.mentions()).isEmpty();
    }

    @Test
    void shouldLinkDuplicatesToTheirOriginalAndCountRepublications() {
        Article original = article("uza-1", "New metro line opens in Tashkent", "Ten stations.", TASHKENT_MORNING);
        store.write(GROUP, List.of(enriched(original, "en", List.of("UZ"), List.of())), List.of());
        store.write(GROUP, List.of(
                duplicate(article("kun-7", "New metro line opens in Tashkent", "Ten stations.", TASHKENT_MORNING),
                        "uza-1", 1.0),
                duplicate(article("gazeta-3", "New metro line opened in Tashkent", "Ten new stations.",
                        TASHKENT_MORNING.plusHours(1)), "uza-1", 0.88)), List.of());

        assertThat(store.findArticle("uza-1").orElseThrow().duplicateCount()).isEqualTo(2);
        StoredArticle near = store.findArticle("gazeta-3").orElseThrow();
        assertThat(near.duplicateOf()).isEqualTo("uza-1");
        assertThat(near.similarity()).isEqualTo(0.88);
        assertThat(near.duplicateMethod()).isEqualTo("NEAR");
        assertThat(near.detectedAt()).isEqualTo("2022-10-27T06:00:00Z");
        assertThat(near.language()).as("declared language while not enriched").isEqualTo("en");
        assertThat(near.entities()).isEmpty();
        assertThat(store.findArticle("kun-7").orElseThrow().duplicateMethod()).isEqualTo("EXACT");
    }

    @Test
    void shouldStoreADuplicateThatArrivesBeforeItsOriginal() {
        store.write(GROUP, List.of(duplicate(article("kun-7", "Budget adopted", "Text.", TASHKENT_MORNING),
                "uza-1", 0.95)), List.of());
        store.write(GROUP, List.of(enriched(article("uza-1", "Budget adopted", "Text!", TASHKENT_MORNING),
                "en", List.of(), List.of())), List.of());

        assertThat(store.findArticle("uza-1").orElseThrow().duplicateCount()).isEqualTo(1);
        assertThat(store.countArticles()).isEqualTo(2);
    }

    @Test
    void shouldNotTurnAnOriginalIntoItsOwnDuplicateOnAResend() {
        Article article = article("uza-1", "Budget adopted", "Text.", TASHKENT_MORNING);
        store.write(GROUP, List.of(enriched(article, "uz", List.of("UZ"), List.of())), List.of());
        store.write(GROUP, List.of(duplicate(article, "uza-1", 1.0)), List.of());

        StoredArticle stored = store.findArticle("uza-1").orElseThrow();
        assertThat(stored.duplicateOf()).isNull();
        assertThat(stored.duplicateCount()).isZero();
        assertThat(stored.language()).isEqualTo("uz");
        assertThat(stored.countries()).containsExactly("UZ");
    }

    @Test
    void shouldUpsertEnrichmentOverAnEarlierDuplicateRowOfTheSameId() {
        Article copy = article("kun-7", "Budget adopted", "Text.", TASHKENT_MORNING);
        store.write(GROUP, List.of(duplicate(copy, "uza-1", 0.9)), List.of());
        store.write(GROUP, List.of(enriched(copy, "ru", List.of("KZ"), List.of(person("Tokayev", 3)))), List.of());

        StoredArticle stored = store.findArticle("kun-7").orElseThrow();
        assertThat(stored.language()).isEqualTo("ru");
        assertThat(stored.entities()).containsExactly(person("Tokayev", 3));
        assertThat(stored.duplicateOf()).as("the link stays").isEqualTo("uza-1");
        assertThat(store.countArticles()).isEqualTo(1);
    }

    @Test
    void shouldReplaceEntitiesAndCountriesWhenAnArticleIsEnrichedAgain() {
        Article article = article("uza-1", "Talks in Astana", "Text.", TASHKENT_MORNING);
        store.write(GROUP, List.of(enriched(article, "en", List.of("KZ", "UZ"),
                List.of(person("Tokayev", 1), organization("SCO", 2)))), List.of());
        store.write(GROUP, List.of(enriched(article, "en", List.of("KZ"),
                List.of(new EntityCount("Astana", EntityType.LOCATION, 1)))), List.of());

        StoredArticle stored = store.findArticle("uza-1").orElseThrow();
        assertThat(stored.countries()).containsExactly("KZ");
        assertThat(stored.entities()).containsExactly(new EntityCount("Astana", EntityType.LOCATION, 1));
    }

    @Test
    void shouldKeepTheLastEventOfAnIdWithinOneBatch() {
        Article article = article("uza-1", "Talks in Astana", "Text.", TASHKENT_MORNING);
        store.write(GROUP, List.of(enriched(article, "en", List.of("KZ"), List.of()),
                enriched(article, "kk", List.of("UZ"), List.of())), List.of());

        StoredArticle stored = store.findArticle("uza-1").orElseThrow();
        assertThat(stored.language()).isEqualTo("kk");
        assertThat(stored.countries()).containsExactly("UZ");
    }

    @Test
    void shouldStoreAndUpdateNextOffsetsPerGroupAndTopic() {
        assertThat(store.nextOffsets(GROUP, "news.articles.enriched")).isEmpty();

        store.write(GROUP, List.of(), List.of(new PartitionOffset("news.articles.enriched", 0, 10),
                new PartitionOffset("news.articles.enriched", 2, 7),
                new PartitionOffset("news.articles.duplicates", 0, 3)));
        store.write(GROUP, List.of(), List.of(new PartitionOffset("news.articles.enriched", 0, 25)));
        store.write("other-group", List.of(), List.of(new PartitionOffset("news.articles.enriched", 0, 99)));

        assertThat(store.nextOffsets(GROUP, "news.articles.enriched")).isEqualTo(Map.of(0, 25L, 2, 7L));
        assertThat(store.nextOffsets(GROUP, "news.articles.duplicates")).isEqualTo(Map.of(0, 3L));
        assertThat(store.nextOffsets("other-group", "news.articles.enriched")).isEqualTo(Map.of(0, 99L));
    }

    @Test
    void shouldRejectABatchWithAMissingEventAndStoreNothingOfIt() {
        Article article = article("uza-1", "Talks in Astana", "Text.", TASHKENT_MORNING);
        List<ArticleOutcome> batch = java.util.Arrays.asList(enriched(article, "en", List.of(), List.of()), null);
        List<PartitionOffset> offsets = List.of(new PartitionOffset("news.articles.enriched", 0, 2));

        assertThatThrownBy(() -> store.write(GROUP, batch, offsets))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("events[1]");
        assertThat(store.countArticles()).isZero();
        assertThat(store.nextOffsets(GROUP, "news.articles.enriched")).isEmpty();
    }

    @Test
    void shouldStoreAnArticleWithoutOptionalFields() {
        Article bare = new Article("bare-1", "Только заголовок", "Тело статьи.", null, null, null, null, null, null);
        store.write(GROUP, List.of(TestArticles.duplicate(bare, "uza-1", 0.91)), List.of());

        StoredArticle stored = store.findArticle("bare-1").orElseThrow();
        assertThat(stored.title()).isEqualTo("Только заголовок");
        assertThat(stored.publishedAt()).isNull();
        assertThat(stored.source()).isNull();
        assertThat(stored.language()).isNull();
        assertThat(store.findArticle("missing")).isEmpty();
    }

    /** Eight originals an hour apart (newest: index 7), two duplicates, in three languages. */
    private void storeCorpus() {
        List<ArticleOutcome> events = new java.util.ArrayList<>();
        String[] languages = {"en", "ru", "uz", "en", "ru", "uz", "en", "kk"};
        for (int i = 0; i < 8; i++) {
            Article article = article("a-" + i, "Harvest report number " + i + (i % 2 == 0 ? " cotton" : " wheat"),
                    "Farmers in region " + i + " reported the harvest.", TASHKENT_MORNING.plusHours(i));
            events.add(enriched(article, languages[i], i % 3 == 0 ? List.of("UZ", "KZ") : List.of("UZ"),
                    i < 3 ? List.of(person("Mirziyoyev", 1), organization("UzA", 1)) : List.of(person("Tokayev", 2))));
        }
        events.add(duplicate(article("d-1", "Harvest report number 7 kk cotton", "Copy.", TASHKENT_MORNING.plusHours(9)),
                "a-7", 0.9));
        events.add(duplicate(article("d-2", "Harvest report copy", "Copy.", TASHKENT_MORNING.plusHours(10)),
                "a-7", 1.0));
        store.write(GROUP, events, List.of());
    }

    private static List<String> ids(ArticlePage page) {
        return page.articles().stream().map(StoredArticle::id).toList();
    }

    @Test
    void shouldListOriginalsNewestFirstAcrossPagesWithoutGapsOrRepeats() {
        storeCorpus();

        ArticlePage first = store.search(ArticleQuery.latest().withLimit(3));
        ArticlePage second = store.search(ArticleQuery.latest().withLimit(3).withCursor(first.nextCursor()));
        ArticlePage third = store.search(ArticleQuery.latest().withLimit(3).withCursor(second.nextCursor()));

        assertThat(ids(first)).containsExactly("a-7", "a-6", "a-5");
        assertThat(ids(second)).containsExactly("a-4", "a-3", "a-2");
        assertThat(ids(third)).containsExactly("a-1", "a-0");
        assertThat(third.nextCursor()).isNull();
        assertThat(first.articles().get(0).duplicateCount()).isEqualTo(2);
    }

    @Test
    void shouldListDuplicatesOnlyWhenAsked() {
        storeCorpus();
        ArticleQuery all = new ArticleQuery(null, null, null, null, null, null, null, true, null, 100);

        assertThat(ids(store.search(all))).hasSize(10).startsWith("d-2", "d-1", "a-7");
        assertThat(store.findDuplicates("a-7")).extracting(StoredArticle::id).containsExactly("d-1", "d-2");
        assertThat(store.findDuplicates("a-1")).isEmpty();
    }

    @Test
    void shouldFindArticlesByFullTextAndFilters() {
        storeCorpus();

        assertThat(ids(store.search(ArticleQuery.latest().withText("cotton"))))
                .containsExactly("a-6", "a-4", "a-2", "a-0");
        assertThat(ids(store.search(ArticleQuery.latest().withText("WHEAT region 3")))).containsExactly("a-3");
        assertThat(ids(store.search(ArticleQuery.latest().withText("\"cotton\" OR NEAR(")))).as("syntax is inert")
                .isEmpty();
        assertThat(ids(store.search(new ArticleQuery(null, "ru", null, null, null, null, null, false, null, 20))))
                .containsExactly("a-4", "a-1");
        assertThat(ids(store.search(new ArticleQuery(null, null, "KZ", null, null, null, null, false, null, 20))))
                .containsExactly("a-6", "a-3", "a-0");
        assertThat(ids(store.search(new ArticleQuery(null, null, null, "Mirziyoyev", "UzA", null, null, false,
                null, 20)))).containsExactly("a-2", "a-1", "a-0");
        assertThat(ids(store.search(new ArticleQuery("harvest", null, null, null, null,
                TASHKENT_MORNING.plusHours(2).toInstant(), TASHKENT_MORNING.plusHours(4).toInstant(), false, null, 20))))
                .containsExactly("a-3", "a-2");
    }

    @Test
    void shouldRejectAFullTextQueryWithoutWords() {
        assertThatThrownBy(() -> store.search(ArticleQuery.latest().withText("!!! ***")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("q ");
    }

    @Test
    void shouldCountOriginalsByLanguageCountryEntityAndHour() {
        storeCorpus();

        ArticleStats stats = store.stats(10, 48);

        assertThat(stats.originals()).isEqualTo(8);
        assertThat(stats.duplicates()).isEqualTo(2);
        assertThat(stats.byLanguage()).containsExactly(new ArticleStats.Count("en", 3), new ArticleStats.Count("ru", 2),
                new ArticleStats.Count("uz", 2), new ArticleStats.Count("kk", 1));
        assertThat(stats.byCountry()).containsExactly(new ArticleStats.Count("UZ", 8), new ArticleStats.Count("KZ", 3));
        assertThat(stats.bySource()).containsExactly(new ArticleStats.Count("UzA", 8));
        assertThat(stats.topPeople()).containsExactly(new ArticleStats.Count("Tokayev", 5, "Tokayev"),
                new ArticleStats.Count("Mirziyoyev", 3, "Mirziyoyev"));
        assertThat(stats.topOrganizations()).containsExactly(new ArticleStats.Count("UzA", 3, "UzA"));
        assertThat(stats.perHour()).hasSize(8).allMatch(h -> h.count() == 1);
        assertThat(stats.perHour().get(0).hour()).isEqualTo("2022-10-27T04:00:00Z");
        assertThat(store.stats(1, 2).perHour()).extracting(ArticleStats.HourCount::hour)
                .containsExactly("2022-10-27T10:00:00Z", "2022-10-27T11:00:00Z");
    }

    /**
     * Three articles naming one person and one place in three case forms and two scripts, a row from before keys, and
     * an article naming the person by his surname alone.
     */
    private void storeKeyedEntities() {
        store.write(GROUP, List.of(
                keyed("k-1", "ru", "Путина встретили в Москве", 0,
                        new EntityCount("Путина", EntityType.PERSON, 2, "Владимир Путин", "vladimir patin", 0.93),
                        new EntityCount("Москве", EntityType.LOCATION, 1, "Москва", "maskav", 0.99),
                        new EntityCount("Читать", EntityType.LOCATION, 1, "Читать", "chitat", 0.31)),
                keyed("k-2", "ru", "Владимира Путина ждут в Москву", 1,
                        new EntityCount("Владимира Путина", EntityType.PERSON, 1, "Владимир Путин", "vladimir patin", 0.88),
                        new EntityCount("Москву", EntityType.LOCATION, 1, "Москва", "maskav", 0.97)),
                keyed("k-3", "en", "Vladimir Putin in Moscow", 2,
                        new EntityCount("Vladimir Putin", EntityType.PERSON, 1, "Vladimir Putin", "vladimir patin", 0.99),
                        new EntityCount("Moscow", EntityType.LOCATION, 1, "Moscow", "maskav", 0.95)),
                enriched(article("k-4", "Moscow before keys", "An old row.", TASHKENT_MORNING.plusHours(3)), "en",
                        List.of("RU"), List.of(new EntityCount("Moscow", EntityType.LOCATION, 1))),
                keyed("k-5", "ru", "Путин выступил", 4,
                        new EntityCount("Путин", EntityType.PERSON, 1, "Путин", "patin", 0.91))), List.of());
    }

    private static EnrichedArticle keyed(String id, String language, String title, int hour, EntityCount... entities) {
        return enriched(article(id, title, "Body.", TASHKENT_MORNING.plusHours(hour)), language, List.of("RU"), List.of(entities));
    }

    @Test
    void shouldCountOneEntityOnceByItsKeyUnderItsMostCommonName() {
        storeKeyedEntities();

        ArticleStats stats = store.stats(10, 48, 0.5);

        // k-5 names him by his surname alone: counted as the one person whose full name ends with it
        assertThat(stats.topPeople()).containsExactly(new ArticleStats.Count("vladimir patin", 4, "Владимир Путин"));
        assertThat(stats.topLocations()).containsExactly(new ArticleStats.Count("maskav", 3, "Москва"),
                new ArticleStats.Count("Moscow", 1, "Moscow"));
    }

    @Test
    void shouldLeaveEntitiesBelowTheConfidenceAskedForOutOfTheCounts() {
        storeKeyedEntities();

        assertThat(store.stats(10, 48, 0.5).topLocations()).extracting(ArticleStats.Count::name).doesNotContain("Читать");
        assertThat(store.stats(10, 48, 0.0).topLocations()).extracting(ArticleStats.Count::name).contains("Читать");
        assertThat(store.stats(10, 48, 0.96).topLocations()).containsExactly(new ArticleStats.Count("maskav", 2, "Москва"),
                new ArticleStats.Count("Moscow", 1, "Moscow"));
    }

    @Test
    void shouldFindAnEntityByItsNameByItsKeyOrByTheKeyOfAnotherSpelling() {
        storeKeyedEntities();

        assertThat(ids(store.search(entity("Москва")))).containsExactly("k-2", "k-1");
        assertThat(ids(store.search(entity("maskav")))).containsExactly("k-3", "k-2", "k-1");
        assertThat(ids(store.search(entity("Moscow")))).containsExactly("k-4", "k-3", "k-2", "k-1");
        assertThat(ids(store.search(entity("Владимир Путин")))).containsExactly("k-3", "k-2", "k-1");
        assertThat(ids(store.search(entity("Vladimir Putin")))).containsExactly("k-3", "k-2", "k-1");
        assertThat(ids(store.search(entity("Читать")))).isEmpty();
    }

    @Test
    void shouldReadBackTheKeyNameAndConfidenceOfEntitiesAndMentions() {
        storeKeyedEntities();

        StoredArticle stored = store.findArticle("k-1").orElseThrow();

        assertThat(stored.entities()).contains(
                new EntityCount("Путина", EntityType.PERSON, 2, "Владимир Путин", "vladimir patin", 0.93));
        assertThat(stored.withEntitiesAtLeast(0.5).entities()).extracting(EntityCount::text).containsExactly("Путина", "Москве");
        assertThat(store.findArticle("k-4").orElseThrow().withEntitiesAtLeast(0.99).entities())
                .containsExactly(new EntityCount("Moscow", EntityType.LOCATION, 1));
    }

    private static ArticleQuery entity(String entity) {
        return new ArticleQuery(null, null, null, entity, null, null, null, false, null, 20, 0.5);
    }

    /** Four articles of two outlets in one story (one a reprint), one article in another story an hour later. */
    private void storeTwoStories() {
        Instant t0 = TASHKENT_MORNING.toInstant();
        Article uza = article("s1-uza", "OTS ministers meet in Samarkand", "Body.", TASHKENT_MORNING);
        Article copy = new Article("s1-copy", "Ministers meet in Samarkand", "Body.", null, "Dunyo", TASHKENT_MORNING.plusMinutes(5), null, "en", null);
        Article ru = new Article("s1-ru", "Министры встретились в Самарканде", "Текст.", null, "Podrobno", TASHKENT_MORNING.plusMinutes(50), null, "ru", null);
        Article baku = new Article("s2-trend", "Transport ministers meet in Baku", "Body.", null, "Trend", TASHKENT_MORNING.plusMinutes(70), null, "en", null);
        store.write(GROUP, List.of(
                enriched(uza, "en", List.of("UZ"), List.of()),
                duplicate(copy, "s1-uza", 0.9),
                enriched(ru, "ru", List.of("UZ"), List.of()),
                enriched(baku, "en", List.of("AZ"), List.of()),
                storyUpdate("s-s1-uza", "s1-uza", "UzA", StoryDecision.NEW, t0, t0, 1, 0, List.of("UzA")),
                storyUpdate("s-s1-uza", "s1-copy", "Dunyo", StoryDecision.DUPLICATE, t0.plusSeconds(300), t0, 2, 1, List.of("UzA")),
                storyUpdate("s-s1-uza", "s1-ru", "Podrobno", StoryDecision.ENTITIES, t0.plusSeconds(3_000), t0, 3, 1, List.of("Podrobno", "UzA")),
                storyUpdate("s-s2-trend", "s2-trend", "Trend", StoryDecision.NEW, t0.plusSeconds(4_200), t0.plusSeconds(4_200), 1, 0, List.of("Trend"))),
                List.of(new PartitionOffset("news.stories", 0, 4)));
    }

    @Test
    void shouldKeepTheLatestUpdateOfAStoryAndTellEachArticlesStory() {
        storeTwoStories();

        StoryDetails story = store.findStory("s-s1-uza", 100).orElseThrow();
        assertThat(story.story().articles()).isEqualTo(3);
        assertThat(story.story().reprints()).isEqualTo(1);
        assertThat(story.story().independentOutlets()).isEqualTo(2);
        assertThat(story.story().outlets()).containsExactly("Podrobno", "UzA");
        assertThat(story.story().topEntities()).containsExactly(person("Mirziyoyev", 3));
        assertThat(story.story().firstSeen()).isEqualTo("2022-10-27T04:12:00Z");
        assertThat(story.story().lastSeen()).isEqualTo("2022-10-27T05:02:00Z");
        assertThat(store.findArticle("s1-ru")).hasValueSatisfying(a -> assertThat(a.storyId()).isEqualTo("s-s1-uza"));
        assertThat(store.findArticle("s2-trend")).hasValueSatisfying(a -> assertThat(a.storyId()).isEqualTo("s-s2-trend"));
        assertThat(store.findStory("s-unknown", 10)).isEmpty();
        assertThat(store.nextOffsets(GROUP, "news.stories")).containsEntry(0, 4L);
    }

    @Test
    void shouldDescribeAStoryByItsArticlesOutletsLanguagesAndTimeline() {
        storeTwoStories();

        StoryDetails story = store.findStory("s-s1-uza", 100).orElseThrow();

        assertThat(story.articles()).extracting(StoryDetails.Article::id).containsExactly("s1-uza", "s1-copy", "s1-ru");
        assertThat(story.articles()).extracting(StoryDetails.Article::decidedBy).containsExactly("new", "duplicate", "entities");
        assertThat(story.articles().get(2).score()).isEqualTo(0.52);
        assertThat(story.articles().get(2).title()).isEqualTo("Министры встретились в Самарканде");
        assertThat(story.outlets()).containsExactly(new StoryDetails.Outlet("Dunyo", 1, 1),
                new StoryDetails.Outlet("Podrobno", 1, 0), new StoryDetails.Outlet("UzA", 1, 0));
        assertThat(story.languages()).containsExactly(new ArticleStats.Count("en", 2), new ArticleStats.Count("ru", 1));
        assertThat(story.timeline()).containsExactly(new ArticleStats.HourCount("2022-10-27T04:00:00Z", 2),
                new ArticleStats.HourCount("2022-10-27T05:00:00Z", 1));
        assertThat(store.findStory("s-s1-uza", 1).orElseThrow().articles()).extracting(StoryDetails.Article::id)
                .containsExactly("s1-uza");
    }

    @Test
    void shouldRankTheStoriesOfTheLatestHoursByIndependentOutlets() {
        storeTwoStories();

        TopStories day = store.topStories(24, 10);
        TopStories lastHour = store.topStories(1, 10);

        assertThat(day.until()).isEqualTo("2022-10-27T05:22:00Z");
        assertThat(day.stories()).extracting(r -> r.story().id()).containsExactly("s-s1-uza", "s-s2-trend");
        assertThat(day.stories().get(0).outletsInWindow()).as("the reprint's outlet is not independent").isEqualTo(2);
        assertThat(day.stories().get(0).articlesInWindow()).isEqualTo(3);
        assertThat(lastHour.stories()).as("one article each: the later story first")
                .extracting(r -> r.story().id()).containsExactly("s-s2-trend", "s-s1-uza");
        assertThat(lastHour.stories().get(1).articlesInWindow()).as("two of its articles are older than the hour").isEqualTo(1);
        assertThat(store.topStories(24, 1).stories()).hasSize(1);
    }

    @Test
    void shouldDropAStoryNoArticleIsInAnyMoreWhenAReplayRegroupsItsArticles() {
        storeTwoStories();
        Instant t0 = TASHKENT_MORNING.toInstant();

        store.write(GROUP, List.of(storyUpdate("s-s1-uza", "s2-trend", "Trend", StoryDecision.TEXT, t0.plusSeconds(4_200), t0, 4, 1,
                List.of("Podrobno", "Trend", "UzA"))), List.of());

        assertThat(store.findStory("s-s2-trend", 10)).isEmpty();
        assertThat(store.findStory("s-s1-uza", 10).orElseThrow().story().articles()).isEqualTo(4);
        assertThat(store.findArticle("s2-trend")).hasValueSatisfying(a -> assertThat(a.storyId()).isEqualTo("s-s1-uza"));
        assertThat(store.topStories(24, 10).stories()).extracting(r -> r.story().id()).containsExactly("s-s1-uza");
    }

    @Test
    void shouldAnswerWithNoStoriesBeforeAnyArticleHasOne() {
        TopStories none = store.topStories(24, 10);

        assertThat(none.stories()).isEmpty();
        assertThat(none.until()).isNull();
    }
}
