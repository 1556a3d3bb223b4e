package dev.newsflow.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DedupeConfigTest {

    @Test
    void shouldProvideDocumentedDefaults() {
        DedupeConfig config = DedupeConfig.defaults();

        assertThat(config.shingleSize()).isEqualTo(3);
        assertThat(config.hashes()).isEqualTo(120);
        assertThat(config.bands()).isEqualTo(40);
        assertThat(config.rows()).isEqualTo(3);
        assertThat(config.window()).isEqualTo(Duration.ofHours(72));
        assertThat(config.lshThreshold()).isCloseTo(0.29, within(0.01));
        assertThat(config.lshThreshold()).isLessThan(config.jaccardThreshold());
    }

    @Test
    void shouldReadValuesGivenAsText() {
        DedupeConfig config = DedupeConfig.fromMap(Map.of(
                DedupeConfig.SHINGLE_SIZE, "4", DedupeConfig.HASHES, "64", DedupeConfig.BANDS, "16",
                DedupeConfig.WINDOW, "P2D", "kafka.bootstrap.servers", "ignored:9092"));

        assertThat(config.shingleSize()).isEqualTo(4);
        assertThat(config.rows()).isEqualTo(4);
        assertThat(config.window()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void shouldNameTheKeyWhenBandsDoNotDivideHashes() {
        assertThatThrownBy(() -> DedupeConfig.fromMap(Map.of(DedupeConfig.BANDS, "50")))
                .isInstanceOfSatisfying(DedupeConfigException.class,
                        e -> assertThat(e.key()).isEqualTo(DedupeConfig.BANDS))
                .hasMessageContaining("dedupe.lsh.bands").hasMessageContaining("50");
    }

    @Test
    void shouldNameTheKeyOfAnUnparsableValue() {
        assertThatThrownBy(() -> DedupeConfig.fromMap(Map.of(DedupeConfig.WINDOW, "3 days")))
                .isInstanceOfSatisfying(DedupeConfigException.class,
                        e -> assertThat(e.key()).isEqualTo(DedupeConfig.WINDOW));
        assertThatThrownBy(() -> DedupeConfig.fromMap(Map.of(DedupeConfig.JACCARD_THRESHOLD, "1.5")))
                .isInstanceOfSatisfying(DedupeConfigException.class,
                        e -> assertThat(e.key()).isEqualTo(DedupeConfig.JACCARD_THRESHOLD));
    }

    @Test
    void shouldRejectUnknownDedupeKeys() {
        assertThatThrownBy(() -> DedupeConfig.fromMap(Map.of("dedupe.shingles.size", "3")))
                .isInstanceOfSatisfying(DedupeConfigException.class,
                        e -> assertThat(e.key()).isEqualTo("dedupe.shingles.size"));
    }

    @Test
    void shouldComputeCandidateProbabilityOfBanding() {
        DedupeConfig config = DedupeConfig.defaults();
        assertThat(config.candidateProbability(config.jaccardThreshold())).isGreaterThan(0.99);
        assertThat(config.candidateProbability(0.05)).isLessThan(0.01);
    }
}
