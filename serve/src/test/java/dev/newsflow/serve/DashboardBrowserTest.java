package dev.newsflow.serve;

import static dev.newsflow.serve.Articles.enriched;
import static dev.newsflow.serve.Articles.organization;
import static dev.newsflow.serve.Articles.person;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.Article;
import dev.newsflow.events.StoryDecision;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.Enrichment;
import dev.newsflow.events.EntityCount;
import dev.newsflow.events.EntityType;
import dev.newsflow.storage.ArticleStore;
import dev.newsflow.testkit.Prerequisites;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard page in a real headless Chromium against a real server and SQLite store. Skipped where
 * Chromium or its driver is not installed (Debian packages chromium and chromium-driver).
 */
class DashboardBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path folder;

    private static ArticleStore store;
    private static DirectArticleFeed feed;
    private static ApiServer server;
    private WebDriver browser;

    @BeforeAll
    static void startServer() {
        Prerequisites.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium or chromedriver is not installed (Debian packages chromium, chromium-driver)");
        store = ArticleStore.open("jdbc:sqlite:" + folder.resolve("dashboard.db"));
        store.write("test", List.of(
                enriched("stored-1", "Cotton harvest completed in Khorezm", "The harvest is over.", 0, "en",
                        List.of("UZ"), List.of(person("Mirziyoyev"), organization("Ministry of Agriculture"))),
                enriched("stored-2", "Товарооборот с Казахстаном вырос", "Текст.", 1, "ru", List.of("UZ", "KZ"),
                        List.of(person("Tokayev"))),
                Articles.duplicateOf("stored-1", "copy-1", "Cotton harvest completed in Khorezm region"),
                Articles.story("s-stored-1", "stored-1", "UzA", StoryDecision.NEW, 0, 1, 0, List.of("UzA")),
                Articles.story("s-stored-1", "copy-1", "Kun.uz", StoryDecision.DUPLICATE, 1, 2, 1, List.of("UzA"))), List.of());
        feed = new DirectArticleFeed();
        server = new ApiServer(store, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), feed).start(0);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
            feed.close();
            store.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void openDashboardAndWaitUntilLive() {
        browser.get("http://localhost:" + server.port() + "/");
        waitUpTo(Duration.ofSeconds(20)).until(d ->
                "live".equals(d.findElement(By.tagName("body")).getDomAttribute("data-stream")));
    }

    private WebDriverWait waitUpTo(Duration timeout) {
        // the feed re-renders while we look at it
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private List<String> feedTitles() {
        return browser.findElements(By.cssSelector("#feed li .title")).stream().map(WebElement::getText).toList();
    }

    @Test
    void shouldShowStoredArticlesAndChartsThenAnArticlePushedAfterLoading() throws Exception {
        openDashboardAndWaitUntilLive();
        waitUpTo(Duration.ofSeconds(10)).until(d -> feedTitles().size() == 2);
        assertThat(browser.findElement(By.cssSelector("#feed li[data-id='stored-1'] .republished")).getText())
                .isEqualTo("republished 1 time");
        waitUpTo(Duration.ofSeconds(10)).until(d -> "2".equals(d.findElement(By.id("total-count")).getText()));

        feed.publish(enriched("live-1", "Parliament adopts the 2023 budget", "The Oliy Majlis voted.", 40, "uz",
                List.of("UZ"), List.of(organization("Oliy Majlis"))));

        waitUpTo(Duration.ofSeconds(10)).until(d -> !feedTitles().isEmpty()
                && feedTitles().get(0).equals("Parliament adopts the 2023 budget"));
        WebElement live = browser.findElement(By.cssSelector("#feed li[data-id='live-1']"));
        assertThat(live.getText()).contains("UzA").contains("uz").contains("Oliy Majlis");
        assertThat(browser.findElement(By.id("total-count")).getText()).isEqualTo("3");
        assertThat(browser.findElement(By.id("throughput")).getText()).isEqualTo("1 / min");
        assertThat(browser.findElements(By.cssSelector("#chart-languages canvas"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#chart-people canvas"))).isNotEmpty();
        saveScreenshot("dashboard-live.png");
        assertThat(severeBrowserErrors()).isEmpty();
    }

    private List<String> storyHeadlines() {
        return browser.findElements(By.cssSelector("#stories li summary .title")).stream().map(WebElement::getText).toList();
    }

    @Test
    void shouldShowTopStoriesAndUpdateThemLiveWhenArticlesArrive() throws Exception {
        openDashboardAndWaitUntilLive();
        waitUpTo(Duration.ofSeconds(10)).until(d -> storyHeadlines().equals(List.of("Headline of s-stored-1")));
        WebElement stored = browser.findElement(By.cssSelector("#stories li[data-id='s-stored-1']"));
        assertThat(stored.getText()).contains("2 articles · 1 outlet · 1 reprint").contains("en, ru").contains("Mirziyoyev");

        // the stories stage and the store at work: a new story of two outlets, then its article on the stream
        store.write("test", List.of(Articles.story("s-live-2", "live-2", "UzA", StoryDecision.NEW, 2, 1, 0, List.of("UzA")),
                Articles.story("s-live-2", "live-3", "Kun.uz", StoryDecision.ENTITIES, 2, 2, 0, List.of("Kun.uz", "UzA"))), List.of());
        feed.publish(enriched("live-3", "Uzbekistan and Kazakhstan open a border crossing", "Text.", 2, "en",
                List.of("UZ", "KZ"), List.of()));

        waitUpTo(Duration.ofSeconds(10)).until(d -> storyHeadlines().equals(List.of("Headline of s-live-2", "Headline of s-stored-1")));
        browser.findElement(By.cssSelector("#stories li[data-id='s-stored-1'] summary")).click();
        waitUpTo(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#stories li[data-id='s-stored-1'] .story-articles li")).size() == 2);
        List<String> articles = browser.findElements(By.cssSelector("#stories li[data-id='s-stored-1'] .story-articles li"))
                .stream().map(WebElement::getText).toList();
        assertThat(articles.get(0)).startsWith("Cotton harvest completed in Khorezm · UzA · en").endsWith("(new)");
        assertThat(articles.get(1)).startsWith("Cotton harvest completed in Khorezm region · Kun.uz").endsWith("(reprint)");
        saveScreenshot("dashboard-stories.png");
        assertThat(severeBrowserErrors()).isEmpty();
    }

    @Test
    void shouldShowALiveArticlesEntitiesUnderTheirCanonicalNamesAndOnlyTheConfidentOnes() {
        openDashboardAndWaitUntilLive();

        feed.publish(enriched("live-ru", "Путин прибыл в Москву", "Читать далее", 41, "ru", List.of("RU"), List.of(
                new EntityCount("Путина", EntityType.PERSON, 2, "Владимир Путин", "vladimir patin", 0.97),
                new EntityCount("Москву", EntityType.LOCATION, 1, "Москва", "maskav", 0.99),
                new EntityCount("Читать", EntityType.LOCATION, 1, "Читать", "chitat", 0.2))));

        waitUpTo(Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#feed li[data-id='live-ru'] .chip")).isEmpty());
        List<String> chips = browser.findElements(By.cssSelector("#feed li[data-id='live-ru'] .chip")).stream()
                .map(WebElement::getText).toList();
        assertThat(chips).containsExactly("Владимир Путин", "Москва");
        assertThat(browser.findElements(By.cssSelector("#chart-places canvas"))).isNotEmpty();
        assertThat(severeBrowserErrors()).isEmpty();
    }

    @Test
    void shouldShowHostileArticleTextAsTextWithoutRunningIt() throws Exception {
        openDashboardAndWaitUntilLive();
        String title = "<script>alert(1)</script>";
        String body = "<img src=x onerror=alert(1)>";
        Article hostile = new Article("hostile-1", title, body, null, "<b>evil</b>", Articles.MORNING.plusHours(50),
                "javascript:alert(1)", null, "test");
        feed.publish(new EnrichedArticle(hostile, new Enrichment("en", "Latn", 0.5, List.of(),
                List.of(new dev.newsflow.events.EntityCount("<img src=x onerror=alert(2)>",
                        dev.newsflow.events.EntityType.PERSON, 1)), List.of(), List.of(), body, 5, 1), Instant.now()));

        waitUpTo(Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#feed li[data-id='hostile-1']")).isEmpty());
        WebElement item = browser.findElement(By.cssSelector("#feed li[data-id='hostile-1']"));
        assertThat(item.findElement(By.className("title")).getText()).isEqualTo(title);
        assertThat(item.findElement(By.className("summary")).getText()).isEqualTo(body);
        assertThat(item.getText()).contains("<b>evil</b>");
        assertThat(item.findElements(By.tagName("img"))).isEmpty();
        assertThat(item.findElements(By.tagName("script"))).isEmpty();
        assertThat(item.findElements(By.tagName("a"))).as("javascript: URLs are not linked").isEmpty();
        assertThat(alertText()).isNull();
        saveScreenshot("dashboard-hostile.png");
    }

    @Test
    void shouldSearchStoredArticlesFromTheSearchBox() {
        openDashboardAndWaitUntilLive();

        browser.findElement(By.id("search-input")).sendKeys("Khorezm");
        browser.findElement(By.cssSelector("#search button[type='submit']")).click();

        waitUpTo(Duration.ofSeconds(10)).until(d -> feedTitles().equals(List.of("Cotton harvest completed in Khorezm")));
        assertThat(browser.findElement(By.id("feed-heading")).getText()).isEqualTo("Search: Khorezm");
    }

    /** What a poller reports of a source (the fields SourcesView documents). */
    record Health(String name, String kind, String location, String state, Instant lastSuccessAt, String lastError,
                  int failures, long itemsToday, long itemsTotal) {
    }

    @Test
    void shouldListThePolledSourcesWithTheFailingOnesHighlighted() throws Exception {
        List<Health> sources = List.of(
                new Health("UzA", "feed", "https://uza.uz/rss", "ok", Instant.now(), null, 0, 12, 340),
                new Health("Down Agency", "feed", "https://down.example/rss", "failing", Instant.now().minusSeconds(3600),
                        "HTTP 500 from https://down.example/rss", 3, 0, 41));
        try (ApiServer withSources = new ApiServer(store, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), feed,
                () -> sources).start(0)) {
            String json = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + withSources.port() + "/api/sources")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertThat(json).startsWith("{\"sources\":[{\"name\":\"UzA\",\"kind\":\"feed\"");

            browser.get("http://localhost:" + withSources.port() + "/");
            waitUpTo(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#sources tbody tr")).size() == 2);

            WebElement failing = browser.findElement(By.cssSelector("#sources tr[data-name='Down Agency']"));
            assertThat(failing.getDomAttribute("class")).contains("failing");
            assertThat(failing.getDomAttribute("title")).isEqualTo("HTTP 500 from https://down.example/rss");
            assertThat(failing.findElement(By.className("state")).getText()).isEqualTo("failing (3)");
            WebElement ok = browser.findElement(By.cssSelector("#sources tr[data-name='UzA']"));
            assertThat(ok.getDomAttribute("class")).doesNotContain("failing");
            assertThat(ok.findElement(By.className("today")).getText()).isEqualTo("12");
            assertThat(browser.findElement(By.id("sources-summary")).getText()).isEqualTo("2 polled, 1 failing");
            assertThat(failing.getCssValue("background-color")).isNotEqualTo(ok.getCssValue("background-color"));
            saveScreenshot("dashboard-sources.png");
            assertThat(severeBrowserErrors()).isEmpty();
        }
    }

    @Test
    void shouldHideTheSourcesPanelWhenNoSourcesArePolled() {
        openDashboardAndWaitUntilLive();

        assertThat(browser.findElement(By.id("sources-panel")).isDisplayed()).isFalse();
    }

    private String alertText() {
        try {
            return browser.switchTo().alert().getText();
        } catch (NoAlertPresentException e) {
            return null;
        }
    }

    private List<String> severeBrowserErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    private void saveScreenshot(String name) throws Exception {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(target, png);
        assertThat(png.length).isGreaterThan(1000);
    }
}
