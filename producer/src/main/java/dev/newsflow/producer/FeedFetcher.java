package dev.newsflow.producer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Fetches an RSS or Atom feed over HTTP(S) and reads its entries. Failures (unreachable host, HTTP error status,
 * not a feed) are reported as one {@link SourceItem.Failed} naming the URL. Thread-safe.
 */
public final class FeedFetcher {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final FeedFormat feeds;
    private final long maxBytes;

    public FeedFetcher(FeedFormat feeds, long maxBytes) {
        this.feeds = Objects.requireNonNull(feeds, "feeds");
        this.maxBytes = maxBytes;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Whether {@code input} names a URL rather than a file. */
    public static boolean isUrl(String input) {
        return input.startsWith("http://") || input.startsWith("https://");
    }

    public void read(String url, Consumer<SourceItem> sink) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
                    .header("User-Agent", "newsflow/0.1").GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    sink.accept(new SourceItem.Failed(url, "HTTP status " + response.statusCode()));
                    return;
                }
                feeds.read(url, url, FeedFormat.readBounded(body, maxBytes), sink);
            }
        } catch (IllegalArgumentException e) {
            sink.accept(new SourceItem.Failed(url, "not a valid URL: " + e.getMessage()));
        } catch (ArticleFormatException e) {
            sink.accept(new SourceItem.Failed(url, e.getMessage()));
        } catch (IOException e) {
            sink.accept(new SourceItem.Failed(url, "cannot fetch: " + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? " " + e.getMessage() : "")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sink.accept(new SourceItem.Failed(url, "interrupted while fetching"));
        }
    }
}
