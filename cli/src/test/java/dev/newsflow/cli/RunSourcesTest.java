package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.producer.ArticleIds;
import dev.newsflow.storage.ArticleStore;
import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.LocalWebServer;
import dev.newsflow.testkit.LocalWebServer.Response;
import dev.newsflow.testkit.RealKafkaExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The whole path from a sources file to the stored rows, through {@code newsflow run --sources}. */
@ExtendWith(RealKafkaExtension.class)
class RunSourcesTest {
    private static final String FORUM = "Delegations from five Central Asian countries met in Tashkent on Monday for a regional "
            + "forum on water management, the first of its kind in three years.";
    private static final String RIVERS = "Ministers discussed the shared use of the Amu Darya and Syr Darya rivers and agreed "
            + "to exchange river flow data every week.";
    private static final String CORRECTION = "Correction: the next forum will be held in Almaty, not in Bishkek, the organisers said.";

    @Test
    void shouldStoreEveryArticleWithItsPageTextAndThenOnlyWhatChanged(KafkaBroker broker, @TempDir Path dir) throws Exception {
        try (LocalWebServer web = LocalWebServer.start()) {
            web.serve("/robots.txt", Response.ok("text/plain", "User-agent: *\nDisallow: /drafts/\n"));
            web.serve("/a/rss.xml", Response.ok("application/rss+xml", rss("Agency A", item("a-1", "Water forum opens in Tashkent",
                    web.url("/a/1"), "Teaser."), item("a-2", "Draft story", web.url("/drafts/2"), "The feed's own text of a draft."))));
            web.serve("/b/rss.xml", Response.ok("application/rss+xml", rss("Agency B", item("b-1", "Rail link opens",
                    web.url("/b/1"), "Teaser."))).withHeader("Last-Modified", "Mon, 30 Nov 2026 09:00:00 GMT"));
            web.serve("/a/1", Response.ok("text/html; charset=utf-8", page("Water forum opens in Tashkent", FORUM, RIVERS)));
            web.serve("/b/1", Response.ok("text/html; charset=utf-8", page("Rail link opens",
                    "The first passenger train on the modernised line between Samarkand and Bukhara left at dawn.")));
            web.serve("/down/rss.xml", Response.status(500));
            Path file = dir.resolve("sources.yml");
            String sources = "settings: {sources.host.min.delay: 0ms}\nsources:\n"
                    + "  - {name: Agency A, kind: feed, url: \"" + web.url("/a/rss.xml") + "\", every: 5m, language: en}\n"
                    + "  - {name: Agency B, kind: feed, url: \"" + web.url("/b/rss.xml") + "\"}\n";
            Files.writeString(file, sources + "  - {name: Down, kind: feed, url: \"" + web.url("/down/rss.xml") + "\"}\n");
            String[] args = {"run", "--sources", file.toString(), "--bootstrap-servers", broker.bootstrapServers(),
                "--exit-when-idle", "--port", "0", "--data-dir", dir.toString(), "--topic-suffix", KafkaBroker.uniqueName("run-sources"),
                "--pipeline-name", KafkaBroker.uniqueName("nf")};

            CliRun first = CliRun.of(args);
            Files.writeString(file, sources);
            CliRun second = CliRun.of(args);
            web.serve("/a/rss.xml", Response.ok("application/rss+xml", rss("Agency A", item("a-1", "Water forum opens in Tashkent",
                    web.url("/a/1"), "Teaser, corrected."), item("a-2", "Draft story", web.url("/drafts/2"), "The feed's own text of a draft."))));
            web.serve("/a/1", Response.ok("text/html; charset=utf-8", page("Water forum opens in Tashkent", FORUM, RIVERS, CORRECTION)));
            CliRun third = CliRun.of(args);

            assertThat(first.exitCode()).isEqualTo(1);
            assertThat(first.stderr()).contains("error: Down: HTTP 500 from " + web.url("/down/rss.xml"));
            assertThat(first.stdout()).contains("sources polled: 3, articles published: 3 (updates: 0), failures: 1")
                    .contains("published: 3, unique: 3, duplicates: 0, enriched: 3, grouped: 3, stored: 3, dead letters: 0, rows in database: 3");
            assertThat(second.exitCode()).as(second.stderr()).isZero();
            assertThat(second.stdout()).contains("sources polled: 2, articles published: 0 (updates: 0), failures: 0")
                    .contains("rows in database: 3");
            assertThat(web.requests("/b/rss.xml").get(1).header("If-Modified-Since")).isEqualTo("Mon, 30 Nov 2026 09:00:00 GMT");
            assertThat(third.exitCode()).as(third.stderr()).isZero();
            assertThat(third.stdout()).contains("articles published: 1 (updates: 1)").contains("rows in database: 3");
            assertThat(web.requests("/drafts/2")).isEmpty();
            try (ArticleStore store = ArticleStore.open("jdbc:sqlite:" + dir.resolve("newsflow.db"))) {
                assertThat(store.findArticle(ArticleIds.fromContent("a-1"))).hasValueSatisfying(row -> {
                    assertThat(row.body()).isEqualTo(FORUM + "\n\n" + RIVERS + "\n\n" + CORRECTION);
                    assertThat(row.source()).isEqualTo("Agency A");
                    assertThat(row.language()).isEqualTo("en");
                });
                assertThat(store.findArticle(ArticleIds.fromContent("a-2")))
                        .hasValueSatisfying(row -> assertThat(row.body()).isEqualTo("The feed's own text of a draft."));
            }
        }
    }

    private static String rss(String title, String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + title + "</title>"
                + String.join("", items) + "</channel></rss>";
    }

    private static String item(String guid, String title, String link, String description) {
        return "<item><guid>" + guid + "</guid><title>" + title + "</title><link>" + link + "</link><description>"
                + description + "</description></item>";
    }

    private static String page(String title, String... paragraphs) {
        StringBuilder body = new StringBuilder();
        for (String paragraph : paragraphs) {
            body.append("<p>").append(paragraph).append("</p>");
        }
        return "<html lang=\"en\"><head><title>" + title + "</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
                + "<article><h1>" + title + "</h1>" + body + "</article><footer>All rights reserved.</footer></body></html>";
    }
}
