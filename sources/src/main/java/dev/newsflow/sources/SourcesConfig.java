package dev.newsflow.sources;

import dev.newsflow.sources.http.PoliteFetcher;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of the poller, defined as Kafka defines its own: key, type, default, validator and documentation in
 * one place, checked on construction; an invalid value fails with a {@link ConfigException} naming the key.
 * Given in the sources file's {@code settings:} map or as {@code --set KEY=VALUE}. Immutable.
 */
public final class SourcesConfig extends AbstractConfig {
    public static final String USER_AGENT = "sources.user.agent";
    public static final String CONNECT_TIMEOUT = "sources.http.connect.timeout";
    public static final String REQUEST_TIMEOUT = "sources.http.timeout";
    public static final String MAX_BYTES = "sources.http.max.bytes";
    public static final String MAX_REDIRECTS = "sources.http.max.redirects";
    public static final String HOST_DELAY = "sources.host.min.delay";
    public static final String MAX_CRAWL_DELAY = "sources.host.max.crawl.delay";
    public static final String ROBOTS_CACHE = "sources.robots.cache";
    public static final String THREADS = "sources.threads";
    public static final String JITTER = "sources.jitter";
    public static final String RETRY_MAX_ATTEMPTS = "sources.retry.max.attempts";
    public static final String RETRY_INITIAL_BACKOFF = "sources.retry.initial.backoff";
    public static final String RETRY_MAX_BACKOFF = "sources.retry.max.backoff";
    public static final String PAGE_MAX_ATTEMPTS = "sources.page.max.attempts";

    private static final ConfigDef.Validator DURATION = ConfigDef.LambdaValidator.with((name, value) -> {
        try {
            Durations.parse((String) value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }, () -> "a duration such as 30s, 5m or 1h");

    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(USER_AGENT, Type.STRING, "newsflow/0.1 (news monitoring; +https://newsflow.dev/bot)",
                    new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "User-Agent of every request. Its first word (before '/') is the name robots.txt rules are matched against.")
            .define(CONNECT_TIMEOUT, Type.STRING, "10s", DURATION, Importance.LOW, "Longest wait for a connection.")
            .define(REQUEST_TIMEOUT, Type.STRING, "30s", DURATION, Importance.MEDIUM,
                    "Longest time one request may take, the whole body read included.")
            .define(MAX_BYTES, Type.LONG, 5_000_000L, Range.between(1_000, 100_000_000), Importance.MEDIUM,
                    "Largest feed, sitemap or page accepted, after decompression; a larger one fails.")
            .define(MAX_REDIRECTS, Type.INT, 5, Range.between(0, 20), Importance.LOW, "Redirects followed per request.")
            .define(HOST_DELAY, Type.STRING, "1s", DURATION, Importance.MEDIUM,
                    "Least time between the end of one request to a host and the start of the next (one at a time per host).")
            .define(MAX_CRAWL_DELAY, Type.STRING, "60s", DURATION, Importance.LOW,
                    "A robots.txt Crawl-delay is obeyed up to this long.")
            .define(ROBOTS_CACHE, Type.STRING, "24h", DURATION, Importance.LOW, "How long a host's robots.txt is kept.")
            .define(THREADS, Type.INT, 8, Range.between(1, 256), Importance.MEDIUM,
                    "Sources polled at the same time (each host still gets one request at a time).")
            .define(JITTER, Type.DOUBLE, 0.1, Range.between(0.0, 0.5), Importance.LOW,
                    "Each poll is scheduled 'every' plus or minus this share of it, so that sources spread out.")
            .define(RETRY_MAX_ATTEMPTS, Type.INT, 8, Range.between(1, 1_000), Importance.MEDIUM,
                    "Consecutive failed polls of a source retried with growing backoff; after that it is polled at the longest backoff until it recovers.")
            .define(RETRY_INITIAL_BACKOFF, Type.STRING, "30s", DURATION, Importance.LOW,
                    "Wait after a source's first failed poll; doubled after each further one.")
            .define(RETRY_MAX_BACKOFF, Type.STRING, "1h", DURATION, Importance.LOW, "The longest wait after failed polls.")
            .define(PAGE_MAX_ATTEMPTS, Type.INT, 3, Range.between(1, 100), Importance.LOW,
                    "Polls at which an item's page that cannot be fetched is tried again, when the feed has no text to fall back on.");

    public SourcesConfig(Map<String, ?> values) {
        super(DEFINITION, values, false);
        if (duration(RETRY_MAX_BACKOFF).compareTo(duration(RETRY_INITIAL_BACKOFF)) < 0) {
            throw new ConfigException(RETRY_MAX_BACKOFF, getString(RETRY_MAX_BACKOFF), "must not be less than " + RETRY_INITIAL_BACKOFF);
        }
    }

    public static SourcesConfig defaults() {
        return new SourcesConfig(Map.of());
    }

    public Duration duration(String key) {
        return Durations.parse(getString(key));
    }

    /** How pages, feeds and sitemaps are fetched, as these settings say. */
    public PoliteFetcher.Settings fetchSettings() {
        return new PoliteFetcher.Settings(userAgent(), duration(CONNECT_TIMEOUT), duration(REQUEST_TIMEOUT), maxBytes(),
                maxRedirects(), duration(HOST_DELAY), duration(MAX_CRAWL_DELAY), duration(ROBOTS_CACHE));
    }

    public String userAgent() {
        return getString(USER_AGENT);
    }

    public long maxBytes() {
        return getLong(MAX_BYTES);
    }

    public int maxRedirects() {
        return getInt(MAX_REDIRECTS);
    }

    public int threads() {
        return getInt(THREADS);
    }

    public double jitter() {
        return getDouble(JITTER);
    }

    public int retryMaxAttempts() {
        return getInt(RETRY_MAX_ATTEMPTS);
    }

    public int pageMaxAttempts() {
        return getInt(PAGE_MAX_ATTEMPTS);
    }
}
