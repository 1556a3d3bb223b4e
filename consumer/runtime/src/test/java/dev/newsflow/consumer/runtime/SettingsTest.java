package dev.newsflow.consumer.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private static final Settings.Component STAGE = new Settings.Component("stage runtime", StageConfig.DEFINITION);
    private static final Settings.Component OTHER = new Settings.Component("other", new ConfigDef()
            .define("other.size", ConfigDef.Type.INT, 3, ConfigDef.Importance.LOW, "How many."));

    @Test
    void shouldNameAnUnknownKeyAndTheNearestKnownOne() {
        assertThatThrownBy(() -> Settings.check(List.of(STAGE), Map.of("stage.max.pol.records", "5")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("stage.max.pol.records")
                .hasMessageContaining("did you mean stage.max.poll.records?");
        assertThatThrownBy(() -> Settings.check(List.of(STAGE), Map.of("webhook.url", "http://x")))
                .hasMessageContaining("webhook.url").hasMessageContaining("unknown setting");
    }

    @Test
    void shouldRejectTheKeysOfAComponentTheCommandDoesNotRun() {
        assertThatThrownBy(() -> Settings.check(List.of(STAGE), Map.of("other.size", "4"))).hasMessageContaining("other.size");
    }

    @Test
    void shouldHandEachComponentItsOwnKeys() {
        Settings settings = Settings.check(List.of(STAGE, OTHER), Map.of("other.size", "4", StageConfig.MAX_POLL_RECORDS, "9"));

        assertThat(settings.of(OTHER)).isEqualTo(Map.of("other.size", "4"));
        assertThat(new StageConfig(settings.of(STAGE)).maxPollRecords()).isEqualTo(9);
    }

    @Test
    void shouldListEveryKeyWithItsDefaultAndDoc() {
        String listing = Settings.describe(List.of(STAGE, OTHER));

        assertThat(listing).contains("stage runtime", "stage.retry.max.attempts (int, default: 8, valid: [1,...,1000])",
                "other.size (int, default: 3)", "How many.");
    }
}
