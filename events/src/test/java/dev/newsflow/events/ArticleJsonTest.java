package dev.newsflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArticleJsonTest {
    /** Every ASCII character, letters of the pipeline's languages, and surrogates paired and alone. */
    private static final String ALPHABET = asciiCharacters() + "ОзбекистонҚазақстанҮӨҰІʻʼ’ğüşıöçİĞÜŞÖÇəƏ€—«»…中文"
            + "\uD83D\uDE00\uD83C\uDDFA\uD800\uDFFF";

    @Test
    void shouldWriteTheBytesJacksonWritesForAnyText() throws Exception {
        Random random = new Random(20261129);
        for (int i = 0; i < 5_000; i++) {
            Article article = new Article("id-" + text(random, 20), "T" + text(random, 80), "B" + text(random, 3_000),
                    random.nextBoolean() ? null : text(random, 30), random.nextBoolean() ? null : "UzA",
                    random.nextBoolean() ? null : OffsetDateTime.parse("2026-11-29T10:15:30+05:00"),
                    random.nextBoolean() ? null : "https://uza.uz/en/posts/" + text(random, 10),
                    random.nextBoolean() ? null : "uz", random.nextBoolean() ? null : "file:" + text(random, 15),
                    random.nextBoolean() ? null : Extraction.values()[random.nextInt(2)]);

            byte[] jackson = EventJson.mapper().writeValueAsBytes(article);
            assertThat(new String(EventJson.toBytes(article), StandardCharsets.UTF_8))
                    .as("article %d", i).isEqualTo(new String(jackson, StandardCharsets.UTF_8));
            assertThat(EventJson.fromBytes(EventJson.toBytes(article), Article.class)).isEqualTo(article);
        }
    }

    @Test
    void shouldWriteEveryComponentOfArticle() {
        assertThat(ArticleJson.FIELDS).containsExactly(Arrays.stream(Article.class.getRecordComponents())
                .map(RecordComponent::getName).toArray(String[]::new));
    }

    @Test
    void shouldLeaveTextWithSurrogatesToJackson() {
        Article withEmoji = new Article("a", "title \uD83D\uDE00", "body", null, null, null, null, null, null);

        assertThat(ArticleJson.encode(withEmoji)).isNull();
        assertThat(new String(EventJson.toBytes(withEmoji), StandardCharsets.UTF_8)).contains("title \\uD83D\\uDE00");
    }

    @Test
    void shouldFindEveryByteThatNeedsAnEscapeWhereverItIsInAWord() {
        for (int length = 0; length <= 24; length++) {
            for (int at = 0; at < length; at++) {
                for (byte special : new byte[] {'"', '\\', 0, '\n', 0x1F}) {
                    byte[] bytes = "abcdefghijklmnopqrstuvwx".substring(0, length).getBytes(StandardCharsets.US_ASCII);
                    bytes[at] = special;
                    assertThat(ArticleJson.nextEscape(bytes, 0)).as("%d in %d bytes", special, length).isEqualTo(at);
                    assertThat(ArticleJson.nextEscape(bytes, at + 1)).isEqualTo(length);
                }
            }
        }
        byte[] nonAscii = "Ўзбекистон ва Қозоғистон: «бир»".getBytes(StandardCharsets.UTF_8);
        assertThat(ArticleJson.nextEscape(nonAscii, 0)).isEqualTo(nonAscii.length);
    }

    private static String text(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            // mostly plain prose, as in news, with the odd special character
            text.append(random.nextInt(8) > 0 ? (char) ('a' + random.nextInt(26)) : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static String asciiCharacters() {
        StringBuilder ascii = new StringBuilder();
        for (char c = 0; c < 128; c++) {
            ascii.append(c);
        }
        return ascii.toString();
    }
}
