package dev.newsflow.producer;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.newsflow.events.Article;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedFormatTest {
    static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>UzA English</title><link>https://uza.uz/en</link>
            <item><title>Samarkand hosts ICT ministers</title><link>https://uza.uz/en/posts/1</link>
            <guid>https://uza.uz/en/posts/1</guid><author>Golib Khasanov</author>
            <pubDate>Thu, 27 Oct 2022 04:12:00 GMT</pubDate>
            <description>&lt;p&gt;Samarkand hosted a meeting of &lt;b&gt;ICT ministers&lt;/b&gt; of the OTS.&lt;/p&gt;</description></item>
            <item><title>Tashkent metro extended</title><link>https://uza.uz/en/posts/2</link>
            <description>A new metro line opened in Tashkent.</description></item>
            <item><title></title><description></description></item>
            </channel></rss>
            """;
    static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Kazinform</title><id>urn:kazinform</id>
            <updated>2024-05-01T10:00:00Z</updated>
            <entry><title>Astana hosts forum</title><id>urn:kazinform:77</id><link href="https://example.kz/77"/>
            <updated>2024-05-01T10:00:00+05:00</updated><author><name>Aigerim Sadykova</name></author>
            <content type="html">&lt;p&gt;The Astana International Forum opened on Wednesday.&lt;/p&gt;</content></entry>
            </feed>
            """;

    private final List<Article> articles = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    private void collect(SourceItem item) {
        if (item instanceof SourceItem.Parsed parsed) {
            articles.add(parsed.article());
        } else {
            failures.add(((SourceItem.Failed) item).message());
        }
    }

    @Test
    void shouldReadAnRssFileWhateverItsExtension(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("uza-feed.dat"), RSS, StandardCharsets.UTF_8);

        new ArticleFiles().read(file, this::collect);

        assertThat(articles).extracting(Article::title).containsExactly("Samarkand hosts ICT ministers", "Tashkent metro extended");
        Article first = articles.get(0);
        assertThat(first.body()).isEqualTo("Samarkand hosted a meeting of ICT ministers of the OTS.");
        assertThat(first.source()).isEqualTo("UzA English");
        assertThat(first.author()).isEqualTo("Golib Khasanov");
        assertThat(first.url()).isEqualTo("https://uza.uz/en/posts/1");
        assertThat(first.publishedAt().toInstant()).isEqualTo(OffsetDateTime.parse("2022-10-27T04:12Z").toInstant());
        assertThat(failures).singleElement().asString().startsWith(file + "#3: missing required field 'title'");
    }

    @Test
    void shouldReadAnAtomFileFromAFolderAndKeepIdsStable(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("kazinform.atom"), ATOM, StandardCharsets.UTF_8);

        new ArticleFiles().read(dir, this::collect);
        new ArticleFiles().read(dir, this::collect);

        assertThat(articles).hasSize(2);
        assertThat(articles.get(0).id()).isEqualTo(articles.get(1).id());
        assertThat(articles.get(0).author()).isEqualTo("Aigerim Sadykova");
        assertThat(articles.get(0).body()).isEqualTo("The Astana International Forum opened on Wednesday.");
        assertThat(articles.get(0).publishedAt().toInstant()).isEqualTo(OffsetDateTime.parse("2024-05-01T05:00Z").toInstant());
    }

    @Test
    void shouldFetchAFeedOverHttpAndNameAFailingUrl() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed.xml", exchange -> {
            byte[] body = RSS.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            var fetcher = new FeedFetcher(new FeedFormat(), ArticleFiles.DEFAULT_MAX_FILE_BYTES);

            fetcher.read(base + "/feed.xml", this::collect);
            fetcher.read(base + "/missing.xml", this::collect);

            assertThat(articles).hasSize(2);
            assertThat(articles.get(0).origin()).isEqualTo(base + "/feed.xml");
            assertThat(failures).contains(base + "/missing.xml: HTTP status 404");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldReportAFileThatLooksLikeAFeedButIsNot(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("broken.rss"), "<rss><channel><item>unclosed", StandardCharsets.UTF_8);

        new ArticleFiles().read(file, this::collect);

        assertThat(articles).isEmpty();
        assertThat(failures).singleElement().asString().startsWith(file + ": not a readable RSS or Atom feed");
    }
}
