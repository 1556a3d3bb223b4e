package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.testkit.Prerequisites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml is a valid Compose file with the whole system in it. Checked with Debian's docker-compose
 * (no Docker engine needed for {@code config}); skipped where the binary is absent.
 */
class ComposeFileTest {
    private static final Path DOCKER_COMPOSE = Path.of("/usr/bin/docker-compose");
    private static final Path COMPOSE_FILE = Path.of("../docker-compose.yml");

    @Test
    void shouldBeAValidComposeFile() throws Exception {
        Prerequisites.require(Files.isExecutable(DOCKER_COMPOSE), "docker-compose is not installed (Debian package docker-compose)");

        Output check = compose("config", "-q");

        assertThat(check.exitCode()).as(check.stderr()).isZero();
    }

    @Test
    void shouldRunKafkaPostgresEachStageTheDashboardAndTheOneOffProducer() throws Exception {
        Prerequisites.require(Files.isExecutable(DOCKER_COMPOSE), "docker-compose is not installed (Debian package docker-compose)");

        Output services = compose("--profile", "tools", "--profile", "plugins", "config", "--services");
        Output resolved = compose("config");

        assertThat(services.exitCode()).as(services.stderr()).isZero();
        assertThat(services.stdout().lines().toList())
                .containsExactlyInAnyOrder("kafka", "postgres", "dedupe", "enrich", "stories", "store", "serve", "produce", "consume-jsonl");
        assertThat(resolved.stdout()).contains("image: apache/kafka:").contains("KAFKA_PROCESS_ROLES: broker,controller")
                .contains("jdbc:postgresql://postgres:5432/newsflow").contains("stories-stage --bootstrap-servers kafka:9092");
    }

    private record Output(int exitCode, String stdout, String stderr) {
    }

    private static Output compose(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(DOCKER_COMPOSE.toString(), "-f", COMPOSE_FILE.toString()));
        command.addAll(List.of(args));
        Path err = Files.createTempFile("compose", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("docker-compose finishes").isTrue();
            return new Output(process.exitValue(), out, Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
