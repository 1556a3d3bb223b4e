package dev.newsflow.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFilesTest {
    private static final String GOOD = "Headline\n10:00 / 2022-10-27\n\nA body paragraph.\n\nGolib Khasanov, UzA\n";

    @TempDir
    Path dir;

    private final List<SourceItem.Parsed> parsed = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    private int read(Path path) {
        return new ArticleFiles().read(path, item -> {
            if (item instanceof SourceItem.Parsed p) {
                parsed.add(p);
            } else {
                failures.add(((SourceItem.Failed) item).message());
            }
        });
    }

    private Path write(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void shouldReadTheGoodFilesOfAFolderAndNameEveryBadOne() throws Exception {
        write("good.txt", GOOD.getBytes(StandardCharsets.UTF_8));
        write("empty.txt", new byte[0]);
        write("binary.txt", new byte[] {'P', 'K', 3, 4, 0, 0, 1});
        write("latin1.txt", "Headline\n10:00 / 2022-10-27\n\nCaf\u00e9.\n\nA B, UzA".getBytes(StandardCharsets.ISO_8859_1));
        write("nodate.txt", "Headline\n\nBody.\n\nA B, UzA".getBytes(StandardCharsets.UTF_8));
        write("notes.md", "ignored: not an article file".getBytes(StandardCharsets.UTF_8));

        int files = read(dir);

        assertThat(files).isEqualTo(5);
        assertThat(parsed).singleElement().satisfies(p -> assertThat(p.article().title()).isEqualTo("Headline"));
        assertThat(failures).containsExactlyInAnyOrder(
                dir.resolve("binary.txt") + ": binary file (NUL byte at offset 4), expected UTF-8 text",
                dir.resolve("empty.txt") + ": empty file",
                dir.resolve("latin1.txt") + ": invalid UTF-8 at byte offset 32",
                dir.resolve("nodate.txt") + ": line 3: expected a date line 'HH:MM / YYYY-MM-DD', found 'Body.'");
    }

    @Test
    void shouldRefuseA50MegabyteFileWithoutReadingIt() throws Exception {
        Path big = dir.resolve("big.txt");
        try (var file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(50_000_000);
        }

        read(big);

        assertThat(failures).containsExactly(big + ": file is 50.0 MB, larger than the 10.0 MB limit for one article");
    }

    @Test
    void shouldNameAPathThatDoesNotExist() {
        read(dir.resolve("missing"));
        assertThat(failures).containsExactly(dir.resolve("missing") + ": no such file or directory");
    }

    @Test
    void shouldNameAFolderWithoutArticleFiles() throws Exception {
        write("readme.md", "nothing here".getBytes(StandardCharsets.UTF_8));
        read(dir);
        assertThat(failures).containsExactly(dir + ": directory holds no readable article files (*.txt, *.jsonl, *.xml, *.rss, *.atom)");
    }

    @Test
    void shouldReportASymbolicLinkLoopAndGoOn() throws Exception {
        write("good.txt", GOOD.getBytes(StandardCharsets.UTF_8));
        Files.createSymbolicLink(dir.resolve("loop"), dir);
        Files.createSymbolicLink(dir.resolve("self.txt"), dir.resolve("self.txt"));

        read(dir);

        assertThat(parsed).hasSize(1);
        assertThat(failures).anySatisfy(f -> assertThat(f).startsWith(dir.resolve("loop").toString()).endsWith("symbolic link loop"));
        read(dir.resolve("self.txt"));
        assertThat(failures).last().asString().startsWith(dir.resolve("self.txt").toString());
    }

    @Test
    void shouldReadJsonLinesAndReportEachBadLine() throws Exception {
        Path jsonl = write("feed.jsonl", String.join("\n",
                "{\"id\":\"a1\",\"title\":\"One\",\"body\":\"First body.\",\"source\":\"Reuters\",\"publishedAt\":\"2024-01-02T03:04:05Z\"}",
                "[1,2,3]",
                "",
                "{\"title\":\"Two\"}",
                "{not json",
                "{\"title\":\"Three\",\"body\":\"Third body.\",\"publishedAt\":\"yesterday\"}",
                "{\"title\":\"Four\",\"body\":\"Fourth body.\",\"url\":\"https://example.org/4\"}").getBytes(StandardCharsets.UTF_8));

        read(jsonl);

        assertThat(parsed).extracting(p -> p.article().title()).containsExactly("One", "Four");
        assertThat(parsed.get(0).article().id()).isEqualTo("a1");
        assertThat(parsed.get(1).article().id()).hasSize(16);
        assertThat(failures).containsExactly(
                "feed.jsonl:2: expected a JSON object, found array",
                "feed.jsonl:4: missing required field 'body'",
                "feed.jsonl:5: not JSON: " + failures.get(2).substring("feed.jsonl:5: not JSON: ".length()),
                "feed.jsonl:6: field 'publishedAt' is not an ISO-8601 time: 'yesterday'");
    }
}
