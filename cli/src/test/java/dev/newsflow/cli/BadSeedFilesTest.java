package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad seed input gets one clear line naming the file, the good file is still published, exit 1. */
@ExtendWith(RealKafkaExtension.class)
class BadSeedFilesTest {
    private static final Path SEED = Path.of("../seeds/000_51b25be97f64b557.txt");

    /** Writes the bad input into a folder and returns the path to name on the command line. */
    interface BadInput {
        Path write(Path dir) throws Exception;
    }

    static Stream<Arguments> badInputs() {
        String future = LocalDate.now().plusDays(3).toString();
        return Stream.of(
                bad("empty file", dir -> Files.write(dir.resolve("empty.txt"), new byte[0]), "empty.txt: empty file"),
                bad("binary file", dir -> Files.write(dir.resolve("image.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}),
                        "image.txt: binary file (NUL byte at offset 4), expected UTF-8 text"),
                bad("invalid UTF-8", dir -> Files.write(dir.resolve("cp1251.txt"), new byte[] {'T', '\n', (byte) 0xC0, (byte) 0xE1}),
                        "cp1251.txt: invalid UTF-8 at byte offset 2"),
                bad("missing date line", dir -> text(dir, "nodate.txt", "Headline\n\nBody paragraph.\n\nA B, UzA"),
                        "nodate.txt: line 3: expected a date line 'HH:MM / YYYY-MM-DD', found 'Body paragraph.'"),
                bad("malformed date line", dir -> text(dir, "baddate.txt", "Headline\n09:12 / 2022-13-45\n\nBody.\n\nA B, UzA"),
                        "baddate.txt: line 2: invalid date or time '09:12 / 2022-13-45'"),
                bad("date in the future", dir -> text(dir, "future.txt", "Headline\n09:12 / " + future + "\n\nBody.\n\nA B, UzA"),
                        "future.txt: line 2: date " + future + " is more than a day in the future"),
                bad("date before 1900", dir -> text(dir, "old.txt", "Headline\n09:12 / 1899-01-01\n\nBody.\n\nA B, UzA"),
                        "old.txt: line 2: date 1899-01-01 is before 1900"),
                bad("file of 50 MB", BadSeedFilesTest::fiftyMegabytes,
                        "huge.txt: file is 50.0 MB, larger than the 10.0 MB limit for one article"),
                bad("body of one line", dir -> text(dir, "oneline.txt", "Everything on one line, 09:12 / 2022-10-27, body, A B, UzA"),
                        "oneline.txt: only one line"),
                bad("missing byline", dir -> text(dir, "nobyline.txt", "Headline\n09:12 / 2022-10-27\n\nBody one.\n\nBody two."),
                        "nobyline.txt: line 6: missing byline, expected 'Author Name, Agency' as the last line"),
                bad("directory without readable files", dir -> {
                    Path empty = Files.createDirectories(dir.resolve("nothing-here"));
                    Files.writeString(empty.resolve("notes.md"), "not an article");
                    return empty;
                }, "nothing-here: directory holds no readable article files (*.txt, *.jsonl, *.xml, *.rss, *.atom)"),
                bad("path that does not exist", dir -> dir.resolve("no-such-folder"), "no-such-folder: no such file or directory"),
                bad("symbolic link loop", dir -> Files.createSymbolicLink(dir.resolve("loop.txt"), dir.resolve("loop.txt")),
                        "loop.txt: symbolic link loop"),
                bad("JSONL line that is not an object", dir -> text(dir, "feed.jsonl", "\"just a string\""),
                        "feed.jsonl:1: expected a JSON object, found string"));
    }

    private static Arguments bad(String kind, BadInput input, String message) {
        return Arguments.of(kind, input, message);
    }

    private static Path text(Path dir, String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static Path fiftyMegabytes(Path dir) throws Exception {
        Path file = dir.resolve("huge.txt");
        try (var raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(50_000_000);
        }
        return file;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void shouldNameTheBadInputPublishTheGoodOneAndExitNonZero(String kind, BadInput input, String message,
                                                              KafkaBroker broker, @TempDir Path dir) throws Exception {
        Path good = Files.copy(SEED, Files.createDirectories(dir.resolve("good")).resolve(SEED.getFileName()));
        Path bad = input.write(dir);

        CliRun run = CliRun.of("produce", "--bootstrap-servers", broker.bootstrapServers(),
                "--topic-suffix", KafkaBroker.uniqueName("bad"), good.toString(), bad.toString());

        assertThat(run.exitCode()).as(kind).isEqualTo(1);
        assertThat(run.stdout()).contains("articles published: 1, failures: 1");
        assertThat(run.stderr().lines().filter(line -> line.startsWith("error: ")))
                .singleElement().asString().contains(message);
    }
}
