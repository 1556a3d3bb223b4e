package dev.newsflow.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.clients.TopicProvisioner;
import dev.newsflow.clients.TopicSnapshot;
import dev.newsflow.events.Article;
import dev.newsflow.events.EventJson;
import dev.newsflow.events.Extraction;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.events.Topic;
import dev.newsflow.producer.ArticleIds;
import dev.newsflow.producer.ArticlePublisher;
import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.LocalWebServer;
import dev.newsflow.testkit.LocalWebServer.Response;
import dev.newsflow.testkit.RealKafkaExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealKafkaExtension.class)
class SourcePollerTest {
    private static final String RSS = "application/rss+xml";
    private static final String HTML = "text/html; charset=utf-8";
    private static final List<String> STORY = List.of(
            "Tashkent hosted the regional forum on water management on Monday, with delegations from five countries.",
            "Ministers agreed to share river flow data every week and to set up a joint commission on irrigation.",
            "The next meeting, the organisers said, will take place in Almaty in the spring of next year.");

    private LocalWebServer web;
    private KafkaSettings kafka;
    private Topic<Article> raw;
    private String stateTopic;
    private final Map<String, String> settings = new HashMap<>(Map.of(
            SourcesConfig.HOST_DELAY, "0ms", SourcesConfig.REQUEST_TIMEOUT, "2s",
            SourcesConfig.RETRY_INITIAL_BACKOFF, "200ms", SourcesConfig.RETRY_MAX_BACKOFF, "800ms",
            SourcesConfig.MAX_BYTES, "200000"));

