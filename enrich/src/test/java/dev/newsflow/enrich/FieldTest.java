package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ULocale;
import dev.newsflow.enrich.text.SentenceSplitter;
import dev.newsflow.enrich.text.Token;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldTest {
    private static final SentenceSplitter SPLITTER = new SentenceSplitter(ULocale.ROOT);

    private static List<String> wordsInLinks(String text) {
        Field field = new Field("body", text, SPLITTER);
        return field.sentences().stream().flatMap(sentence -> sentence.tokens().stream())
                .filter(field::isInLink).map(Token::text).filter(word -> Character.isLetter(word.charAt(0))).toList();
    }

    @Test
    void shouldFindTheWordsOfEveryKindOfLink() {
        assertThat(wordsInLinks("Read it at https://uza.uz/en/posts today.")).containsExactly("https", "uza", "uz", "en", "posts");
        assertThat(wordsInLinks("See www.gov.uz for more.")).containsExactly("www", "gov", "uz");
        assertThat(wordsInLinks("Write to press@uza.uz now.")).containsExactly("press", "uza", "uz");
        assertThat(wordsInLinks("The [decree](lex.uz/docs/1) was signed.")).containsExactly("lex", "uz", "docs");
    }

    @Test
    void shouldFindNoLinkInPlainProse() {
        String prose = "President Shavkat Mirziyoyev met the delegation in Tashkent: 3.5% growth, 09:12 sharp, "
                + "O'zbekiston and Türkiye'de (www is not a link) [a note] (a remark) WWW.GOV.UZ";

        assertThat(wordsInLinks(prose)).isEmpty();
    }
}
