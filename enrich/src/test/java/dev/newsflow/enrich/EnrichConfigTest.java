package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrichConfigTest {

    @Test
    void shouldDefaultToTheSevenLanguagesOfTheProject() {
        assertThat(EnrichConfig.defaults().languageList()).containsExactly("az", "en", "kk", "ky", "ru", "tr", "uz");
        assertThat(EnrichConfig.defaults().summarySentences()).isEqualTo(2);
    }

    @Test
    void shouldNameTheKeyOfAnInvalidValue() {
        assertThatThrownBy(() -> EnrichConfig.from(Map.of(EnrichConfig.SUMMARY_SENTENCES, "5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("enrich.summary.sentences");
        assertThatThrownBy(() -> EnrichConfig.from(Map.of(EnrichConfig.MAX_KEYWORDS, "many")))
                .hasMessageContaining("enrich.keywords.max");
        assertThatThrownBy(() -> EnrichConfig.from(Map.of(EnrichConfig.LANGUAGES, "en,english")))
                .hasMessageContaining("enrich.languages");
    }
}
