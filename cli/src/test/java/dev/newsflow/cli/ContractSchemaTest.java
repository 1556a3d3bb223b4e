package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.clients.TopicLayout;
import dev.newsflow.clients.TopicProvisioner;
import dev.newsflow.events.EventJson;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published JSON Schemas (events/src/main/resources/dev/newsflow/events/schemas) describe what the pipeline
 * really writes: two real runs of the pipeline (the second re-publishes the seed, so it is a duplicate) with one
 * undecodable raw record (so there is a dead letter), then every record of every topic is validated.
 */
@ExtendWith(RealKafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractSchemaTest {
    private static final String BASE = "https://newsflow.dev/schemas/v1/";
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix(BASE, "classpath:dev/newsflow/events/schemas/")));

    private PipelineTopics topics;
    private KafkaBroker broker;

    @BeforeAll
    void runThePipelineTwice(KafkaBroker broker, @TempDir Path dir) throws Exception {
        this.broker = broker;
        String suffix = KafkaBroker.uniqueName("contract");
        topics = PipelineTopics.withSuffix(suffix);
        KafkaSettings kafka = KafkaSettings.of(broker.bootstrapServers());
        TopicProvisioner.ensureTopics(kafka, TopicLayout.defaults(topics), Duration.ofSeconds(60));
        try (var producer = new KafkaProducer<>(kafka.producer(Map.of("acks", "all")), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.raw().name(), "garbage", "not an article".getBytes(StandardCharsets.UTF_8))).get();
        }
        String[] args = {"run", "--bootstrap-servers", broker.bootstrapServers(), "--exit-when-idle", "--port", "0",
            "--data-dir", dir.toString(), "--topic-suffix", suffix, "--pipeline-name", suffix, "../seeds"};
        CliRun first = CliRun.of(args);
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(first.stdout()).contains("dead letters: 1");
        CliRun second = CliRun.of(args);
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(second.stdout()).contains("duplicates: 1");
    }

    private static Schema schema(String file) {
        return SCHEMAS.getSchema(SchemaLocation.of(BASE + file));
    }

    private static List<Error> errors(String file, String json) {
        return schema(file).validate(json, InputFormat.JSON);
    }

    @Test
    void shouldMatchEveryArticleEventOnRawAndUniqueWithItsCloudEventsHeaders() {
        List<ConsumerRecord<String, byte[]>> raw = ContractTopics.readAll(broker, topics.raw().name()).stream()
                .filter(record -> !"garbage".equals(record.key())).toList();
        List<ConsumerRecord<String, byte[]>> unique = ContractTopics.readAll(broker, topics.unique().name());

        assertThat(raw).hasSize(2);
        assertThat(unique).hasSize(1);
        assertValid(raw, "article.schema.json");
        assertValid(unique, "article.schema.json");
    }

    @Test
    void shouldMatchEveryDuplicateAndEnrichedEvent() {
        List<ConsumerRecord<String, byte[]>> duplicates = ContractTopics.readAll(broker, topics.duplicates().name());
        List<ConsumerRecord<String, byte[]>> enriched = ContractTopics.readAll(broker, topics.enriched().name());

        assertThat(duplicates).hasSize(1);
        assertThat(enriched).hasSize(1);
        assertValid(duplicates, "duplicate-article.schema.json");
        assertValid(enriched, "enriched-article.schema.json");
    }

    @Test
    void shouldMatchEveryStoryUpdateWithItsCloudEventsHeaders() {
        List<ConsumerRecord<String, byte[]>> stories = ContractTopics.readAll(broker, topics.stories().name());

        assertThat(stories).as("the seed opened a story; its re-send is known, not grouped again").hasSize(1);
        assertThat(stories.get(0).key()).isEqualTo("s-51b25be97f64b557");
        assertValid(stories, "story-update.schema.json");
    }

    @Test
    void shouldDescribeTheHeadersOfTheDeadLetter() {
        List<ConsumerRecord<String, byte[]>> letters = ContractTopics.readAll(broker, topics.dlq().name());

        assertThat(letters).hasSize(1);
        assertThat(new String(letters.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("not an article");
        assertThat(errors("dlq-headers.schema.json", ContractTopics.headersJson(letters.get(0)))).isEmpty();
    }

    @Test
    void shouldAcceptAnAddedFieldAndRejectAMissingRequiredOne() throws Exception {
        byte[] real = ContractTopics.readAll(broker, topics.enriched().name()).get(0).value();
        ObjectNode grown = (ObjectNode) EventJson.mapper().readTree(real);
        ((ObjectNode) grown.get("enrichment")).put("sentiment", 0.3);
        ObjectNode broken = (ObjectNode) EventJson.mapper().readTree(real);
        ((ObjectNode) broken.get("article")).remove("title");
        ((ObjectNode) broken.get("enrichment")).put("languageConfidence", 1.5);

        assertThat(errors("enriched-article.schema.json", grown.toString())).as("a consumer ignores added fields").isEmpty();
        assertThat(errors("enriched-article.schema.json", broken.toString())).extracting(Error::toString)
                .anySatisfy(error -> assertThat(error).contains("title"))
                .anySatisfy(error -> assertThat(error).contains("languageConfidence"));
        assertThat(errors("cloudevents-headers.schema.json", "{\"ce_specversion\":\"0.3\"}")).isNotEmpty();
    }

    private static void assertValid(List<ConsumerRecord<String, byte[]>> records, String schemaFile) {
        for (ConsumerRecord<String, byte[]> record : records) {
            String value = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(errors(schemaFile, value)).as("%s against %s", value, schemaFile).isEmpty();
            assertThat(errors("cloudevents-headers.schema.json", ContractTopics.headersJson(record)))
                    .as("headers of %s", value).isEmpty();
        }
    }
}
