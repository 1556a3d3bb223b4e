package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.events.EventJson;
import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import dev.newsflow.testkit.Prerequisites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** An independent Kafka client (kcat, librdkafka) reads what the pipeline wrote: CloudEvents headers, JSON values. */
@ExtendWith(RealKafkaExtension.class)
class KcatInteropTest {
    private static final Path KCAT = Path.of("/usr/bin/kcat");

    @Test
    void shouldLetKcatReadRawAndEnrichedEventsWithCloudEventsHeaders(KafkaBroker broker, @TempDir Path dir) throws Exception {
        Prerequisites.require(Files.isExecutable(KCAT), "kcat is not installed (Debian package kcat)");
        String suffix = KafkaBroker.uniqueName("kcat");
        CliRun run = CliRun.of("run", "--bootstrap-servers", broker.bootstrapServers(), "--exit-when-idle", "--port", "0",
                "--data-dir", dir.toString(), "--topic-suffix", suffix, "--pipeline-name", suffix, "../seeds");
        assertThat(run.exitCode()).isZero();

        JsonNode raw = readOne(broker, "news.articles.raw." + suffix);
        JsonNode enriched = readOne(broker, "news.articles.enriched." + suffix);

        assertThat(headers(raw)).containsEntry("ce_specversion", "1.0").containsEntry("ce_id", "51b25be97f64b557")
                .containsEntry("ce_type", "dev.newsflow.article.raw.v1").containsEntry("content-type", "application/json")
                .containsKey("ce_time").containsEntry("ce_source", "/newsflow/producer");
        assertThat(EventJson.mapper().readTree(raw.get("payload").asText()).get("author").asText()).isEqualTo("Golib Khasanov");
        assertThat(headers(enriched)).containsEntry("ce_type", "dev.newsflow.article.enriched.v1")
                .containsEntry("ce_source", "/newsflow/enrich");
        JsonNode enrichedValue = EventJson.mapper().readTree(enriched.get("payload").asText());
        assertThat(enrichedValue.at("/enrichment/language").asText()).isEqualTo("en");
        assertThat(enrichedValue.at("/article/title").asText()).startsWith("Samarkand hosts");
    }

    private static JsonNode readOne(KafkaBroker broker, String topic) throws Exception {
        Process kcat = new ProcessBuilder(KCAT.toString(), "-b", broker.bootstrapServers(), "-C", "-t", topic,
                "-o", "beginning", "-e", "-J", "-q", "-X", "isolation.level=read_committed").start();
        assertThat(kcat.waitFor(60, TimeUnit.SECONDS)).as("kcat finishes").isTrue();
        String out = new String(kcat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<JsonNode> records = new ArrayList<>();
        for (String line : out.lines().filter(l -> !l.isBlank()).toList()) {
            records.add(EventJson.mapper().readTree(line));
        }
        assertThat(records).as("records kcat read from " + topic + ": " + out).hasSize(1);
        return records.get(0);
    }

    private static Map<String, String> headers(JsonNode record) {
        Map<String, String> headers = new HashMap<>();
        JsonNode list = record.get("headers");
        for (int i = 0; i + 1 < list.size(); i += 2) {
            headers.put(list.get(i).asText(), list.get(i + 1).asText());
        }
        return headers;
    }
}
