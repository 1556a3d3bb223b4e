package dev.newsflow.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void shouldFoldCaseWidthQuotesDashesAndWhitespace() {
        assertThat(normalizer.normalize("  «Hello»—WORLD’s\u00A0ＦＵＬＬ-width\n\n“test”… "))
                .isEqualTo("hello world\u02BCs full width test");
    }

    @Test
    void shouldTransliterateUzbekCyrillicToLatin() {
        assertThat(normalizer.normalize("Ўзбекистон Республикаси, Ғалаба!"))
                .isEqualTo(normalizer.normalize("O‘zbekiston respublikasi — g'alaba"))
                .isEqualTo("o\u02BCzbekiston respublikasi g\u02BCalaba");
    }

    @Test
    void shouldKeepKazakhLettersDistinct() {
        // қ/к, ғ/г, ө/о, ү/у, ұ/у, і/и, ң/н, ә/а must not collapse
        String[][] pairs = {{"қол", "кол"}, {"ғана", "гана"}, {"өлең", "олең"}, {"үй", "уй"}, {"ұл", "ул"},
            {"біз", "биз"}, {"аң", "ан"}, {"әке", "аке"}};
        for (String[] pair : pairs) {
            assertThat(normalizer.normalize(pair[0])).as(pair[0]).isNotEqualTo(normalizer.normalize(pair[1]));
        }
    }

    @Test
    void shouldKeepUzbekApostropheLettersDistinctAndDropQuotes() {
        assertThat(normalizer.normalize("g‘alla")).isNotEqualTo(normalizer.normalize("galla"));
        assertThat(normalizer.normalize("'Ta`kid' sheriklar'")).isEqualTo("ta\u02BCkid sheriklar");
    }

    @Test
    void shouldKeepTurkishDotlessIDistinctFromDottedI() {
        assertThat(normalizer.normalize("ılık")).isNotEqualTo(normalizer.normalize("ilik"));
    }

    @Test
    void shouldYieldNoTokensForPunctuationOnly() {
        assertThat(normalizer.tokens(" -- ... !!! ")).isEmpty();
    }
}
