package dev.newsflow.plugins;

import dev.newsflow.consumer.runtime.Settings;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of the {@code jsonl} plug-in, checked on construction; an invalid value fails with an
 * {@link IllegalArgumentException} that names the key. Immutable.
 */
public final class JsonLinesConfig extends AbstractConfig {
    public static final String DIR = "jsonl.dir";
    public static final String ZONE = "jsonl.zone";

    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(DIR, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Folder of the daily files enriched-YYYY-MM-DD.jsonl; created when missing.")
            .define(ZONE, Type.STRING, "UTC", new ConfigDef.NonEmptyString(), Importance.LOW,
                    "Time zone of the day that names the file an article goes to (the day of its enrichedAt).");

    /** The plug-in's settings as a component of {@code newsflow consume}; unknown keys are rejected. */
    public static final Settings.Component COMPONENT = new Settings.Component("plug-in jsonl", DEFINITION);

    private JsonLinesConfig(Map<String, String> values) {
        super(DEFINITION, values, false);
    }

    /** @throws IllegalArgumentException naming the key of a missing, unknown or invalid setting */
    public static JsonLinesConfig from(Map<String, String> values) {
        try {
            Settings.check(List.of(COMPONENT), values);
            JsonLinesConfig config = new JsonLinesConfig(values);
            config.zone();
            return config;
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public Path dir() {
        return Path.of(getString(DIR));
    }

    public ZoneId zone() {
        try {
            return ZoneId.of(getString(ZONE));
        } catch (DateTimeException e) {
            throw new ConfigException(ZONE, getString(ZONE), "not a time zone id (for example UTC or Asia/Tashkent)");
        }
    }
}
