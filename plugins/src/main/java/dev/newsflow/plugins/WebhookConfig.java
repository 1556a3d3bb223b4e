package dev.newsflow.plugins;

import dev.newsflow.clients.Retry;
import dev.newsflow.consumer.runtime.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of the {@code webhook} plug-in, checked on construction; an invalid value fails with an
 * {@link IllegalArgumentException} that names the key. Immutable.
 */
public final class WebhookConfig extends AbstractConfig {
    public static final String URL = "webhook.url";
    public static final String ENTITIES = "webhook.entities";
    public static final String COUNTRIES = "webhook.countries";
    public static final String KEYWORDS = "webhook.keywords";
    public static final String TIMEOUT_MS = "webhook.timeout.ms";
    public static final String MAX_ATTEMPTS = "webhook.max.attempts";
    public static final String BACKOFF_MS = "webhook.backoff.ms";

    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Where matching articles are POSTed (http or https).")
            .define(ENTITIES, Type.LIST, "", Importance.MEDIUM,
                    "Comma-separated entity names: an article naming one of them matches (case ignored).")
            .define(COUNTRIES, Type.LIST, "", Importance.MEDIUM,
                    "Comma-separated ISO 3166-1 alpha-2 codes: an article about one of them matches.")
            .define(KEYWORDS, Type.LIST, "", Importance.MEDIUM,
                    "Comma-separated words: an article with one among its keywords or as a word of its text matches. "
                            + "With no entities, countries or keywords at all, every article matches.")
            .define(TIMEOUT_MS, Type.LONG, 10_000L, Range.between(1, 600_000), Importance.LOW,
                    "How long one request may take, connecting included.")
            .define(MAX_ATTEMPTS, Type.INT, 3, Range.between(1, 100), Importance.MEDIUM,
                    "Attempts at one POST that fails transiently (connection refused, timeout, HTTP 408, 429 or 5xx); "
                            + "then the runtime's own retries (stage.retry.*) take over, and the plug-in stops when "
                            + "those are spent too. Any other 4xx answer dead-letters the article at once.")
            .define(BACKOFF_MS, Type.LONG, 500L, Range.between(0, 60_000), Importance.LOW,
                    "Wait after the first failed attempt; doubled after each further one.");

    /** The plug-in's settings as a component of {@code newsflow consume}; unknown keys are rejected. */
    public static final Settings.Component COMPONENT = new Settings.Component("plug-in webhook", DEFINITION);

    private WebhookConfig(Map<String, String> values) {
        super(DEFINITION, values, false);
    }

    /** @throws IllegalArgumentException naming the key of a missing, unknown or invalid setting */
    public static WebhookConfig from(Map<String, String> values) {
        try {
            Settings.check(List.of(COMPONENT), values);
            WebhookConfig config = new WebhookConfig(values);
            config.url();
            return config;
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public URI url() {
        String value = getString(URL);
        try {
            URI uri = new URI(value);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new ConfigException(URL, value, "not an http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(URL, value, "not a URL: " + e.getReason());
        }
    }

    public ArticleFilter filter() {
        return ArticleFilter.of(getList(ENTITIES), getList(COUNTRIES), getList(KEYWORDS));
    }

    public Duration timeout() {
        return Duration.ofMillis(getLong(TIMEOUT_MS));
    }

    public Retry retry() {
        Duration backoff = Duration.ofMillis(getLong(BACKOFF_MS));
        return new Retry(getInt(MAX_ATTEMPTS), backoff, backoff.multipliedBy(8));
    }
}
