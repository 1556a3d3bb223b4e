package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.storage.ArticleStore;
import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RealKafkaExtension.class)
class RunCommandTest {
    private static final Path SEEDS = Path.of("../seeds");

    @Test
    void shouldStoreTheSeedAndThenRecogniseItsRepublicationAsDuplicate(KafkaBroker broker, @TempDir Path dir) throws Exception {
        String[] args = {"run", "--bootstrap-servers", broker.bootstrapServers(), "--exit-when-idle", "--port", "0",
            "--data-dir", dir.toString(), "--topic-suffix", KafkaBroker.uniqueName("run"),
            "--pipeline-name", KafkaBroker.uniqueName("nf"), SEEDS.toString()};

        CliRun first = CliRun.of(args);
        CliRun second = CliRun.of(args);

        assertThat(first.exitCode()).isZero();
        assertThat(first.stdout()).contains("files read: 1, articles published: 1, failures: 0")
                .contains("published: 1, unique: 1, duplicates: 0, enriched: 1, grouped: 1, stored: 1, dead letters: 0, rows in database: 1");
        assertThat(second.exitCode()).isZero();
        assertThat(second.stdout()).contains("published: 1, unique: 0, duplicates: 1, enriched: 0, grouped: 0, stored: 1, dead letters: 0, rows in database: 1");
        try (ArticleStore store = ArticleStore.open("jdbc:sqlite:" + dir.resolve("newsflow.db"))) {
            assertThat(store.findArticle("51b25be97f64b557")).hasValueSatisfying(row -> {
                assertThat(row.title()).isEqualTo("Samarkand hosts a meeting of ministers in charge of ICT of the OTS");
                assertThat(row.author()).isEqualTo("Golib Khasanov");
                assertThat(row.source()).isEqualTo("UzA");
                assertThat(row.publishedAt()).isEqualTo("2022-10-27T09:12+05:00");
                assertThat(row.language()).isEqualTo("en");
            });
        }
    }

    @Test
    void shouldPublishTheGoodFilesAndExitNonZeroNamingTheBadOne(KafkaBroker broker, @TempDir Path dir) throws Exception {
        Files.copy(SEEDS.resolve("000_51b25be97f64b557.txt"), dir.resolve("000_51b25be97f64b557.txt"));
        Files.writeString(dir.resolve("001_bad.txt"), "Headline\nyesterday\n\nBody.\n\nA B, UzA");

        CliRun output = CliRun.of("produce", "--bootstrap-servers", broker.bootstrapServers(),
                "--topic-suffix", KafkaBroker.uniqueName("produce"), dir.toString());

        assertThat(output.exitCode()).isEqualTo(1);
        assertThat(output.stdout()).contains("files read: 2, articles published: 1, failures: 1");
        assertThat(output.stderr()).contains("error: " + dir.resolve("001_bad.txt")
                + ": line 2: expected a date line 'HH:MM / YYYY-MM-DD', found 'yesterday'");
    }
}
