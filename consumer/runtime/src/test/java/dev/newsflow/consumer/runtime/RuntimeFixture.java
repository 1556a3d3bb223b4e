package dev.newsflow.consumer.runtime;

import static org.awaitility.Awaitility.await;

import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.clients.TopicLayout;
import dev.newsflow.clients.TopicProvisioner;
import dev.newsflow.clients.TopicSnapshot;
import dev.newsflow.events.Article;
import dev.newsflow.events.EventJson;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.testkit.KafkaBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A pipeline's topics of their own on the test broker, for runtime tests: records in, runners started, what came
 * out read back, and a dead-letter topic the broker can be made to refuse (its records larger than the topic
 * allows). Owned by one test.
 */
final class RuntimeFixture implements AutoCloseable {
    /** Records on the dead-letter topic with this key only check whether the broker takes dead letters. */
    static final String PROBE = "probe";

    final String pipeline = KafkaBroker.uniqueName("runtime");
    final PipelineTopics topics = PipelineTopics.withSuffix(pipeline);
    final KafkaSettings kafka;
    private final Admin admin;
    private final KafkaProducer<String, byte[]> producer;
    private final List<StageRunner<?>> runners = new ArrayList<>();

    RuntimeFixture(KafkaBroker broker) {
        kafka = KafkaSettings.of(broker.bootstrapServers());
        TopicProvisioner.ensureTopics(kafka, TopicLayout.defaults(topics), Duration.ofSeconds(60));
        admin = Admin.create(kafka.admin());
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers(), "acks", "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    static Article article(String id, String title) {
        return new Article(id, title, "The body of " + id + ".", null, "UzA", null, null, null, null);
    }

    /** Sends {@code articles} to the raw topic, in order, under one key: one partition, one batch. */
    void publish(Article... articles) throws Exception {
        for (Article article : articles) {
            send(topics.raw().name(), "one-key", EventJson.toBytes(article));
        }
    }

    RecordMetadata send(String topic, String key, byte[] value) throws Exception {
        return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    }

    /** A record that is not an event of the contract. */
    static byte[] poison() {
        return "<html>not an event</html>".getBytes(StandardCharsets.UTF_8);
    }

    /** Runtime settings for this pipeline: a short poll, quick retries, and {@code overrides}. */
    StageConfig config(Map<String, String> overrides) {
        Map<String, Object> values = new HashMap<>(Map.of(StageConfig.PIPELINE_NAME, pipeline, StageConfig.POLL_TIMEOUT_MS, "50",
                StageConfig.RETRY_MAX_ATTEMPTS, "3", StageConfig.RETRY_INITIAL_BACKOFF_MS, "20",
                StageConfig.RETRY_MAX_BACKOFF_MS, "50"));
        values.putAll(overrides);
        return new StageConfig(values);
    }

    <I> StageRunner<I> start(Stage<I> stage) {
        return start(stage, Map.of());
    }

    <I> StageRunner<I> start(Stage<I> stage, Map<String, String> overrides) {
        return start(stage, overrides, Map.of());
    }

    /** Runs {@code stage} with runtime {@code overrides} and Kafka {@code clientProperties} passed through to its clients. */
    <I> StageRunner<I> start(Stage<I> stage, Map<String, String> overrides, Map<String, String> clientProperties) {
        StageRunner<I> runner = new StageRunner<>(stage, withClientProperties(clientProperties), topics.dlq(), config(overrides),
                new SimpleMeterRegistry());
        runners.add(runner);
        new Thread(runner, "test-" + stage.name()).start();
        return runner;
    }

    private KafkaSettings withClientProperties(Map<String, String> clientProperties) {
        if (clientProperties.isEmpty()) {
            return kafka;
        }
        try {
            Path file = Files.createTempFile("client", ".properties");
            Properties properties = new Properties();
            properties.putAll(clientProperties);
            try (Writer writer = Files.newBufferedWriter(file)) {
                properties.store(writer, null);
            }
            return KafkaSettings.load(kafka.bootstrapServers(), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the runner stopped on a failure, and returns it. */
    static Throwable awaitFailure(StageRunner<?> runner) {
        await().atMost(Duration.ofSeconds(60)).until(() -> runner.failure() != null);
        return runner.failure();
    }

    boolean caughtUp(List<? extends Progress> stages) throws Exception {
        try (CatchUp catchUp = new CatchUp(kafka)) {
            return catchUp.await(stages, Duration.ofSeconds(60));
        }
    }

    /** Every committed record of {@code topic}, probes left out. */
    List<ConsumerRecord<String, byte[]>> read(String topic) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        TopicSnapshot.read(kafka, topic, record -> {
            if (!PROBE.equals(record.key())) {
                records.add(record);
            }
        });
        return records;
    }

    /** The committed offsets of a consumer group. */
    Map<TopicPartition, Long> groupOffsets(String group, Collection<TopicPartition> partitions) throws Exception {
        return GroupOffsets.of(admin, group, partitions);
    }

    /**
     * Makes the broker refuse every dead letter: the topic's records may be 64 bytes at most. Only for stages that
     * are not transactional: the transaction coordinator could not write its markers to the topic either.
     */
    void refuseDeadLetters() throws Exception {
        alterDeadLetterTopic(AlterConfigOp.OpType.SET);
        await().atMost(Duration.ofSeconds(30)).until(() -> !deadLetterTopicTakes());
    }

    /** Lets the broker take dead letters again. */
    void acceptDeadLetters() throws Exception {
        alterDeadLetterTopic(AlterConfigOp.OpType.DELETE);
        await().atMost(Duration.ofSeconds(30)).until(this::deadLetterTopicTakes);
    }

    /** Deletes the dead-letter topic (the broker creates none on its own): a send to it times out. */
    void deleteDeadLetterTopic() throws Exception {
        admin.deleteTopics(List.of(topics.dlq().name())).all().get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> !admin.listTopics().names().get(30, TimeUnit.SECONDS)
                .contains(topics.dlq().name()));
    }

    /** Creates the dead-letter topic again. */
    void createDeadLetterTopic() {
        TopicProvisioner.ensureTopics(kafka, TopicLayout.defaults(topics), Duration.ofSeconds(60));
    }

    private void alterDeadLetterTopic(AlterConfigOp.OpType op) throws Exception {
        ConfigResource dlq = new ConfigResource(ConfigResource.Type.TOPIC, topics.dlq().name());
        admin.incrementalAlterConfigs(Map.of(dlq, List.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", "64"), op))))
                .all().get(30, TimeUnit.SECONDS);
    }

    private boolean deadLetterTopicTakes() throws Exception {
        try {
            send(topics.dlq().name(), PROBE, new byte[200]);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecordTooLargeException) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        runners.forEach(StageRunner::close);
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
