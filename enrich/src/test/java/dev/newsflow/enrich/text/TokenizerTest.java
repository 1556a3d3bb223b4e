package dev.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    /** The grammar the tokenizer documents, as the pattern it was first written with. */
    private static final Pattern GRAMMAR = Pattern.compile(
            "\\p{N}+(?:[.,:]\\p{N}+)+|[\\p{L}\\p{M}\\p{N}]+(?:['’ʻʼ‘`\\-][\\p{L}\\p{M}\\p{N}]+)*|\\S");
    /**
     * Letters of several scripts, marks, digits of several kinds, the separators and joiners, spaces the pattern
     * counts and ones it does not, punctuation, and characters outside the BMP, whole and as lone surrogates.
     */
    private static final String[] PIECES = {"a", "Z", "ş", "ў", "Ж", "ʻ", "ʼ", "\u0301", "\u20DD", "\u0903", "7", "٣", "²",
            "Ⅻ", ".", ",", ":", "'", "’", "‘", "`", "-", "–", " ", "\t", "\n", "\u000B", "\f", "\r", "\u00A0",
            "\u2028", "!", "“", "%", "(", "😀", "𝐀", "𝟗", "\uD83D", "\uDE00"};

    private static List<Token> byGrammar(String text, int from, int to) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = GRAMMAR.matcher(text).region(from, to);
        while (matcher.find()) {
            tokens.add(new Token(matcher.group(), matcher.start(), matcher.end()));
        }
        return tokens;
    }

    @Test
    void shouldSplitAnyTextAsItsGrammarDoes() {
        Random random = new Random(11);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(24); length > 0; length--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            int from = text.length() == 0 ? 0 : random.nextInt(text.length() / 4 + 1);
            int to = text.length() - random.nextInt((text.length() - from) / 4 + 1);
            String each = text.toString();

            assertThat(Tokenizer.tokenize(each, from, to)).as("[%s] %d..%d", each, from, to)
                    .isEqualTo(byGrammar(each, from, to));
        }
    }

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
