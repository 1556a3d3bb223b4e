package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.events.EventJson;
import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow consume --plugin jsonl} writes what the pipeline enriched to a daily file and resumes where it left. */
@ExtendWith(RealKafkaExtension.class)
class PluginConsumeCommandTest {

    @Test
    void shouldWriteTheEnrichedSeedToTheDailyFileOnceAcrossTwoRuns(KafkaBroker broker, @TempDir Path dir) throws Exception {
        String suffix = KafkaBroker.uniqueName("consume");
        CliRun run = CliRun.of("run", "--bootstrap-servers", broker.bootstrapServers(), "--exit-when-idle", "--port", "0",
                "--data-dir", dir.resolve("data").toString(), "--topic-suffix", suffix, "--pipeline-name", suffix, "../seeds");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        Path out = dir.resolve("out");
        String[] consume = {"consume", "--plugin", "jsonl", "--set", "jsonl.dir=" + out, "--bootstrap-servers",
            broker.bootstrapServers(), "--topic-suffix", suffix, "--pipeline-name", suffix, "--exit-when-idle"};

        CliRun first = CliRun.of(consume);
        CliRun second = CliRun.of(consume);

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(first.stdout()).contains("plugin-jsonl: articles: 1, dead letters: 0");
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(second.stdout()).contains("plugin-jsonl: articles: 0, dead letters: 0");
        List<Path> files;
        try (Stream<Path> listing = Files.list(out)) {
            files = listing.toList();
        }
        assertThat(files).singleElement().satisfies(file -> {
            assertThat(file.getFileName().toString()).matches("enriched-\\d{4}-\\d{2}-\\d{2}\\.jsonl");
            List<String> lines = Files.readAllLines(file);
            assertThat(lines).hasSize(1);
            JsonNode event = EventJson.mapper().readTree(lines.get(0));
            assertThat(event.at("/article/id").asText()).isEqualTo("51b25be97f64b557");
            assertThat(event.at("/enrichment/language").asText()).isEqualTo("en");
        });
    }

    @Test
    void shouldRunAPluginNamedByItsClassNameInItsOwnGroup(KafkaBroker broker, @TempDir Path dir) throws Exception {
        String suffix = KafkaBroker.uniqueName("custom");
        CliRun run = CliRun.of("run", "--bootstrap-servers", broker.bootstrapServers(), "--exit-when-idle", "--port", "0",
                "--data-dir", dir.resolve("data").toString(), "--topic-suffix", suffix, "--pipeline-name", suffix, "../seeds");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        Path titles = dir.resolve("titles.txt");

        CliRun consume = CliRun.of("consume", "--plugin", PluginTitlesHandler.class.getName(), "--set", "titles.file=" + titles,
                "--bootstrap-servers", broker.bootstrapServers(), "--topic-suffix", suffix, "--pipeline-name", suffix,
                "--exit-when-idle");

        assertThat(consume.exitCode()).as(consume.stderr()).isZero();
        assertThat(consume.stdout()).contains("plugin-titles: articles: 1, dead letters: 0");
        assertThat(Files.readAllLines(titles)).containsExactly("en Samarkand hosts a meeting of ministers in charge of ICT of the OTS");
    }

    @Test
    void shouldNameTheAvailablePluginsWhenTheNameIsUnknown() {
        CliRun run = CliRun.of("consume", "--plugin", "nosuch", "--bootstrap-servers", "127.0.0.1:1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("error: no plug-in named 'nosuch'; available: [jsonl, webhook]");
    }

    @Test
    void shouldNameTheMissingSettingOfAPlugin() {
        CliRun run = CliRun.of("consume", "--plugin", "webhook", "--bootstrap-servers", "127.0.0.1:1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("webhook.url");
    }
}
