package dev.newsflow.sources.http;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.GZIPInputStream;

/**
 * HTTP GET as a polite crawler does it: robots.txt obeyed (parsed by crawler-commons, kept for a while per host,
 * its Crawl-delay honoured up to a cap), one request at a time per host with a least delay between them, many
 * hosts at once from many threads, conditional GET with the validators given, gzip, redirects followed hop by
 * hop (each hop checked against its own host's robots.txt and politeness), a time limit on the whole exchange,
 * body included, and a size limit on the decompressed body.
 *
 * <p>Thread-safe: any number of threads may fetch; calls for the same host wait their turn in arrival order.
 */
public final class PoliteFetcher implements AutoCloseable {
    private static final Duration ROBOTS_RETRY = Duration.ofMinutes(1);

    private final HttpClient http;
    private final Settings settings;
    private final String robotName;
    private final Clock clock;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "newsflow-fetch-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * How to fetch. Immutable.
     *
     * @param userAgent      sent with every request; its first word is the robots.txt name
     * @param connectTimeout longest wait for a connection
     * @param timeout        longest time a whole exchange may take
     * @param maxBytes       largest body accepted, after decompression
     * @param maxRedirects   redirects followed
     * @param hostDelay      least time between two requests to one host
     * @param maxCrawlDelay  cap on a robots.txt Crawl-delay
     * @param robotsCache    how long a robots.txt is kept
     */
    public record Settings(String userAgent, Duration connectTimeout, Duration timeout, long maxBytes, int maxRedirects,
                           Duration hostDelay, Duration maxCrawlDelay, Duration robotsCache) {
    }

    public PoliteFetcher(Settings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        String product = settings.userAgent().strip().split("[/\\s]", 2)[0];
        this.robotName = product.toLowerCase(Locale.ROOT);
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * GETs {@code uri}, sending {@code validators} so that an unchanged resource answers 304.
     *
     * @return never null; {@link FetchResult.Failed} for every failure, exceptions included
     */
    public FetchResult fetch(URI uri, Validators validators) {
        URI current = uri;
        for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
            if (current.getHost() == null || !isHttp(current)) {
                return new FetchResult.Failed(current, "not an http(s) URL with a host");
            }
            Host host = host(current);
            BaseRobotRules rules = host.rules();
            if (rules.isDeferVisits()) {
                return new FetchResult.Failed(current, "robots.txt unavailable (" + host.robotsProblem + "); trying later");
            }
            if (!rules.isAllowed(current.toString())) {
                return new FetchResult.Disallowed(current);
            }
            URI target = current;
            Exchange exchange = host.call(() -> exchange(target, validators));
            if (exchange.failure != null) {
                return new FetchResult.Failed(current, exchange.failure);
            }
            int status = exchange.status;
            if (status >= 300 && status < 400 && status != 304) {
                Optional<String> location = exchange.headers.firstValue("Location");
                if (location.isEmpty()) {
                    return new FetchResult.Failed(current, "HTTP " + status + " without a Location header");
                }
                try {
                    current = current.resolve(location.get().strip());
                } catch (IllegalArgumentException e) {
                    return new FetchResult.Failed(current, "HTTP " + status + " to an invalid Location: " + location.get());
                }
                continue;
            }
            if (status == 304) {
                return new FetchResult.NotModified(current);
            }
            if (status < 200 || status >= 300) {
                return new FetchResult.Failed(current, "HTTP " + status);
            }
            return new FetchResult.Fetched(current, exchange.body, exchange.headers.firstValue("Content-Type").orElse(null),
                    new Validators(exchange.headers.firstValue("ETag").orElse(null),
                            exchange.headers.firstValue("Last-Modified").orElse(null)));
        }
        return new FetchResult.Failed(uri, "more than " + settings.maxRedirects() + " redirects");
    }

    private static boolean isHttp(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    private Host host(URI uri) {
        String key = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort();
        return hosts.computeIfAbsent(key, k -> new Host(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + "/robots.txt")));
    }

