package dev.newsflow.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.events.DeadLetterHeaders;
import dev.newsflow.events.EventJson;
import dev.newsflow.plugin.ArticleHandler;
import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RealKafkaExtension.class)
class JsonLinesSinkTest {

    @Test
    void shouldAppendEachArticleToTheDailyFileDeadLetterGarbageAndResumeAfterRestart(KafkaBroker broker, @TempDir Path dir)
            throws Exception {
        TestEvents events = new TestEvents(broker);
        events.publish(TestEvents.enriched("a1", "First", List.of("UZ"), List.of(), null),
                TestEvents.enriched("a2", "Second", List.of(), List.of(), null));
        events.publishRaw("bad", "{not json");
        events.publish(TestEvents.enriched("a3", "Third", List.of(), List.of(), null));
        Path file = JsonLinesSink.fileOf(dir, LocalDate.parse("2026-03-01"));

        runUntilCaughtUp(events, dir);

        assertThat(ids(file)).containsExactlyInAnyOrder("a1", "a2", "a3");
        var letters = events.deadLetters(1);
        assertThat(letters).hasSize(1);
        assertThat(TestEvents.header(letters.get(0), DeadLetterHeaders.STAGE)).isEqualTo("plugin-jsonl");
        assertThat(new String(letters.get(0).value())).isEqualTo("{not json");

        events.publish(TestEvents.enriched("a4", "Fourth", List.of(), List.of(), null));
        runUntilCaughtUp(events, dir);

        assertThat(ids(file)).as("a restarted plug-in resumes after its committed offsets")
                .containsExactlyInAnyOrder("a1", "a2", "a3", "a4");
    }

    @Test
    void shouldNameTheMissingDirectorySetting() {
        assertThatThrownBy(() -> new JsonLinesSink().configure(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jsonl.dir");
        assertThatThrownBy(() -> new JsonLinesSink().configure(Map.of("jsonl.dir", "/tmp/x", "jsonl.zone", "Mars/Olympus")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jsonl.zone");
    }

    private static void runUntilCaughtUp(TestEvents events, Path dir) throws Exception {
        ArticleHandler sink = Plugins.load("jsonl", Map.of("jsonl.dir", dir.toString()), JsonLinesSinkTest.class.getClassLoader());
        try (PluginRunner runner = PluginRunner.create(sink, events.kafka, events.topics, events.stageConfig(), new SimpleMeterRegistry())) {
            Thread thread = new Thread(runner, "plugin-under-test");
            thread.start();
            assertThat(runner.awaitCaughtUp(Duration.ofSeconds(60))).as("caught up").isTrue();
            assertThat(runner.failure()).isNull();
        }
    }

    private static List<String> ids(Path file) throws Exception {
        return Files.readAllLines(file).stream().map(line -> {
            try {
                JsonNode node = EventJson.mapper().readTree(line);
                return node.at("/article/id").asText();
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).toList();
    }
}
