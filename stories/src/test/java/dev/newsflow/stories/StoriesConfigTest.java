package dev.newsflow.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoriesConfigTest {

    @Test
    void shouldReadDefaultsAndOverrides() {
        StoriesConfig config = StoriesConfig.fromMap(Map.of(StoriesConfig.QUIET_PERIOD, "PT24H"));
        assertThat(config.quietPeriod()).isEqualTo(Duration.ofHours(24));
        assertThat(config.joinThreshold()).isEqualTo(StoriesConfig.defaults().joinThreshold());
    }

    @Test
    void shouldNameTheKeyOfAMalformedValue() {
        assertThatThrownBy(() -> StoriesConfig.fromMap(Map.of(StoriesConfig.JOIN_THRESHOLD, "high")))
                .isInstanceOf(StoriesConfigException.class)
                .hasMessageContaining(StoriesConfig.JOIN_THRESHOLD)
                .hasMessageContaining("high");
    }

    @Test
    void shouldRejectAnUnknownStoriesKeyAndIgnoreOthers() {
        assertThatThrownBy(() -> StoriesConfig.fromMap(Map.of("stories.treshold.join", "0.3")))
                .isInstanceOf(StoriesConfigException.class)
                .satisfies(e -> assertThat(((StoriesConfigException) e).key()).isEqualTo("stories.treshold.join"));
        assertThat(StoriesConfig.fromMap(Map.of("dedupe.window", "PT1H"))).isEqualTo(StoriesConfig.defaults());
    }

    @Test
    void shouldRejectAnArticleWindowShorterThanTheQuietPeriod() {
        assertThatThrownBy(() -> StoriesConfig.fromMap(Map.of(StoriesConfig.ARTICLE_WINDOW, "PT1H")))
                .hasMessageContaining(StoriesConfig.ARTICLE_WINDOW);
    }
}