    /** One GET, no redirects followed, bounded in time and size; never throws. */
    private Exchange exchange(URI uri, Validators validators) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.timeout()).GET()
                .header("User-Agent", settings.userAgent())
                .header("Accept-Encoding", "gzip");
        if (validators.etag() != null) {
            request.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            request.header("If-Modified-Since", validators.lastModified());
        }
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream raw = response.body()) {
                if (response.statusCode() != 200 && response.statusCode() / 100 != 2) {
                    return new Exchange(response.statusCode(), response.headers(), new byte[0], null);
                }
                long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (declared > settings.maxBytes() && !isGzip(response)) {
                    return Exchange.failed(tooLarge());
                }
                byte[] body = readBounded(raw, isGzip(response), deadline);
                return body == null ? Exchange.failed(tooLarge()) : new Exchange(response.statusCode(), response.headers(), body, null);
            }
        } catch (HttpTimeoutException e) {
            return Exchange.failed("timed out after " + seconds(settings.timeout()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Exchange.failed("interrupted");
        } catch (IOException e) {
            if (System.nanoTime() >= deadline) {
                return Exchange.failed("timed out after " + seconds(settings.timeout()) + " reading the body");
            }
            return Exchange.failed("cannot fetch: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage().replace('\n', ' ')));
        } catch (IllegalArgumentException e) {
            return Exchange.failed("invalid request: " + e.getMessage());
        }
    }

    private static boolean isGzip(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("gzip")).orElse(false);
    }

    /** The body, or null when it is larger than the limit; a watchdog closes the stream at the deadline. */
    private byte[] readBounded(InputStream raw, boolean gzip, long deadline) throws IOException {
        ScheduledFuture<?> alarm = watchdog.schedule(() -> {
            try {
                raw.close();
            } catch (IOException ignored) {
                // the reader sees the closed stream
            }
        }, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        try (InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBytes() + 1));
            if (System.nanoTime() >= deadline) {
                throw new InterruptedIOException("deadline");
            }
            return body.length > settings.maxBytes() ? null : body;
        } finally {
            alarm.cancel(false);
        }
    }

    private String tooLarge() {
        return "larger than the limit of " + settings.maxBytes() + " bytes (" + "sources.http.max.bytes)";
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }

    private record Exchange(int status, java.net.http.HttpHeaders headers, byte[] body, String failure) {
        static Exchange failed(String failure) {
            return new Exchange(0, null, null, failure);
        }
    }

    /** One host: its turn-taking, its robots.txt rules and its delay. */
    private final class Host {
        private final ReentrantLock turn = new ReentrantLock(true);
        private final URI robotsUri;
        private long nextStartNanos = System.nanoTime();
        private volatile BaseRobotRules rules;
        private volatile Instant rulesExpire = Instant.MIN;
        private volatile String robotsProblem = "";

        Host(URI robotsUri) {
            this.robotsUri = robotsUri;
        }

        /** Runs {@code exchange} when it is this host's turn and the delay since the last request has passed. */
        Exchange call(java.util.function.Supplier<Exchange> exchange) {
            turn.lock();
            try {
                long wait = nextStartNanos - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                return exchange.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Exchange.failed("interrupted");
            } finally {
                nextStartNanos = System.nanoTime() + delay().toNanos();
                turn.unlock();
            }
        }

        private Duration delay() {
            BaseRobotRules current = rules;
            long crawlDelay = current == null ? BaseRobotRules.UNSET_CRAWL_DELAY : current.getCrawlDelay();
            if (crawlDelay == BaseRobotRules.UNSET_CRAWL_DELAY || crawlDelay <= 0) {
                return settings.hostDelay();
            }
            Duration robots = Duration.ofMillis(Math.min(crawlDelay, settings.maxCrawlDelay().toMillis()));
            return robots.compareTo(settings.hostDelay()) > 0 ? robots : settings.hostDelay();
        }

        /** The host's robots.txt rules, fetched (in the host's turn) when missing or expired. */
        BaseRobotRules rules() {
            if (rules != null && clock.instant().isBefore(rulesExpire)) {
                return rules;
            }
            synchronized (this) {
                if (rules == null || !clock.instant().isBefore(rulesExpire)) {
                    fetchRules();
                }
                return rules;
            }
        }

        private void fetchRules() {
            SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
            URI current = robotsUri;
            for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
                URI target = current;
                Exchange exchange = call(() -> exchange(target, Validators.NONE));
                int status = exchange.failure != null ? 503 : exchange.status;
                if (status >= 300 && status < 400 && exchange.headers.firstValue("Location").isPresent()) {
                    current = current.resolve(exchange.headers.firstValue("Location").get().strip());
                    continue;
                }
                robotsProblem = exchange.failure != null ? exchange.failure : "HTTP " + status;
                if (status == 200) {
                    keep(parser.parseContent(robotsUri.toString(), exchange.body, "text/plain", List.of(robotName)),
                            settings.robotsCache());
                } else {
                    // 4xx: no rules, everything allowed; 5xx or unreachable: nothing allowed for now (RFC 9309)
                    keep(parser.failedFetch(status), status >= 500 ? ROBOTS_RETRY : settings.robotsCache());
                }
                return;
            }
            keep(parser.failedFetch(404), settings.robotsCache());
        }

        private void keep(BaseRobotRules parsed, Duration ttl) {
            rules = parsed;
            rulesExpire = clock.instant().plus(ttl);
        }
    }
}
