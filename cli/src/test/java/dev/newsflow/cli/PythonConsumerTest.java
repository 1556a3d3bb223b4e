package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import dev.newsflow.testkit.Prerequisites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Python example (examples/python/consume_enriched.py) reads what the pipeline enriched, in its own group. */
@ExtendWith(RealKafkaExtension.class)
class PythonConsumerTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("../examples/python/consume_enriched.py");

    @Test
    void shouldPrintTheEnrichedSeedOnceAndNothingMoreOnASecondRunOfTheSameGroup(KafkaBroker broker, @TempDir Path dir) throws Exception {
        Prerequisites.require(canImportConfluentKafka(), "/usr/bin/python3 cannot import confluent_kafka (Debian package python3-confluent-kafka)");
        String suffix = KafkaBroker.uniqueName("python");
        CliRun run = CliRun.of("run", "--bootstrap-servers", broker.bootstrapServers(), "--exit-when-idle", "--port", "0",
                "--data-dir", dir.toString(), "--topic-suffix", suffix, "--pipeline-name", suffix, "../seeds");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<String> command = List.of(PYTHON.toString(), SCRIPT.toString(), "--bootstrap-servers", broker.bootstrapServers(),
                "--topic", "news.articles.enriched." + suffix, "--group", suffix + "-python", "--exit-at-end");

        Output first = execute(command);
        Output second = execute(command);

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(first.stdout().lines().toList()).singleElement().satisfies(line -> {
            String[] fields = line.split("\t");
            assertThat(fields[0]).isEqualTo("51b25be97f64b557");
            assertThat(fields[1]).isEqualTo("en");
            assertThat(fields[4]).isEqualTo("Samarkand hosts a meeting of ministers in charge of ICT of the OTS");
        });
        assertThat(first.stderr()).contains("articles: 1, skipped: 0");
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(second.stdout()).as("the group committed its offsets").isEmpty();
        assertThat(second.stderr()).contains("articles: 0, skipped: 0");
    }

    private record Output(int exitCode, String stdout, String stderr) {
    }

    private static Output execute(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        var stderr = process.getErrorStream();
        var errText = new StringBuilder();
        Thread drain = new Thread(() -> {
            try {
                errText.append(new String(stderr.readAllBytes(), StandardCharsets.UTF_8));
            } catch (java.io.IOException ignored) {
                // the process ended; what was read is kept
            }
        });
        drain.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        drain.join(10_000);
        assertThat(ended).as("the Python consumer exits at the end of the topic").isTrue();
        return new Output(process.exitValue(), out, errText.toString());
    }

    private static boolean canImportConfluentKafka() throws Exception {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        Process check = new ProcessBuilder(PYTHON.toString(), "-c", "import confluent_kafka").redirectErrorStream(true).start();
        check.getInputStream().readAllBytes();
        return check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0;
    }
}
