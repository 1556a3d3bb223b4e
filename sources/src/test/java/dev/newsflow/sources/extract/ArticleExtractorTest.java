package dev.newsflow.sources.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {
    private final ArticleExtractor extractor = new ArticleExtractor();

    @Test
    void shouldKeepTheArticleParagraphsAndDropNavigationCommentsAdsAndRelatedLinks() {
        String page = """
                <html lang="uz-Latn"><head><title>Samarqandda vazirlar uchrashdi - UzA</title>
                <link rel="canonical" href="/en/posts/samarkand-ministers">
                <meta property="og:site_name" content="UzA">
                <meta property="article:published_time" content="2022-10-27T09:12:00+05:00">
                <meta name="author" content="Golib Khasanov"></head>
                <body><header><nav><a href="/">Bosh sahifa</a><a href="/sport">Sport</a><a href="/world">Dunyo</a></nav></header>
                <div id="sidebar"><h3>Most read</h3><ul><li><a href="/1">Another story entirely, with many words</a></li>
                <li><a href="/2">And yet one more story somebody clicked</a></li></ul></div>
                <div class="ad-slot -ad-">Buy now, limited offer, best prices in town, call today.</div>
                <div class="post-content">
                  <p>Samarkand hosted a meeting of ministers in charge of ICT of the Organization of Turkic States, with delegations from five countries.</p>
                  <p>The ministers discussed digital government, e-commerce and cybersecurity, and agreed on a plan of joint work for next year.</p>
                  <div>They also signed a memorandum on the exchange of experience in training specialists, the ministry said.</div>
                </div>
                <section class="comments"><p>Great news, congratulations to everyone who took part in it!</p></section>
                <div class="related-posts"><a href="/x">Related: ministers meet in Baku, a story about other things</a></div>
                <footer>© UzA 2022. All rights reserved. Reproduction only with a link to the source.</footer>
                </body></html>
                """;

        ExtractedArticle article = extractor.extract(page, "https://uza.uz/en/posts/1");

        assertThat(article.paragraphs()).containsExactly(
                "Samarkand hosted a meeting of ministers in charge of ICT of the Organization of Turkic States, with delegations from five countries.",
                "The ministers discussed digital government, e-commerce and cybersecurity, and agreed on a plan of joint work for next year.",
                "They also signed a memorandum on the exchange of experience in training specialists, the ministry said.");
        assertThat(article.title()).isEqualTo("Samarqandda vazirlar uchrashdi");
        assertThat(article.author()).isEqualTo("Golib Khasanov");
        assertThat(article.publishedAt()).isEqualTo(OffsetDateTime.parse("2022-10-27T09:12+05:00"));
        assertThat(article.language()).isEqualTo("uz");
        assertThat(article.canonicalUrl()).isEqualTo("https://uza.uz/en/posts/samarkand-ministers");
        assertThat(article.siteName()).isEqualTo("UzA");
    }

    @Test
    void shouldPreferJsonLdNewsArticleMetadataInsideAGraph() {
        String page = """
                <html><head><meta property="og:title" content="OpenGraph title">
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                  {"@type":"WebSite","name":"Example"},
                  {"@type":["NewsArticle"],"headline":"JSON-LD headline","inLanguage":"ru-RU",
                   "author":[{"@type":"Person","name":"Anna Ivanova"},{"@type":"Person","name":"Oleg Petrov"}],
                   "datePublished":"2026-11-30T10:00:00+03:00","publisher":{"@type":"Organization","name":"Example Media"}}]}
                </script></head><body><article><p>Короткий текст статьи, в котором всего одно предложение и запятая.</p></article></body></html>
                """;

        ExtractedArticle article = extractor.extract(page, "");

        assertThat(article.title()).isEqualTo("JSON-LD headline");
        assertThat(article.author()).isEqualTo("Anna Ivanova, Oleg Petrov");
        assertThat(article.publishedAt()).isEqualTo(OffsetDateTime.parse("2026-11-30T10:00+03:00"));
        assertThat(article.language()).isEqualTo("ru");
        assertThat(article.siteName()).isEqualTo("Example Media");
        assertThat(article.text()).isEqualTo("Короткий текст статьи, в котором всего одно предложение и запятая.");
    }

    @Test
    void shouldFindNothingInAPageWithoutText() {
        ExtractedArticle article = extractor.extract("<html><body><nav><a href='/'>Home</a></nav></body></html>", "");

        assertThat(article.paragraphs()).isEmpty();
        assertThat(article.text()).isEmpty();
    }
}
