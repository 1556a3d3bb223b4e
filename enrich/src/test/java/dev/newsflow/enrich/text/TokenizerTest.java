package dev.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void shouldKeepApostrophesAndHyphensInsideWordsAndSplitPunctuation() {
        String text = "“Oʻzbekiston’s” Türkiye'de, Nur-Sultan: 3.5% at 09:12.";
        List<String> tokens = Tokenizer.tokenize(text).stream().map(Token::text).toList();

        assertThat(tokens).containsExactly("“", "Oʻzbekiston’s", "”", "Türkiye'de", ",", "Nur-Sultan", ":", "3.5", "%",
                "at", "09:12", ".");
    }

    @Test
    void shouldGiveOffsetsIntoTheOriginalText() {
        String text = "  Самарқанд, Ўзбекистон.";
        assertThat(Tokenizer.tokenize(text)).allSatisfy(t -> assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text()));
    }

    @Test
    void shouldKeepADatelineApartFromTheFirstSentence() {
        List<Sentence> sentences = new SentenceSplitter(com.ibm.icu.util.ULocale.ROOT)
                .split("09:12 / 2022-10-27\n\nSamarkand hosted a meeting. It ended.");
        assertThat(sentences).extracting(Sentence::wordCount).containsExactly(2, 4, 2);
    }
}
