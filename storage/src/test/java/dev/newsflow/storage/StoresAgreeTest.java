package dev.newsflow.storage;

import static dev.newsflow.storage.TestArticles.duplicate;
import static dev.newsflow.storage.TestArticles.enriched;
import static dev.newsflow.storage.TestArticles.organization;
import static dev.newsflow.storage.TestArticles.person;
import static dev.newsflow.storage.TestArticles.storyUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.Article;
import dev.newsflow.events.PipelineOutcome;
import dev.newsflow.events.StoryDecision;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same multilingual corpus written to SQLite and to PostgreSQL: every query answers the same, page by
 * page, field by field. Skipped when the PostgreSQL server is unreachable.
 */
class StoresAgreeTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2022, 10, 27, 9, 0, 0, 0, ZoneOffset.ofHours(5));

    @TempDir
    static Path folder;

    private static PostgresDatabase postgres;
    private static ArticleStore sqlite;
    private static ArticleStore postgresql;

    @BeforeAll
    static void writeTheSameCorpusToBoth() throws Exception {
        postgres = PostgresDatabase.requireServer();
        sqlite = ArticleStore.open("jdbc:sqlite:" + folder.resolve("agree.db"));
        postgresql = ArticleStore.open(postgres.freshSchemaUrl());
        List<PipelineOutcome> corpus = corpus();
        sqlite.write("agree", corpus, List.of());
        postgresql.write("agree", corpus, List.of());
    }

    @AfterAll
    static void close() throws Exception {
        if (sqlite != null) {
            sqlite.close();
        }
        if (postgresql != null) {
            postgresql.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** Titles in the pipeline's languages; ids of mixed case and equal times exercise the tie order. */
    private static List<PipelineOutcome> corpus() {
        String[][] items = {
            {"uza-B", "en", "Uzbekistan and Türkiye sign trade agreement", "UZ,TR"},
            {"uza-a", "ru", "Ташкент принимает международный форум", "UZ"},
            {"uza-C", "uz", "Oʻzbekiston va Qozogʻiston savdo hajmi oshdi", "UZ,KZ"},
            {"uza-10", "uz", "Тошкентда янги метро бекати очилди", "UZ"},
            {"uza-9", "kk", "Астанада халықаралық форум өтті", "KZ"},
            {"uza-Ä", "tr", "Türkiye ile Özbekistan arasında yeni anlaşma", "TR,UZ"},
            {"uza-b", "az", "Azərbaycan və Özbəkistan əməkdaşlığı genişlənir", "AZ,UZ"},
            {"uza-_1", "ky", "Бишкекте соода форуму өттү", "KG"},
            {"uza-z", "en", "TASHKENT hosts the international forum", "UZ"},
        };
        List<PipelineOutcome> events = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            String[] item = items[i];
            // pairs of articles share a publication time: the id decides their order
            Article article = TestArticles.article(item[0], item[2], item[2] + ". Подробности / details.",
                    T0.plusHours(i / 2));
            events.add(enriched(article, item[1], List.of(item[3].split(",")),
                    i % 2 == 0 ? List.of(person("Mirziyoyev", 2), organization("SCO", 1))
                            : List.of(person("Tokayev", 1), organization("ШОС", 1))));
        }
        events.add(duplicate(TestArticles.article("kun-1", "Ташкент принимает форум", "Копия.", T0.plusHours(1)),
                "uza-a", 0.9));
        // stories whose ids differ only in case, with equal activity: the id decides their order
        Instant t0 = T0.toInstant();
        events.add(storyUpdate("s-uza-B", "uza-B", "UzA", StoryDecision.NEW, t0, t0, 1, 0, List.of("UzA")));
        events.add(storyUpdate("s-uza-b", "uza-b", "UzA", StoryDecision.NEW, t0.plusSeconds(7_200), t0.plusSeconds(7_200), 1, 0, List.of("UzA")));
        events.add(storyUpdate("s-uza-a", "uza-a", "UzA", StoryDecision.NEW, t0, t0, 1, 0, List.of("UzA")));
        events.add(storyUpdate("s-uza-a", "kun-1", "Kun.uz", StoryDecision.DUPLICATE, t0.plusSeconds(3_600), t0, 2, 1, List.of("UzA")));
        events.add(storyUpdate("s-uza-a", "uza-Ä", "UzA", StoryDecision.TITLE, t0.plusSeconds(7_200), t0, 3, 1, List.of("UzA")));
        events.add(storyUpdate("s-uza-C", "uza-C", "UzA", StoryDecision.NEW, t0.plusSeconds(3_600), t0.plusSeconds(3_600), 1, 0, List.of("UzA")));
        return events;
    }

    static Stream<ArticleQuery> queries() {
        ArticleQuery latest = ArticleQuery.latest();
        return Stream.of(
                latest.withLimit(100),
                latest.withLimit(2),
                new ArticleQuery(null, null, null, null, null, null, null, true, null, 100),
                new ArticleQuery(null, "uz", null, null, null, null, null, false, null, 100),
                new ArticleQuery(null, null, "TR", null, null, null, null, false, null, 100),
                new ArticleQuery(null, null, null, "ШОС", null, null, null, false, null, 100),
                new ArticleQuery(null, null, null, null, "UzA", T0.plusHours(1).toInstant(),
                        Instant.parse("2022-10-27T07:00:00Z"), false, null, 100));
    }

    @ParameterizedTest
    @MethodSource("queries")
    void shouldAnswerEveryPageOfAQueryAlike(ArticleQuery query) {
        ArticleQuery current = query;
        for (int page = 0; page < 20; page++) {
            ArticlePage fromSqlite = sqlite.search(current);
            ArticlePage fromPostgres = postgresql.search(current);
            assertThat(fromPostgres).as("page %d of %s", page, query).isEqualTo(fromSqlite);
            if (fromSqlite.nextCursor() == null) {
                return;
            }
            current = current.withCursor(fromSqlite.nextCursor());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"форум", "ФОРУМ", "Ташкент", "tashkent", "Türkiye", "TÜRKIYE", "Özbekistan",
            "Oʻzbekiston", "savdo hajmi", "Azərbaycan", "халықаралық", "details", "forum international"})
    void shouldFindTheSameArticlesForAFullTextQuery(String text) {
        ArticlePage fromSqlite = sqlite.search(ArticleQuery.latest().withLimit(100).withText(text));

        assertThat(postgresql.search(ArticleQuery.latest().withLimit(100).withText(text))).isEqualTo(fromSqlite);
        assertThat(fromSqlite.articles()).as("the corpus has matches for %s", text).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 100})
    void shouldComputeTheSameStatistics(int top) {
        assertThat(postgresql.stats(top, 48)).isEqualTo(sqlite.stats(top, 48));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 24})
    void shouldRankTheSameStories(int hours) {
        TopStories fromSqlite = sqlite.topStories(hours, 10);

        assertThat(postgresql.topStories(hours, 10)).isEqualTo(fromSqlite);
        assertThat(fromSqlite.stories()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"s-uza-a", "s-uza-B", "s-uza-b", "s-missing"})
    void shouldDescribeTheSameStory(String id) {
        assertThat(postgresql.findStory(id, 100)).isEqualTo(sqlite.findStory(id, 100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"uza-a", "uza-Ä", "kun-1", "missing"})
    void shouldReturnTheSameArticleAndDuplicates(String id) {
        assertThat(postgresql.findArticle(id)).isEqualTo(sqlite.findArticle(id));
        assertThat(postgresql.findDuplicates(id)).isEqualTo(sqlite.findDuplicates(id));
    }
}