    @BeforeEach
    void start(KafkaBroker broker) throws Exception {
        web = LocalWebServer.start();
        kafka = KafkaSettings.of(broker.bootstrapServers());
        raw = PipelineTopics.withSuffix(KafkaBroker.uniqueName("sources")).raw();
        stateTopic = KafkaBroker.uniqueName("state");
        try (Admin admin = Admin.create(kafka.admin())) {
            TopicProvisioner.ensureTopics(admin, List.of(new NewTopic(raw.name(), Optional.of(1), Optional.empty())), Duration.ofSeconds(60));
        }
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void shouldPublishEachItemWithItsPageTextAndNothingMoreWhileTheFeedIsUnchangedEvenAfterARestart() throws Exception {
        web.serve("/rss.xml", Response.ok(RSS, Pages.rss("Example Agency", List.of(
                        new String[] {"a-1", "Water forum in Tashkent", web.url("/news/1"), "Teaser about the forum."},
                        new String[] {"a-2", "Second story", web.url("/news/2"), "Teaser two."})))
                .withHeader("ETag", "\"v1\""));
        web.serve("/news/1", Response.ok(HTML, Pages.article("Water forum in Tashkent", "Golib Khasanov",
                "2026-11-30T09:12:00+05:00", "en", STORY)));
        web.serve("/news/2", Response.ok(HTML, Pages.article("Second story", "Anna Ivanova", "2026-11-30T10:00:00+05:00",
                "ru", List.of("Вторая статья о форуме в Ташкенте, длиннее, чем анонс в ленте новостей агентства."))));
        List<SourceSpec> specs = List.of(feed("Example Agency", "/rss.xml"));

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SourcePoller.Round first = pollOnce(specs, registry);
        SourcePoller.Round second = pollOnce(specs, registry);
        SourcePoller.Round afterRestart = pollOnce(specs);

        assertThat(first.describe()).isEqualTo("sources polled: 1, articles published: 2 (updates: 0), failures: 0");
        assertThat(second.published()).isZero();
        assertThat(afterRestart.published()).isZero();
        assertThat(registry.get("newsflow.sources.items").tags("source", "Example Agency", "change", "new").counter().count()).isEqualTo(2);
        assertThat(registry.get("newsflow.sources.not.modified").tag("source", "Example Agency").counter().count()).isEqualTo(1);
        assertThat(registry.get("newsflow.sources.fetches").tag("source", "Example Agency").counter().count()).isEqualTo(4);
        assertThat(registry.get("newsflow.sources.extraction.fallbacks").tag("source", "Example Agency").counter().count()).isZero();
        assertThat(registry.get("newsflow.sources.last.success.timestamp").tag("source", "Example Agency").gauge().value())
                .isGreaterThan(0);
        List<Article> articles = published();
        assertThat(articles).hasSize(2);
        Article article = articles.get(0);
        assertThat(article.id()).isEqualTo(ArticleIds.fromContent("a-1"));
        assertThat(article.title()).isEqualTo("Water forum in Tashkent");
        assertThat(article.body()).isEqualTo(String.join("\n\n", STORY));
        assertThat(article.extraction()).isEqualTo(Extraction.PAGE);
        assertThat(article.author()).isEqualTo("Golib Khasanov");
        assertThat(article.source()).isEqualTo("Example News");
        assertThat(article.publishedAt()).isEqualTo(OffsetDateTime.parse("2026-11-30T09:12+05:00"));
        assertThat(article.language()).isEqualTo("en");
        assertThat(article.url()).isEqualTo(web.url("/news/1"));
        assertThat(articles.get(1).language()).isEqualTo("ru");
        // one GET of each page; the feed asked again with its validator, answered 304
        assertThat(web.requests("/news/1")).hasSize(1);
        assertThat(web.requests("/rss.xml")).hasSize(3)
                .allSatisfy(r -> assertThat(r.header("User-Agent")).startsWith("newsflow/"))
                .extracting(r -> r.header("If-None-Match")).containsExactly(null, "\"v1\"", "\"v1\"");
    }

    @Test
    void shouldPublishAChangedPageAgainAsAnUpdateWithTheSameId() throws Exception {
        web.serve("/rss.xml", Response.ok(RSS, Pages.rss("Agency", List.<String[]>of(
                new String[] {"u-1", "Budget adopted", web.url("/story"), "First version."}))));
        web.serve("/story", Response.ok(HTML, Pages.article("Budget adopted", "A. Author", "2026-11-30T09:00:00Z", "en", STORY)));
        List<SourceSpec> specs = List.of(feed("Agency", "/rss.xml"));
        pollOnce(specs);
        List<String> corrected = new ArrayList<>(STORY);
        corrected.add("Update: the parliament also approved the spending plan for the regions, officials said.");
        web.serve("/rss.xml", Response.ok(RSS, Pages.rss("Agency", List.<String[]>of(
                new String[] {"u-1", "Budget adopted", web.url("/story"), "Second version."}))));
        web.serve("/story", Response.ok(HTML, Pages.article("Budget adopted", "A. Author", "2026-11-30T09:00:00Z", "en", corrected)));

        SourcePoller.Round round = pollOnce(specs);

        assertThat(round.updated()).isEqualTo(1);
        List<Article> articles = published();
        assertThat(articles).extracting(Article::id).containsOnly(ArticleIds.fromContent("u-1")).hasSize(2);
        assertThat(articles.get(1).body()).endsWith("for the regions, officials said.");
    }

    @Test
    void shouldKeepTheFeedTextWhenRobotsDisallowThePageOrItIsHugeSlowOrMissing() throws Exception {
        web.serve("/robots.txt", Response.ok("text/plain", "User-agent: *\nDisallow: /private/\n"));
        web.serve("/rss.xml", Response.ok(RSS, Pages.rss("Agency", List.of(
                new String[] {"r-1", "Disallowed", web.url("/private/1"), "Feed text of the disallowed page."},
                new String[] {"r-2", "Huge", web.url("/huge"), "Feed text of the huge page."},
                new String[] {"r-3", "Slow", web.url("/slow"), "Feed text of the slow page."},
                new String[] {"r-4", "Missing", web.url("/missing"), "Feed text of the missing page."}))));
        web.serve("/private/1", Response.ok(HTML, Pages.article("Disallowed", "X", "2026-11-30T09:00:00Z", "en", STORY)));
        web.serve("/huge", Response.ok(HTML, Pages.article("Huge", "X", "2026-11-30T09:00:00Z", "en",
                List.of("word ".repeat(60_000)))));
        web.serve("/slow", Response.ok(HTML, Pages.article("Slow", "X", "2026-11-30T09:00:00Z", "en", STORY))
                .delayed(Duration.ofSeconds(6)));

        SourcePoller.Round round = pollOnce(List.of(feed("Agency", "/rss.xml")));

        assertThat(round.published()).isEqualTo(4);
        assertThat(published()).allSatisfy(article -> {
            assertThat(article.extraction()).isEqualTo(Extraction.FEED);
            assertThat(article.body()).startsWith("Feed text of the");
        });
        assertThat(web.requests("/private/1")).isEmpty();
    }

    @Test
    void shouldReadAWindows1251PageWithoutACharsetAndFeedsRedirectedAndGzipped() throws Exception {
        List<String> russian = List.of("Ташкент принял региональный форум по управлению водными ресурсами в понедельник.",
                "Министры договорились еженедельно обмениваться данными о стоке рек и создать совместную комиссию.");
        web.serve("/old-feed", Response.redirect(web.url("/rss.xml")));
        web.serve("/rss.xml", Response.ok(RSS, Pages.rss("Агентство", List.<String[]>of(
                new String[] {"w-1", "Форум", web.url("/ru/1"), "Анонс."}))).gzipped());
        String page = Pages.article("Форум", "Анна", "2026-11-30T09:00:00+03:00", "ru", russian).replace("<meta charset=\"utf-8\">", "");
        web.serve("/ru/1", Response.ok("text/html", page, Charset.forName("windows-1251")));

        pollOnce(List.of(feed("Агентство", "/old-feed")));

        assertThat(published()).singleElement().satisfies(article -> {
            assertThat(article.body()).isEqualTo(String.join("\n\n", russian));
            assertThat(article.extraction()).isEqualTo(Extraction.PAGE);
        });
        assertThat(web.requests("/rss.xml").get(0).header("Accept-Encoding")).contains("gzip");
    }

    @Test
    void shouldReadNewsSitemapsThroughTheirIndex() throws Exception {
        web.serve("/sitemap.xml", Response.ok("application/xml", Pages.sitemapIndex(List.of(web.url("/news-sitemap.xml"))))
                .withHeader("ETag", "\"i1\""));
        web.serve("/news-sitemap.xml", Response.ok("application/xml", Pages.newsSitemap(List.<String[]>of(
                new String[] {web.url("/news/7"), "Water forum (sitemap title)"}))).withHeader("ETag", "\"s1\""));
        web.serve("/news/7", Response.ok(HTML, Pages.article("Water forum", "Golib Khasanov", "2026-11-30T09:12:00+05:00", "en", STORY)));
        SourceSpec sitemap = new SourceSpec("Sitemap", SourceKind.SITEMAP, URI.create(web.url("/sitemap.xml")), null,
                Duration.ofMinutes(5), true, null, "Sitemap", null);

        SourcePoller.Round first = pollOnce(List.of(sitemap));
        SourcePoller.Round second = pollOnce(List.of(sitemap));

        assertThat(first.published()).isEqualTo(1);
        assertThat(second.published()).isZero();
        assertThat(published()).singleElement().satisfies(article -> {
            assertThat(article.id()).isEqualTo(ArticleIds.fromContent(web.url("/news/7")));
            assertThat(article.title()).isEqualTo("Water forum (sitemap title)");
            assertThat(article.body()).isEqualTo(String.join("\n\n", STORY));
        });
        // the unchanged index answers 304, and its child is asked again with its own validator
        assertThat(web.requests("/sitemap.xml")).extracting(r -> r.header("If-None-Match")).containsExactly(null, "\"i1\"");
        assertThat(web.requests("/news-sitemap.xml")).extracting(r -> r.header("If-None-Match")).containsExactly(null, "\"s1\"");
    }

    @Test
    void shouldBackOffAFailingSourceWhileTheOthersGoOn() throws Exception {
        web.serve("/broken.xml", Response.ok(RSS, "<rss><channel><item><title>unclosed"));
        web.serve("/down.xml", Response.status(500));
        web.serve("/rss.xml", Response.ok(RSS, Pages.rss("Good", List.<String[]>of(
                new String[] {"g-1", "Good story", web.url("/good"), "The good source's only story, told in the feed."}))));
        List<SourceSpec> specs = List.of(every(feed("Down", "/down.xml")), every(feed("Broken", "/broken.xml")),
                every(feed("Good", "/rss.xml")));

        try (var publisher = new ArticlePublisher(kafka, raw, Clock.systemUTC());
             var store = new SourceStateStore(kafka, stateTopic);
             var poller = new SourcePoller(specs, new SourcesConfig(settings), publisher, store, new SimpleMeterRegistry(), Clock.systemUTC())) {
            poller.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> web.requests("/down.xml").size() >= 4
                    && web.requests("/rss.xml").size() >= 2);
            Map<String, SourceStatus> status = new HashMap<>();
            poller.statuses().forEach(s -> status.put(s.name(), s));
            assertThat(status.get("Down").state()).isEqualTo("failing");
            assertThat(status.get("Down").lastError()).startsWith("HTTP 500 from " + web.url("/down.xml"));
            assertThat(status.get("Down").failures()).isGreaterThanOrEqualTo(3);
            assertThat(status.get("Broken").lastError()).contains("not a readable RSS or Atom feed");
            assertThat(status.get("Good").state()).isEqualTo("ok");
            assertThat(status.get("Good").itemsTotal()).isEqualTo(1);
        }
        List<LocalWebServer.Request> down = web.requests("/down.xml");
        // 200 ms, 400 ms, 800 ms: each wait after a failure twice the one before, up to the maximum
        long firstGap = down.get(1).arrivedNanos() - down.get(0).answeredNanos()[0];
        long thirdGap = down.get(3).arrivedNanos() - down.get(2).answeredNanos()[0];
        assertThat(Duration.ofNanos(firstGap)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(Duration.ofNanos(thirdGap)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    private SourceSpec feed(String name, String path) {
        return new SourceSpec(name, SourceKind.FEED, URI.create(web.url(path)), null, Duration.ofMinutes(5), true, null, name, null);
    }

    private static SourceSpec every(SourceSpec spec) {
        return new SourceSpec(spec.name(), spec.kind(), spec.url(), spec.path(), Duration.ofSeconds(1), spec.fullText(),
                spec.language(), spec.source(), spec.maxAge());
    }

    /** One round of a fresh poller (as after a restart) on this test's topics. */
    private SourcePoller.Round pollOnce(List<SourceSpec> specs) throws InterruptedException {
        return pollOnce(specs, new SimpleMeterRegistry());
    }

    private SourcePoller.Round pollOnce(List<SourceSpec> specs, MeterRegistry registry) throws InterruptedException {
        try (var publisher = new ArticlePublisher(kafka, raw, Clock.systemUTC());
             var store = new SourceStateStore(kafka, stateTopic);
             var poller = new SourcePoller(specs, new SourcesConfig(settings), publisher, store, registry, Clock.systemUTC())) {
            return poller.pollOnce();
        }
    }

    private List<Article> published() {
        List<Article> articles = new ArrayList<>();
        TopicSnapshot.read(kafka, raw.name(), record -> articles.add(EventJson.fromBytes(record.value(), Article.class)));
        return articles;
    }
}
