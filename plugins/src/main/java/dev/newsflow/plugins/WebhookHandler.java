package dev.newsflow.plugins;

import dev.newsflow.events.CloudEventHeaders;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.EventJson;
import dev.newsflow.events.EventType;
import dev.newsflow.plugin.ArticleHandler;
import dev.newsflow.plugin.RetriableHandlerException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The {@code webhook} plug-in: POSTs each article that matches the filter to a URL, as JSON (the enriched
 * event exactly as on the topic) with CloudEvents HTTP binary-mode headers ({@code ce-id} is the article id, so a
 * receiver can drop a redelivery). A 2xx answer means delivered. Connection failures, timeouts and HTTP 408,
 * 429 and 5xx are retried a bounded number of times with backoff and then reported as retriable to the
 * runtime; any other answer rejects the article, which is dead-lettered. Used from one thread.
 */
public final class WebhookHandler implements ArticleHandler {
    private WebhookConfig config;
    private ArticleFilter filter;
    private HttpClient client;

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void configure(Map<String, String> settings) {
        config = WebhookConfig.from(settings);
        filter = config.filter();
        client = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public void handle(EnrichedArticle article) throws Exception {
        if (config == null) {
            throw new IllegalStateException("the webhook plug-in is not configured: set " + WebhookConfig.URL);
        }
        if (!filter.matches(article)) {
            return;
        }
        HttpRequest request = request(article);
        config.retry().call("webhook POST of article " + article.article().id(),
                e -> e instanceof RetriableHandlerException, () -> post(request, article.article().id()));
    }

    private HttpRequest request(EnrichedArticle article) {
        String id = article.article().id();
        return HttpRequest.newBuilder(config.url())
                .timeout(config.timeout())
                .header("Content-Type", CloudEventHeaders.JSON)
                .header("ce-specversion", CloudEventHeaders.SPEC_VERSION_VALUE)
                .header("ce-id", id)
                .header("ce-subject", id)
                .header("ce-type", EventType.ENRICHED.type())
                .header("ce-source", EventType.ENRICHED.source())
                .header("ce-time", article.enrichedAt().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(EventJson.toBytes(article)))
                .build();
    }

    private Void post(HttpRequest request, String articleId) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RetriableHandlerException("POST " + request.uri() + " failed: " + e, e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return null;
        }
        String answer = "POST " + request.uri() + " of article " + articleId + " answered HTTP " + status + ": "
                + abbreviated(response.body());
        if (status == 408 || status == 429 || status / 100 == 5) {
            throw new RetriableHandlerException(answer);
        }
        throw new WebhookRejectedException(answer);
    }

    private static String abbreviated(String body) {
        String oneLine = body == null ? "" : body.replace('\n', ' ').strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }

    @Override
    public void close() {
        // Java 17's HttpClient has no close(): its threads end once it is unreachable.
        client = null;
    }

    /** The receiver refused the article (an HTTP 4xx other than 408 and 429): sending it again will not help. */
    public static final class WebhookRejectedException extends RuntimeException {
        public WebhookRejectedException(String message) {
            super(message);
        }
    }
}
