package dev.newsflow.producer;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import dev.newsflow.events.Article;
import dev.newsflow.events.InvalidEventException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.xml.sax.InputSource;

/**
 * RSS 0.9x/1.0/2.0 and Atom feeds, read with Rome. Each entry becomes an article: the entry's title, its
 * content (or description) as plain text with the HTML removed, its link, author, and publication date; the
 * source is the feed's title. The id derives from the entry's guid (or link), so the same entry read again, from
 * a file or a URL, keeps its id. An entry without a title or text is reported and skipped. Thread-safe.
 */
public final class FeedFormat {
    private static final int SNIFF_BYTES = 1_024;

    /** Whether {@code head} (the first bytes of a file) looks like an RSS or Atom document. */
    public static boolean looksLikeFeed(byte[] head) {
        String start = new String(head, 0, Math.min(head.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        return start.contains("<rss") || start.contains("<feed") || start.contains("<rdf:rdf");
    }

    /**
     * Reads every entry of the feed in {@code xml}.
     *
     * @param origin   the file name or URL, used as the articles' origin
     * @param location the path or URL named in failures
     */
    public void read(String origin, String location, byte[] xml, Consumer<SourceItem> sink) {
        List<Entry> entries;
        try {
            entries = entries(xml);
        } catch (ArticleFormatException e) {
            sink.accept(new SourceItem.Failed(location, e.getMessage()));
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            try {
                sink.accept(new SourceItem.Parsed(new Article(entry.id(), entry.title(), entry.text(), entry.author(),
                        entry.feedTitle(), entry.publishedAt(), entry.link(), null, origin)));
            } catch (InvalidEventException e) {
                sink.accept(new SourceItem.Failed(location + "#" + (i + 1), e.getMessage()));
            }
        }
    }

    /**
     * One entry of a feed, as the feed gives it; any field but {@code id} may be null. Immutable.
     *
     * @param id          the article id: from the guid (or link), so the same entry keeps its id wherever it is read
     * @param key         the guid, else the link, else null
     * @param link        the entry's link
     * @param title       plain text
     * @param text        the content (or description) as plain text, paragraphs separated by a blank line
     * @param author      the author
     * @param publishedAt the publication (or else update) time, UTC
     * @param updatedAt   the update time the feed gives, UTC
     * @param feedTitle   the feed's own title
     */
    public record Entry(String id, String key, String link, String title, String text, String author,
                        OffsetDateTime publishedAt, OffsetDateTime updatedAt, String feedTitle) {
    }

    /**
     * Every entry of the feed in {@code xml}, in feed order.
     *
     * @throws ArticleFormatException when it is not a readable RSS or Atom feed
     */
    public List<Entry> entries(byte[] xml) throws ArticleFormatException {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new InputSource(new InputStreamReader(new ByteArrayInputStream(xml), detectCharset(xml))));
        } catch (FeedException | IllegalArgumentException e) {
            throw new ArticleFormatException("not a readable RSS or Atom feed: " + oneLine(e.getMessage()));
        }
        String source = text(feed.getTitle());
        List<Entry> entries = new java.util.ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String link = blankToNull(entry.getLink());
            String key = entry.getUri() != null && !entry.getUri().isBlank() ? entry.getUri() : link;
            String title = text(entry.getTitle());
            String body = body(entry);
            String id = ArticleIds.fromContent(key != null ? key : title + body);
            entries.add(new Entry(id, key, link, title, body.isEmpty() ? null : body, blankToNull(entry.getAuthor()),
                    time(entry), entry.getUpdatedDate() == null ? null : entry.getUpdatedDate().toInstant().atOffset(ZoneOffset.UTC),
                    source));
        }
        return entries;
    }

    private static String body(SyndEntry entry) {
        StringBuilder text = new StringBuilder();
        for (SyndContent content : entry.getContents()) {
            append(text, content.getValue());
        }
        if (text.length() == 0 && entry.getDescription() != null) {
            append(text, entry.getDescription().getValue());
        }
        return text.toString();
    }

    private static void append(StringBuilder text, String html) {
        String plain = text(html);
        if (plain != null) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(plain);
        }
    }

    /** Plain text of a fragment that may hold HTML: tags dropped, entities decoded, whitespace folded. */
    private static String text(String html) {
        if (html == null) {
            return null;
        }
        String text = Jsoup.parse(html).text().strip();
        return text.isEmpty() ? null : text;
    }

    private static OffsetDateTime time(SyndEntry entry) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The encoding named in the XML declaration, UTF-8 when none is named. */
    private static java.nio.charset.Charset detectCharset(byte[] xml) {
        String head = new String(xml, 0, Math.min(xml.length, 200), StandardCharsets.ISO_8859_1);
        var matcher = java.util.regex.Pattern.compile("encoding=[\"']([A-Za-z0-9._-]+)[\"']").matcher(head);
        try {
            return matcher.find() ? java.nio.charset.Charset.forName(matcher.group(1)) : StandardCharsets.UTF_8;
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replace('\n', ' ');
    }

    /** Reads a feed document from a stream of bounded size; for callers that fetch URLs. */
    static byte[] readBounded(java.io.InputStream in, long maxBytes) throws IOException, ArticleFormatException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new ArticleFormatException("feed is larger than the " + maxBytes / 1_000_000 + " MB limit");
        }
        return bytes;
    }
}
