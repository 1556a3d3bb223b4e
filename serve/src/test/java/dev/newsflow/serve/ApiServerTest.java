package dev.newsflow.serve;

import static dev.newsflow.serve.Articles.duplicateOf;
import static dev.newsflow.serve.Articles.enriched;
import static dev.newsflow.serve.Articles.organization;
import static dev.newsflow.serve.Articles.person;
import static dev.newsflow.serve.Articles.story;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.events.EventJson;
import dev.newsflow.events.PipelineOutcome;
import dev.newsflow.events.StoryDecision;
import dev.newsflow.storage.ArticleStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTTP API over a real SQLite store, called through a real HTTP client. */
class ApiServerTest {
    @TempDir
    static Path folder;

    private static ArticleStore store;
    private static DirectArticleFeed feed;
    private static ApiServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startServer() {
        store = ArticleStore.open("jdbc:sqlite:" + folder.resolve("api.db"));
        List<PipelineOutcome> events = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            events.add(enriched("a-" + i, "Economy news number " + i + (i % 5 == 0 ? " about cotton" : ""),
                    "Body of article " + i + ".", i, i % 2 == 0 ? "en" : "ru",
                    i % 3 == 0 ? List.of("UZ", "KZ") : List.of("UZ"),
                    i % 4 == 0 ? List.of(person("Mirziyoyev"), organization("World Bank")) : List.of(person("Tokayev"))));
        }
        events.add(duplicateOf("a-24", "kun-1", "Economy news number 24, copied"));
        events.add(duplicateOf("a-24", "kun-2", "Economy news number 24, copied again"));
        store.write("test", events, List.of());
        store.write("test", List.of(
                story("s-a-20", "a-20", "UzA", StoryDecision.NEW, 20, 1, 0, List.of("UzA")),
                story("s-a-20", "a-22", "UzA", StoryDecision.TEXT, 22, 2, 0, List.of("UzA")),
                story("s-a-20", "kun-1", "Kun.uz", StoryDecision.DUPLICATE, 23, 3, 1, List.of("UzA")),
                story("s-a-24", "a-24", "UzA", StoryDecision.NEW, 24, 1, 0, List.of("UzA")),
                story("s-a-24", "kun-2", "Kun.uz", StoryDecision.DUPLICATE, 24, 2, 1, List.of("UzA"))), List.of());
        feed = new DirectArticleFeed();
        server = new ApiServer(store, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), feed).start(0);
    }

    @AfterAll
    static void stopServer() {
        server.close();
        feed.close();
        store.close();
    }

    static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + server.port() + pathAndQuery);
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return EventJson.mapper().readTree(response.body());
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("articles").forEach(a -> ids.add(a.get("id").asText()));
        return ids;
    }

    @Test
    void shouldListNewestArticlesFirstAndPageWithTheCursor() throws Exception {
        JsonNode first = json(get("/api/articles?limit=10"));
        JsonNode second = json(get("/api/articles?limit=10&cursor=" + first.get("nextCursor").asText()));
        JsonNode third = json(get("/api/articles?limit=10&cursor=" + second.get("nextCursor").asText()));

        List<String> all = new ArrayList<>(ids(first));
        all.addAll(ids(second));
        all.addAll(ids(third));
        assertThat(all).hasSize(25).doesNotHaveDuplicates().startsWith("a-24", "a-23").endsWith("a-1", "a-0");
        assertThat(third.get("nextCursor").isNull()).isTrue();
        assertThat(first.get("articles").get(0).get("duplicateCount").asInt()).isEqualTo(2);
    }

    @Test
    void shouldSearchTextAndFilterByCountryLanguageEntityAndDates() throws Exception {
        assertThat(ids(json(get("/api/articles?q=cotton")))).containsExactly("a-20", "a-15", "a-10", "a-5", "a-0");
        assertThat(ids(json(get("/api/articles?q=cotton&language=en")))).containsExactly("a-20", "a-10", "a-0");
        assertThat(ids(json(get("/api/articles?country=kz&entity=" + URLEncoder.encode("World Bank", StandardCharsets.UTF_8)))))
                .containsExactly("a-24", "a-12", "a-0");
        assertThat(ids(json(get("/api/articles?from=2022-10-27T10:00:00%2B05:00&to=2022-10-27T12:00:00%2B05:00"))))
                .containsExactly("a-2", "a-1");
        assertThat(ids(json(get("/api/articles?source=UzA&duplicates=true&limit=100")))).hasSize(25);
        assertThat(ids(json(get("/api/articles?duplicates=true&limit=3")))).containsExactly("kun-2", "kun-1", "a-24");
    }

    @Test
    void shouldReturnAnArticleWithItsDuplicates() throws Exception {
        HttpResponse<String> response = get("/api/articles/a-24");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("article").get("title").asText()).isEqualTo("Economy news number 24");
        assertThat(body.get("article").get("publishedAt").asText()).isEqualTo("2022-10-28T09:00+05:00");
        assertThat(body.get("article").get("duplicateCount").asInt()).isEqualTo(2);
        assertThat(body.get("duplicates").findValuesAsText("id")).containsExactly("kun-1", "kun-2");
    }

    @Test
    void shouldTellTheStoryOfAnArticle() throws Exception {
        assertThat(json(get("/api/articles/a-22")).get("article").get("storyId").asText()).isEqualTo("s-a-20");
        assertThat(json(get("/api/articles/a-1")).get("article").get("storyId").isNull()).as("no story yet").isTrue();
    }

    @Test
    void shouldListTheMostActiveStoriesOfTheLatestHours() throws Exception {
        JsonNode day = json(get("/api/stories?hours=24"));
        JsonNode lastHours = json(get("/api/stories?hours=2&limit=1"));

        assertThat(day.get("until").asText()).isEqualTo("2022-10-28T04:00:00Z");
        assertThat(day.get("stories").findValuesAsText("id")).containsExactly("s-a-20", "s-a-24");
        JsonNode first = day.get("stories").get(0);
        assertThat(first.get("articlesInWindow").asInt()).isEqualTo(3);
        assertThat(first.get("outletsInWindow").asInt()).isEqualTo(1);
        assertThat(first.get("story").get("headline").asText()).isEqualTo("Headline of s-a-20");
        assertThat(first.get("story").get("reprints").asInt()).isEqualTo(1);
        assertThat(lastHours.get("stories").findValuesAsText("id")).as("two articles in the last two hours")
                .containsExactly("s-a-24");
    }

    @Test
    void shouldDescribeAStoryWithItsArticlesOutletsLanguagesAndTimeline() throws Exception {
        HttpResponse<String> response = get("/api/stories/s-a-20");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("story").get("articles").asInt()).isEqualTo(3);
        assertThat(body.get("articles").findValuesAsText("id")).containsExactly("a-20", "a-22", "kun-1");
        assertThat(body.get("articles").findValuesAsText("decidedBy")).containsExactly("new", "text", "duplicate");
        assertThat(body.get("articles").get(2).get("source").asText()).isEqualTo("Kun.uz");
        assertThat(body.get("outlets").findValuesAsText("source")).containsExactly("UzA", "Kun.uz");
        assertThat(body.get("outlets").get(1).get("reprints").asInt()).isEqualTo(1);
        assertThat(body.get("languages").findValuesAsText("key")).containsExactly("en");
        assertThat(body.get("timeline").findValuesAsText("hour"))
                .containsExactly("2022-10-28T00:00:00Z", "2022-10-28T02:00:00Z", "2022-10-28T03:00:00Z");
        assertThat(json(get("/api/stories/s-a-20?limit=1")).get("articles").findValuesAsText("id")).containsExactly("a-20");
        HttpResponse<String> unknown = get("/api/stories/s-nope");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("error").asText()).contains("s-nope");
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownId() throws Exception {
        HttpResponse<String> response = get("/api/articles/no-such-id");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("error").asText()).contains("no-such-id");
    }

    @Test
    void shouldAnswerAnUnknownApiPathWithAJsonErrorThatListsTheEndpoints() throws Exception {
        HttpResponse<String> response = get("/api/article"); // a typo of /api/articles

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("error").asText()).contains("GET /api/article;", "/api/articles");
        assertThat(get("/no-such-page").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/articles?limit=0", "/api/articles?limit=101", "/api/articles?limit=ten",
            "/api/articles?from=yesterday", "/api/articles?from=2022-10-28&to=2022-10-27",
            "/api/articles?from=1066-10-14", "/api/articles?country=Uzbekistan", "/api/articles?cursor=bm9wZQ",
            "/api/articles?q=%21%21%21", "/api/articles?duplicates=maybe", "/api/articles?sort=oldest",
            "/api/stats?top=0", "/api/stats?hours=100000", "/api/stats?minConfidence=2", "/api/articles?minConfidence=x",
            "/api/stories?hours=0", "/api/stories?limit=101", "/api/stories/s-a-20?limit=0"})
    void shouldRejectInvalidParametersWithAJsonErrorAndNoStackTrace(String pathAndQuery) throws Exception {
        HttpResponse<String> response = get(pathAndQuery);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void shouldRejectAnOverlongQueryNamingTheParameter() throws Exception {
        JsonNode body = json(get("/api/articles?q=" + "a".repeat(201)));

        assertThat(body.get("parameter").asText()).isEqualTo("q");
        assertThat(body.get("error").asText()).contains("200");
    }

    @Test
    void shouldCountByLanguageCountrySourceEntityAndHour() throws Exception {
        JsonNode stats = json(get("/api/stats?top=5&hours=24"));

        assertThat(stats.get("originals").asLong()).isEqualTo(25);
        assertThat(stats.get("duplicates").asLong()).isEqualTo(2);
        assertThat(stats.get("byLanguage").get(0).get("key").asText()).isEqualTo("en");
        assertThat(stats.get("byLanguage").get(0).get("count").asLong()).isEqualTo(13);
        assertThat(stats.get("byCountry").findValuesAsText("key")).containsExactly("UZ", "KZ");
        assertThat(stats.get("topPeople").findValuesAsText("key")).containsExactly("Tokayev", "Mirziyoyev");
        assertThat(stats.get("topOrganizations").get(0).get("count").asLong()).isEqualTo(7);
        assertThat(stats.get("perHour")).hasSize(24);
    }

    @Test
    void shouldTellAClientThatDoesNotAcceptAnEventStreamHowToAsk() throws Exception {
        HttpResponse<String> response = get("/api/stream"); // what curl sends: Accept */* at most

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(json(response).get("error").asText()).contains("Accept: text/event-stream");
    }

    @Test
    void shouldStreamEachNewArticleAsAServerSentEvent() throws Exception {
        try (SseLines stream = new SseLines(HTTP, uri("/api/stream"))) {
            assertThat(stream.nextData("ready", Duration.ofSeconds(10))).isNotNull();
            assertThat(stream.contentType()).startsWith("text/event-stream");

            feed.publish(enriched("live-1", "Live: parliament adopts budget", "Text.", 30, "uz", List.of("UZ"),
                    List.of(organization("Oliy Majlis"))));

            String data = stream.nextData("article", Duration.ofSeconds(10));
            assertThat(data).isNotNull();
            JsonNode article = EventJson.mapper().readTree(data);
            assertThat(article.get("id").asText()).isEqualTo("live-1");
            assertThat(article.get("title").asText()).isEqualTo("Live: parliament adopts budget");
            assertThat(article.get("entities").get(0).get("text").asText()).isEqualTo("Oliy Majlis");
        }
    }

    @Test
    void shouldExposePrometheusMetricsOfItsOwnRequests() throws Exception {
        get("/api/stats");

        HttpResponse<String> metrics = get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(metrics.body()).contains("newsflow_serve_http_requests_seconds_count{method=\"GET\",route=\"/api/stats\",status=\"200\"}")
                .contains("newsflow_serve_sse_clients");
    }

    @Test
    void shouldReportHealthWithTheArticleCount() throws Exception {
        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("UP");
        assertThat(json(response).get("articles").asLong()).isEqualTo(store.countArticles());
    }

    @Test
    void shouldServeTheDashboardAndChartLibraryWithAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = get("/");
        HttpResponse<String> echarts = get("/webjars/echarts/5.3.1/dist/echarts.min.js");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<ol id=\"feed\"");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(echarts.statusCode()).isEqualTo(200);
        assertThat(echarts.body()).contains("echarts");
        assertThat(get("/api/articles").headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void shouldNotAcceptWrites() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/articles"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isIn(404, 405);
        assertThat(store.countArticles()).isEqualTo(27);
    }

    @Test
    void shouldDropAStreamClientThatDisconnects() throws Exception {
        SseLines stream = new SseLines(HTTP, uri("/api/stream"));
        assertThat(stream.nextData("ready", Duration.ofSeconds(10))).isNotNull();
        stream.close();

        // the server notices a dead client when it next writes to it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            feed.publish(enriched("ping", "Ping", "Text.", 0, "en", List.of(), List.of()));
            assertThat(json(get("/health")).get("liveClients").asInt()).isZero();
        });
    }
}
