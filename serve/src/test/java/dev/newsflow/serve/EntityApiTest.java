package dev.newsflow.serve;

import static dev.newsflow.serve.Articles.enriched;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.events.EntityCount;
import dev.newsflow.events.EntityType;
import dev.newsflow.events.EventJson;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API counts and finds one entity by its key, shows its canonical name, and hides what it is unsure of. */
class EntityApiTest {
    @TempDir
    static Path folder;
    private static ArticleStore store;
    private static DirectArticleFeed feed;
    private static ApiServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startServer() {
        store = ArticleStore.open("jdbc:sqlite:" + folder.resolve("entities.db"));
        store.write("test", List.of(
                enriched("k-1", "Путина встретили в Москве", "Читать", 0, "ru", List.of("RU"), List.of(
                        new EntityCount("Путина", EntityType.PERSON, 1, "Владимир Путин", "vladimir patin", 0.93),
                        new EntityCount("Москве", EntityType.LOCATION, 1, "Москва", "maskav", 0.99),
                        new EntityCount("Читать", EntityType.LOCATION, 1, "Читать", "chitat", 0.31))),
                enriched("k-2", "Владимира Путина ждут в Москву", "-", 1, "ru", List.of("RU"), List.of(
                        new EntityCount("Владимира Путина", EntityType.PERSON, 1, "Владимир Путин", "vladimir patin", 0.88),
                        new EntityCount("Москву", EntityType.LOCATION, 1, "Москва", "maskav", 0.97))),
                enriched("k-3", "Vladimir Putin in Moscow", "-", 2, "en", List.of("RU"), List.of(
                        new EntityCount("Vladimir Putin", EntityType.PERSON, 1, "Vladimir Putin", "vladimir patin", 0.99),
                        new EntityCount("Moscow", EntityType.LOCATION, 1, "Moscow", "maskav", 0.95)))), List.of());
        feed = new DirectArticleFeed();
        server = new ApiServer(store, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), feed).start(0);
    }

    @AfterAll
    static void stopServer() {
        server.close();
        feed.close();
        store.close();
    }

    @Test
    void shouldCountOneEntityOnceUnderItsCanonicalNameAndLeaveOutUnsureOnes() throws Exception {
        JsonNode stats = get("/api/stats");

        assertThat(stats.get("topPeople")).hasSize(1);
        assertThat(stats.get("topPeople").get(0).get("name").asText()).isEqualTo("Владимир Путин");
        assertThat(stats.get("topPeople").get(0).get("count").asLong()).isEqualTo(3);
        assertThat(stats.get("topLocations").findValuesAsText("name")).containsExactly("Москва");
        assertThat(get("/api/stats?minConfidence=0").get("topLocations").findValuesAsText("name"))
                .containsExactly("Москва", "Читать");
    }

    @Test
    void shouldFindArticlesByAnEntitysNameOrKeyInAnyScript() throws Exception {
        assertThat(ids(get("/api/articles?entity=" + encode("Москва")))).containsExactly("k-2", "k-1");
        assertThat(ids(get("/api/articles?entity=Moscow"))).containsExactly("k-3", "k-2", "k-1");
        assertThat(ids(get("/api/articles?entity=maskav"))).containsExactly("k-3", "k-2", "k-1");
        assertThat(ids(get("/api/articles?entity=" + encode("Читать")))).isEmpty();
        assertThat(ids(get("/api/articles?minConfidence=0&entity=" + encode("Читать")))).containsExactly("k-1");
    }

    @Test
    void shouldShowAnArticlesConfidentEntitiesUnlessAskedForAll() throws Exception {
        JsonNode article = get("/api/articles/k-1").get("article");

        assertThat(article.get("entities").findValuesAsText("name")).containsExactlyInAnyOrder("Владимир Путин", "Москва");
        assertThat(article.get("entities").findValuesAsText("key")).containsExactlyInAnyOrder("vladimir patin", "maskav");
        assertThat(get("/api/articles/k-1?minConfidence=0").get("article").get("entities").findValuesAsText("name"))
                .contains("Читать");
        assertThat(get("/api/articles?entity=maskav").get("articles").get(2).get("entities").findValuesAsText("name"))
                .containsExactlyInAnyOrder("Владимир Путин", "Москва");
    }

    private static JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + server.port() + pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return EventJson.mapper().readTree(response.body());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("articles").forEach(a -> ids.add(a.get("id").asText()));
        return ids;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
