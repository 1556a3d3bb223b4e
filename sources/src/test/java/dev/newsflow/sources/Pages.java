package dev.newsflow.sources;

import java.util.List;

/** Feeds, sitemaps and article pages as news sites serve them, made up for tests. */
final class Pages {
    private Pages() {
    }

    /** An RSS 2.0 feed of {@code items}: each {@code {guid, title, link, description}}. */
    static String rss(String title, List<String[]> items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
                .append("<title>").append(title).append("</title><link>http://example.org/</link><description>news</description>");
        for (String[] item : items) {
            xml.append("<item><guid>").append(item[0]).append("</guid><title>").append(item[1]).append("</title><link>")
                    .append(item[2]).append("</link><description>").append(item[3])
                    .append("</description><pubDate>Mon, 30 Nov 2026 09:00:00 GMT</pubDate></item>");
        }
        return xml.append("</channel></rss>").toString();
    }

    /** A news sitemap of {@code urls}, each {@code {loc, title}}. */
    static String newsSitemap(List<String[]> urls) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
                + "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">");
        for (String[] url : urls) {
            xml.append("<url><loc>").append(url[0]).append("</loc><lastmod>2026-11-30T09:00:00+00:00</lastmod>")
                    .append("<news:news><news:publication><news:name>Example</news:name><news:language>en</news:language>")
                    .append("</news:publication><news:publication_date>2026-11-30T09:00:00+05:00</news:publication_date>")
                    .append("<news:title>").append(url[1]).append("</news:title></news:news></url>");
        }
        return xml.append("</urlset>").toString();
    }

    /** A sitemap index of {@code children}. */
    static String sitemapIndex(List<String> children) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        children.forEach(child -> xml.append("<sitemap><loc>").append(child).append("</loc></sitemap>"));
        return xml.append("</sitemapindex>").toString();
    }

    /**
     * An article page with navigation, a cookie banner, comments, related links and JSON-LD metadata around
     * {@code paragraphs}.
     */
    static String article(String headline, String author, String published, String language, List<String> paragraphs) {
        StringBuilder body = new StringBuilder();
        paragraphs.forEach(p -> body.append("<p>").append(p).append("</p>\n"));
        return """
                <!DOCTYPE html>
                <html lang="%4$s"><head><meta charset="utf-8"><title>%1$s | Example News</title>
                <meta property="og:site_name" content="Example News">
                <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
                  "headline":"%1$s","author":{"@type":"Person","name":"%2$s"},"datePublished":"%3$s"}</script>
                </head><body>
                <nav class="menu"><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
                <div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
                <article class="story"><h1>%1$s</h1><div class="story-body">
                %5$s</div></article>
                <div class="comments"><p>Reader comment: this is the best article I have read all week, thank you.</p></div>
                <aside class="related"><a href="/a">Another story about something else entirely</a></aside>
                <footer>Copyright Example News. All rights reserved.</footer>
                </body></html>
                """.formatted(headline, author, published, language, body);
    }
}
