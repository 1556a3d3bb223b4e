package dev.newsflow.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.events.Article;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UzaTextFormatTest {
    static final Path SEED = Path.of("../seeds/000_51b25be97f64b557.txt");
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private final UzaTextFormat format = new UzaTextFormat(UzaTextFormat.DEFAULT_ZONE, NOW);

    private static String seedText() throws Exception {
        return Files.readString(SEED, StandardCharsets.UTF_8);
    }

    @Test
    void shouldParseTheSeedArticle() throws Exception {
        Article article = format.parse(SEED.getFileName().toString(), seedText());

        assertThat(article.id()).isEqualTo("51b25be97f64b557");
        assertThat(article.title()).isEqualTo("Samarkand hosts a meeting of ministers in charge of ICT of the OTS");
        assertThat(article.author()).isEqualTo("Golib Khasanov");
        assertThat(article.source()).isEqualTo("UzA");
        assertThat(article.publishedAt()).isEqualTo(OffsetDateTime.parse("2022-10-27T09:12+05:00"));
        assertThat(article.publishedAt().toString()).isEqualTo("2022-10-27T09:12+05:00");
        assertThat(article.origin()).isEqualTo("000_51b25be97f64b557.txt");
        assertThat(article.body())
                .startsWith("Samarkand hosted a meeting of ministers in charge of ICT of the Organization of Turkic States.\n\n")
                .endsWith("The ministers signed a memorandum on the issues discussed.")
                .doesNotContain("Golib Khasanov");
        assertThat(article.body().split("\n\n")).hasSize(6);
    }

    @Test
    void shouldGiveTheSameIdToTheSameFileTwice() throws Exception {
        String text = seedText();
        assertThat(format.parse("copy.txt", text).id()).isEqualTo(format.parse("copy.txt", text).id())
                .hasSize(16);
    }

    @Test
    void shouldParseMixedLineEndingsAndAByteOrderMark() throws Exception {
        String original = seedText();
        String mixed = "\uFEFF" + original.replaceFirst("\n", "\r\n").replaceFirst("\n\n", "\r\r");

        Article article = format.parse("mixed.txt", mixed);

        assertThat(article.title()).isEqualTo("Samarkand hosts a meeting of ministers in charge of ICT of the OTS");
        assertThat(article.body()).isEqualTo(format.parse("x.txt", original).body());
    }

    @Test
    void shouldUseTheConfiguredAgencyZone() throws Exception {
        var utc = new UzaTextFormat(ZoneId.of("UTC"), NOW);
        assertThat(utc.parse("a.txt", seedText()).publishedAt()).isEqualTo(OffsetDateTime.parse("2022-10-27T09:12Z"));
    }

    @Test
    void shouldRejectAMalformedDateLine() {
        assertThatThrownBy(() -> format.parse("a.txt", "Title\n27.10.2022 09:12\n\nBody.\n\nA B, UzA"))
                .isInstanceOf(ArticleFormatException.class)
                .hasMessage("line 2: expected a date line 'HH:MM / YYYY-MM-DD', found '27.10.2022 09:12'");
        assertThatThrownBy(() -> format.parse("a.txt", "Title\n25:12 / 2022-10-27\n\nBody.\n\nA B, UzA"))
                .hasMessageStartingWith("line 2: invalid date or time");
    }

    @Test
    void shouldRejectDatesInTheFutureOrBefore1900() {
        assertThatThrownBy(() -> format.parse("a.txt", "Title\n09:12 / 2026-12-01\n\nBody.\n\nA B, UzA"))
                .hasMessage("line 2: date 2026-12-01 is more than a day in the future");
        assertThatThrownBy(() -> format.parse("a.txt", "Title\n09:12 / 1899-12-31\n\nBody.\n\nA B, UzA"))
                .hasMessage("line 2: date 1899-12-31 is before 1900");
    }

    @Test
    void shouldRejectAFileOfOneLine() {
        assertThatThrownBy(() -> format.parse("a.txt", "Just a headline and nothing else"))
                .hasMessageStartingWith("only one line");
    }

    @Test
    void shouldRejectAMissingByline() {
        assertThatThrownBy(() -> format.parse("a.txt", "Title\n09:12 / 2022-10-27\n\nBody one.\n\nBody two ends here."))
                .hasMessage("line 6: missing byline, expected 'Author Name, Agency' as the last line");
    }

    @Test
    void shouldRejectABodylessArticle() {
        assertThatThrownBy(() -> format.parse("a.txt", "Title\n09:12 / 2022-10-27\n\nGolib Khasanov, UzA"))
                .hasMessage("no body between the date line and the byline");
    }
}
