package dev.newsflow.serve;

import dev.newsflow.storage.ArticlePage;
import dev.newsflow.storage.ArticleQuery;
import dev.newsflow.storage.ArticleStore;
import dev.newsflow.storage.StoredArticle;
import dev.newsflow.storage.StoryDetails;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.router.EndpointNotFound;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only HTTP side of newsflow: the REST API over an {@link ArticleStore}, the live feed as
 * Server-Sent Events, the dashboard page at {@code /}, Prometheus metrics and a health check.
 *
 * <pre>
 * GET /api/articles        q, language, country, entity (name or key), source, from, to, duplicates, cursor, limit
 *                          (1..100), minConfidence (0..1, default 0.5: the entities shown and matched)
 * GET /api/articles/{id}   the article (with its storyId) and its duplicates
 * GET /api/stats           top (1..100, default 10), hours (1..720, default 48), minConfidence (0..1, default 0.5)
 * GET /api/stories         hours (1..720, default 24), limit (1..100, default 10): the most active stories
 * GET /api/stories/{id}    limit (1..500, default 100): the story, its articles, outlets, languages and timeline
 * GET /api/stream          text/event-stream: "ready", then one "article" event per newly enriched article
 * GET /api/sources         the polled sources' health ({@link SourcesView}), an empty list when none are polled
 * GET /metrics             Prometheus text format
 * GET /health              {"status":"UP", ...} or 503
 * </pre>
 * Invalid parameters get 400 with {@code {"error": ..., "parameter": ...}}; failures 500 with a generic
 * message (details only in the log). Every response carries a Content-Security-Policy without
 * 'unsafe-inline'. Thread-safe; {@link #start} once, then {@link #close}.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    /** Scripts, styles and data only from this server: article text can never run as code. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";
    private static final int MAX_ID_LENGTH = 200;
    private static final String START_NANOS = "newsflow.start";
    private static final String EVENT_STREAM = "text/event-stream";

    private final ArticleStore store;
    private final PrometheusMeterRegistry registry;
    private final LiveBroadcaster broadcaster;
    private final SourcesView sources;
    private Javalin app;

    /**
     * @param store    where articles are read; not closed by this server
     * @param registry metrics shown at {@code /metrics}; this server adds its own meters to it
     * @param feed     the live articles; not closed by this server
     */
    public ApiServer(ArticleStore store, PrometheusMeterRegistry registry, ArticleFeed feed) {
        this(store, registry, feed, SourcesView.NONE);
    }

    /** As the constructor above, showing the health of polled {@code sources} at {@code /api/sources}. */
    public ApiServer(ArticleStore store, PrometheusMeterRegistry registry, ArticleFeed feed, SourcesView sources) {
        this(store, registry, feed, sources, LiveBroadcaster.HEARTBEAT, LiveBroadcaster.MAX_PENDING);
    }

    /**
     * As the public constructor, with a keep-alive comment to stream clients every {@code heartbeat}, and a stream
     * client closed once {@code maxPending} events wait for it.
     */
    ApiServer(ArticleStore store, PrometheusMeterRegistry registry, ArticleFeed feed, SourcesView sources,
              Duration heartbeat, int maxPending) {
        this.store = Objects.requireNonNull(store, "store");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.broadcaster = new LiveBroadcaster(Objects.requireNonNull(feed, "feed"), registry, heartbeat, maxPending);
    }

    /** Starts listening on all interfaces; port 0 picks a free port (see {@link #port()}). */
    public ApiServer start(int port) {
        return start("0.0.0.0", port);
    }

    /** Starts listening on one interface, e.g. {@code 127.0.0.1}; port 0 picks a free port. */
    public synchronized ApiServer start(String host, int port) {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0..65535, was " + port);
        }
        if (app != null) {
            throw new IllegalStateException("already started on port " + app.port());
        }
        app = Javalin.create(this::configure).start(host, port);
        LOG.info("Serving the API and dashboard on http://localhost:{}/", app.port());
        return this;
    }

    /** The port listened on. */
    public synchronized int port() {
        if (app == null) {
            throw new IllegalStateException("not started");
        }
        return app.port();
    }

    /** Stops listening and disconnects live clients. Idempotent. */
    @Override
    public synchronized void close() {
        broadcaster.close();
        if (app != null) {
            app.stop();
            app = null;
        }
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.staticFiles.add("/public", Location.CLASSPATH);
        config.staticFiles.enableWebjars();
        config.routes.before(ctx -> {
            ctx.attribute(START_NANOS, System.nanoTime());
            ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
        });
        config.routes.after(this::recordRequest);
        config.routes.get("/health", this::health);
        config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(registry.scrape()));
        config.routes.get("/api/articles", this::listArticles);
        config.routes.get("/api/articles/{id}", this::getArticle);
        config.routes.get("/api/stats", this::stats);
        config.routes.get("/api/stories", this::topStories);
        config.routes.get("/api/stories/{id}", this::getStory);
        config.routes.get("/api/sources", ctx -> json(ctx, Map.of("sources", sources.sources())));
        config.routes.before("/api/stream", ApiServer::requireEventStream);
        config.routes.sse("/api/stream", broadcaster::join);
        config.routes.exception(EndpointNotFound.class, ApiServer::endpointNotFound);
        config.routes.exception(BadRequestException.class, (e, ctx) ->
                json(ctx.status(400), error(e.getMessage(), e.parameter())));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            json(ctx.status(500), error("internal error; see the server log", null));
        });
    }

    /** API clients get JSON errors throughout; pages keep Javalin's text. */
    private static void endpointNotFound(EndpointNotFound e, Context ctx) {
        if (ctx.path().startsWith("/api/")) {
            String endpoint = ctx.method() + " " + ArticleQueryParameters.abbreviate(ctx.path());
            json(ctx.status(404), error("no such endpoint: " + endpoint
                    + "; the API has GET /api/articles, /api/articles/{id}, /api/stats, /api/stories, /api/stories/{id},"
                    + " /api/sources and /api/stream", null));
        } else {
            ctx.status(404).contentType("text/plain; charset=utf-8").result(e.getMessage());
        }
    }

    /**
     * Javalin streams only to a request whose Accept header names {@code text/event-stream} (EventSource sends it)
     * and answers any other with an empty 200, which looks to {@code curl} like a stream with nothing in it.
     */
    private static void requireEventStream(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains(EVENT_STREAM)) {
            json(ctx.status(406), error("GET /api/stream is a Server-Sent Events stream: send 'Accept: " + EVENT_STREAM
                    + "' (EventSource does; with curl: curl -N -H 'Accept: " + EVENT_STREAM + "' URL)", null));
            ctx.skipRemainingHandlers();
        }
    }

    private void listArticles(Context ctx) {
        ArticlePage page;
        ArticleQuery query = ArticleQueryParameters.parse(ctx);
        try {
            page = store.search(query);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("q", e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("articles", page.articles().stream()
                .map(article -> LiveArticle.of(article.withEntitiesAtLeast(query.minConfidence()))).toList());
        body.put("nextCursor", page.nextCursor());
        json(ctx, body);
    }

    private void getArticle(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new BadRequestException("id", "id must have 1.." + MAX_ID_LENGTH + " characters");
        }
        StoredArticle article = store.findArticle(id).orElse(null);
        if (article == null) {
            json(ctx.status(404), error("no article with id '" + ArticleQueryParameters.abbreviate(id) + "'", "id"));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        double minConfidence = ArticleQueryParameters.minConfidence(ctx);
        body.put("article", article.withEntitiesAtLeast(minConfidence));
        body.put("duplicates", store.findDuplicates(id).stream()
                .map(duplicate -> LiveArticle.of(duplicate.withEntitiesAtLeast(minConfidence))).toList());
        json(ctx, body);
    }

    private void topStories(Context ctx) {
        int hours = boundedInt(ctx, "hours", 24, 1, 720);
        int limit = boundedInt(ctx, "limit", 10, 1, 100);
        json(ctx, store.topStories(hours, limit));
    }

    private void getStory(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.isBlank() || id.length() > MAX_ID_LENGTH + 2) {
            throw new BadRequestException("id", "id must have 1.." + (MAX_ID_LENGTH + 2) + " characters");
        }
        int limit = boundedInt(ctx, "limit", 100, 1, 500);
        StoryDetails story = store.findStory(id, limit).orElse(null);
        if (story == null) {
            json(ctx.status(404), error("no story with id '" + ArticleQueryParameters.abbreviate(id) + "'", "id"));
            return;
        }
        json(ctx, story);
    }

    private void stats(Context ctx) {
        int top = boundedInt(ctx, "top", 10, 1, 100);
        int hours = boundedInt(ctx, "hours", 48, 1, 720);
        json(ctx, store.stats(top, hours, ArticleQueryParameters.minConfidence(ctx)));
    }

    private void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            body.put("status", "UP");
            body.put("articles", store.countArticles());
            body.put("liveClients", broadcaster.clientCount());
            json(ctx, body);
        } catch (RuntimeException e) {
            LOG.warn("Health check failed: {}", e.toString());
            json(ctx.status(503), Map.of("status", "DOWN", "error", "database unreachable"));
        }
    }

    private void recordRequest(Context ctx) {
        Long start = ctx.attribute(START_NANOS);
        if (start == null) {
            return;
        }
        // the route template, not the raw path: /api/articles/{id} stays one time series
        var matched = ctx.endpoints().matchedHttpEndpoint();
        String route = matched != null ? matched.path : "static";
        Timer.builder("newsflow.serve.http.requests")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry)
                .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private static int boundedInt(Context ctx, String name, int defaultValue, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // falls through to the same message as out of range
        }
        throw new BadRequestException(name, name + " must be a whole number within " + min + ".." + max
                + ", was '" + ArticleQueryParameters.abbreviate(value) + "'");
    }

    private static Map<String, Object> error(String message, String parameter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        if (parameter != null) {
            body.put("parameter", parameter);
        }
        return body;
    }

    private static void json(Context ctx, Object body) {
        ctx.contentType("application/json; charset=utf-8").result(Json.write(body));
    }
}
