package dev.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.events.Article;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SGML reader, on a small synthetic sample written here (never Reuters text). */
class ReutersCorpusTest {
    private static final String SAMPLE = """
            <!DOCTYPE lewis SYSTEM "lewis.dtd">
            <REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="1" NEWID="7">
            <DATE> 3-MAR-1987 09:15:30.12</DATE>
            <TOPICS><D>grain</D></TOPICS>
            <UNKNOWN>&#5;&#5;&#5;X
            f0001&#31;test</UNKNOWN>
            <TEXT>&#2;
            <TITLE>FARM CO &lt;FCO> SELLS WHEAT &amp; OATS</TITLE>
            <DATELINE>    SOMEWHERE, March 3 - </DATELINE><BODY>Farm Co sold wheat,
            the company said.
                It expects more sales in \u00e9t\u00e9.
                Wire&#3;</BODY></TEXT>
            </REUTERS>
            <REUTERS TOPICS="NO" NEWID="8">
            <DATE>4-MAR-1987 10:00:00.00</DATE>
            <TEXT TYPE="BRIEF">&#2;
            <TITLE>A HEADLINE WITHOUT A BODY</TITLE>
            </TEXT>
            </REUTERS>
            <REUTERS TOPICS="NO" NEWID="9">
            <DATE>garbled</DATE>
            <TEXT>&#2;
            <TITLE>SECOND</TITLE><BODY>Body of the second.</BODY></TEXT>
            </REUTERS>
            """;

    @Test
    void shouldReadTitleBodyIdAndDateOfEachDocumentWithBoth() {
        List<Article> articles = ReutersCorpus.parse(SAMPLE, "sample.sgm");

        assertThat(articles).extracting(Article::id).containsExactly("reuters-7", "reuters-9");
        Article first = articles.get(0);
        assertThat(first.title()).isEqualTo("FARM CO <FCO> SELLS WHEAT & OATS");
        assertThat(first.body()).isEqualTo("Farm Co sold wheat,\nthe company said.\n\nIt expects more sales in \u00e9t\u00e9.\n\nWire");
        assertThat(first.publishedAt()).isEqualTo(OffsetDateTime.of(1987, 3, 3, 9, 15, 30, 120_000_000, ZoneOffset.UTC));
        assertThat(first.origin()).isEqualTo("sample.sgm");
    }

    @Test
    void shouldKeepAnArticleWhoseDateCannotBeParsedWithoutADate() {
        assertThat(ReutersCorpus.parse(SAMPLE, "s").get(1).publishedAt()).isNull();
    }

    @Test
    void shouldReadTheFilesAsLatin1(@TempDir Path data) throws Exception {
        Path folder = Files.createDirectories(data.resolve(ReutersCorpus.FOLDER));
        Files.write(folder.resolve("reut2-000.sgm"), SAMPLE.getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(folder.resolve("README.txt"), "not an SGML file");

        List<Article> articles = ReutersCorpus.read(data);

        assertThat(articles).hasSize(2);
        assertThat(articles.get(0).body()).contains("\u00e9t\u00e9");
    }

    @Test
    void shouldNameTheFolderWhenTheDataFolderHasNoReuters(@TempDir Path data) {
        assertThatThrownBy(() -> ReutersCorpus.read(data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reuters21578")
                .hasMessageContaining(data.toAbsolutePath().toString());
    }

    @Test
    void shouldSayWhenTheFolderHoldsNoSgmlFile(@TempDir Path data) throws Exception {
        Files.createDirectories(data.resolve(ReutersCorpus.FOLDER));

        assertThatThrownBy(() -> ReutersCorpus.read(data)).hasMessageContaining("no reut2-*.sgm file");
    }
}
