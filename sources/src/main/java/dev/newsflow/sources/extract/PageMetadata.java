package dev.newsflow.sources.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The article metadata a page declares, read before its body is touched: JSON-LD ({@code NewsArticle},
 * {@code Article}, {@code BlogPosting} and their kin, also inside {@code @graph}), OpenGraph and
 * {@code article:*} properties, {@code <meta name>} conventions (author, Dublin Core, Parse.ly), the
 * {@code lang} attribute and {@code <link rel=canonical>}. JSON-LD wins over OpenGraph, which wins over plain
 * meta tags. Immutable.
 */
record PageMetadata(String title, String author, OffsetDateTime publishedAt, String language, String canonicalUrl,
                    String siteName) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "blogposting",
            "liveblogposting", "scholarlyarticle", "techarticle", "socialmediaposting", "report");
    private static final Pattern LANGUAGE = Pattern.compile("^([a-zA-Z]{2,3})(?:[-_].*)?$");

    static PageMetadata read(Document doc) {
        JsonLd ld = JsonLd.read(doc);
        String title = first(ld.headline, meta(doc, "og:title"), meta(doc, "twitter:title"), meta(doc, "dc.title"));
        String author = first(ld.author, notUrl(meta(doc, "article:author")), meta(doc, "author"), meta(doc, "byl"),
                meta(doc, "dc.creator"), meta(doc, "parsely-author"), meta(doc, "sailthru.author"));
        OffsetDateTime published = firstTime(ld.datePublished, meta(doc, "article:published_time"),
                meta(doc, "og:published_time"), meta(doc, "datepublished"), meta(doc, "parsely-pub-date"),
                meta(doc, "dc.date.issued"), meta(doc, "dc.date"), meta(doc, "date"), meta(doc, "pubdate"),
                meta(doc, "publishdate"), meta(doc, "sailthru.date"), timeElement(doc));
        String language = language(first(ld.language, doc.selectFirst("html") == null ? null
                : doc.selectFirst("html").attr("lang"), meta(doc, "content-language"), meta(doc, "dc.language"),
                meta(doc, "og:locale")));
        Element canonical = doc.selectFirst("link[rel~=(?i)^canonical$][href]");
        String canonicalUrl = first(canonical == null ? null : canonical.absUrl("href"), absolute(doc, meta(doc, "og:url")),
                absolute(doc, ld.url));
        String siteName = first(ld.publisher, meta(doc, "og:site_name"), meta(doc, "application-name"));
        return new PageMetadata(title, author, published, language, canonicalUrl, siteName);
    }

    /** The value of {@code <meta property|name|itemprop|http-equiv=key content>}, case-insensitive. */
    static String meta(Document doc, String key) {
        for (Element meta : doc.getElementsByTag("meta")) {
            for (String attribute : new String[] {"property", "name", "itemprop", "http-equiv"}) {
                String names = meta.attr(attribute);
                if (!names.isEmpty()) {
                    // some pages list several names in one attribute: property="og:title twitter:title"
                    for (String name : names.trim().split("\\s+")) {
                        if (name.equalsIgnoreCase(key)) {
                            String content = clean(meta.attr("content"));
                            if (content != null) {
                                return content;
                            }
                        }
                    }
                }
            }
        }
        return null;
    }

    private static String timeElement(Document doc) {
        Element time = doc.selectFirst("article time[datetime], time[pubdate][datetime], [itemprop=datePublished][datetime]");
        return time == null ? null : time.attr("datetime");
    }

    private static String notUrl(String value) {
        return value == null || value.startsWith("http://") || value.startsWith("https://") ? null : value;
    }

    private static String absolute(Document doc, String url) {
        if (url == null) {
            return null;
        }
        try {
            return doc.location().isEmpty() ? url : java.net.URI.create(doc.location()).resolve(url.strip()).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code en-US}, {@code en_US}, {@code EN} all become {@code en}; anything else null. */
    static String language(String declared) {
        if (declared == null) {
            return null;
        }
        var matcher = LANGUAGE.matcher(declared.strip());
        return matcher.matches() ? matcher.group(1).toLowerCase(Locale.ROOT) : null;
    }

    static OffsetDateTime firstTime(String... values) {
        for (String value : values) {
            OffsetDateTime time = parseTime(value);
            if (time != null) {
                return time;
            }
        }
        return null;
    }

    /** ISO-8601 with or without an offset (UTC assumed), a bare date, or RFC 1123; null when none fits. */
    static OffsetDateTime parseTime(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException notOffset) {
            // try the other forms
        }
        try {
            return ZonedDateTime.parse(text).toOffsetDateTime();
        } catch (DateTimeParseException notZoned) {
            // next
        }
        try {
            return OffsetDateTime.parse(text.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2"));
        } catch (DateTimeParseException notCompactOffset) {
            // next
        }
        try {
            return LocalDateTime.parse(text.replace(' ', 'T')).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
            // next
        }
        try {
            return LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException notDate) {
            // next
        }
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime();
        } catch (DateTimeParseException notRfc) {
            return null;
        }
    }

    static String first(String... values) {
        for (String value : values) {
            String cleaned = clean(value);
            if (cleaned != null) {
                return cleaned;
            }
        }
        return null;
    }

    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String folded = value.replaceAll("[\\s\\u00A0]+", " ").strip();
        return folded.isEmpty() ? null : folded;
    }

    /** The first article object among the page's JSON-LD blocks. */
    private static final class JsonLd {
        String headline;
        String author;
        String datePublished;
        String language;
        String url;
        String publisher;

        static JsonLd read(Document doc) {
            JsonLd found = new JsonLd();
            for (Element script : doc.select("script[type~=(?i)application/ld\\+json]")) {
                try {
                    JsonNode root = JSON.readTree(script.data().strip());
                    List<JsonNode> candidates = new ArrayList<>();
                    collect(root, candidates, 0);
                    for (JsonNode node : candidates) {
                        if (isArticle(node)) {
                            found.fill(node);
                            return found;
                        }
                    }
                } catch (java.io.IOException | RuntimeException malformed) {
                    // a broken block is common; the next one or the meta tags may serve
                }
            }
            return found;
        }

        private static void collect(JsonNode node, List<JsonNode> out, int depth) {
            if (node == null || depth > 4) {
                return;
            }
            if (node.isArray()) {
                node.forEach(child -> collect(child, out, depth + 1));
            } else if (node.isObject()) {
                out.add(node);
                collect(node.get("@graph"), out, depth + 1);
                collect(node.get("mainEntity"), out, depth + 1);
            }
        }

        private static boolean isArticle(JsonNode node) {
            JsonNode type = node.get("@type");
            if (type == null) {
                return false;
            }
            for (JsonNode t : type.isArray() ? type : List.of(type)) {
                if (ARTICLE_TYPES.contains(t.asText().toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }

        private void fill(JsonNode node) {
            headline = text(node.get("headline"));
            if (headline == null) {
                headline = text(node.get("name"));
            }
            author = names(node.get("author"));
            datePublished = text(node.get("datePublished"));
            if (datePublished == null) {
                datePublished = text(node.get("dateCreated"));
            }
            language = text(node.get("inLanguage"));
            url = text(node.get("url"));
            if (url == null && node.get("mainEntityOfPage") != null) {
                JsonNode page = node.get("mainEntityOfPage");
                url = page.isObject() ? text(page.get("@id")) : text(page);
            }
            publisher = names(node.get("publisher"));
        }

        private static String names(JsonNode node) {
            if (node == null || node.isNull()) {
                return null;
            }
            Set<String> names = new LinkedHashSet<>();
            for (JsonNode one : node.isArray() ? node : List.of(node)) {
                String name = one.isObject() ? text(one.get("name")) : text(one);
                if (name != null && !name.startsWith("http")) {
                    names.add(name);
                }
            }
            return names.isEmpty() ? null : String.join(", ", names);
        }

        private static String text(JsonNode node) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.isArray()) {
                return node.isEmpty() ? null : text(node.get(0));
            }
            if (node.isObject()) {
                return text(node.has("name") ? node.get("name") : node.get("alternateName"));
            }
            return clean(node.asText());
        }
    }
}
