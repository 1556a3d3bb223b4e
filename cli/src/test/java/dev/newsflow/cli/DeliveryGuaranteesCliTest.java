package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.clients.TopicLayout;
import dev.newsflow.clients.TopicProvisioner;
import dev.newsflow.events.Article;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.Enrichment;
import dev.newsflow.events.EventJson;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.storage.ArticleStore;
import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the stage runtime promises, checked through the commands a user runs: "caught up" means stored, a dead
 * letter is never lost, a transient failure is retried wherever it happens, and a mistyped setting stops the
 * command. Topic names are built from the suffix, as a user of any Kafka client would see them.
 */
@ExtendWith(RealKafkaExtension.class)
class DeliveryGuaranteesCliTest {
    private static final byte[] POISON = "<html>not an event</html>".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldExitWhenIdleOnlyOnceTheNewArticleIsStoredThoughPoisonRecordsWereWaitingOnRaw(KafkaBroker broker, @TempDir Path dir)
            throws Exception {
        String suffix = KafkaBroker.uniqueName("waiting");
        createTopics(broker, suffix);
        for (int i = 0; i < 10; i++) {
            send(broker, "news.articles.raw." + suffix, "poison-" + i, POISON);
        }
        Path input = goodArticle(dir);
        List<String> args = new ArrayList<>(List.of(runArgs(broker, dir, suffix, input)));
        // Batches smaller than what waits: the first ones hold only the records of before.
        args.addAll(List.of("--set", "stage.max.poll.records=4"));

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("published: 1, unique: 1, duplicates: 0, enriched: 1, grouped: 1, stored: 1, dead letters: 10, "
                + "rows in database: 1");
        try (ArticleStore store = ArticleStore.open("jdbc:sqlite:" + dir.resolve("newsflow.db"))) {
            assertThat(store.findArticle("good-1")).isPresent();
        }
    }

    @Test
    void shouldCommitNothingPastAPoisonRecordWhileTheBrokerRefusesItsDeadLetterThenDeadLetterItOnce(KafkaBroker broker,
                                                                                                    @TempDir Path dir) throws Exception {
        String suffix = KafkaBroker.uniqueName("refused");
        createTopics(broker, suffix);
        String enriched = "news.articles.enriched." + suffix;
        RecordMetadata poison = send(broker, enriched, "poison-1", POISON);
        Path input = goodArticle(dir);
        List<String> args = new ArrayList<>(List.of(runArgs(broker, dir, suffix, input)));
        args.addAll(List.of("--set", "stage.retry.max.attempts=3", "--set", "stage.retry.initial.backoff.ms=20",
                "--set", "stage.retry.max.backoff.ms=50"));

        limitDeadLetters(broker, suffix, AlterConfigOp.OpType.SET);
        CliRun refused = CliRun.of(args.toArray(String[]::new));

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).as("both consumers of the enriched topic stop").containsPattern("error: stage (store|stories) failed");
        assertThat(refused.stdout()).as("the stage retried").contains("attempt 2 of 3");
        assertThat(deadLetters(broker, suffix)).isEmpty();
        try (ArticleStore store = ArticleStore.open("jdbc:sqlite:" + dir.resolve("newsflow.db"))) {
            assertThat(store.nextOffsets(suffix + "-store", enriched).getOrDefault(poison.partition(), 0L))
                    .as("no offset stored past the poison record").isLessThanOrEqualTo(poison.offset());
        }

        limitDeadLetters(broker, suffix, AlterConfigOp.OpType.DELETE);
        CliRun restarted = CliRun.of(args.toArray(String[]::new));

        assertThat(restarted.exitCode()).as(restarted.stderr()).isZero();
        List<ConsumerRecord<String, byte[]>> letters = deadLetters(broker, suffix);
        assertThat(letters).as("one dead letter from each stage that reads the enriched topic").hasSize(2).allSatisfy(letter -> {
            assertThat(letter.key()).isEqualTo("poison-1");
            assertThat(letter.value()).isEqualTo(POISON);
        });
        assertThat(letters).extracting(letter -> new String(letter.headers().lastHeader("dlq.stage").value(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("store", "stories");
        try (ArticleStore store = ArticleStore.open("jdbc:sqlite:" + dir.resolve("newsflow.db"))) {
            assertThat(store.findArticle("good-1")).isPresent();
        }
    }

    @Test
    void shouldRetryAnArticleThatFailsTransientlyAfterTheOneBeforeWasRejected(KafkaBroker broker) throws Exception {
        String suffix = KafkaBroker.uniqueName("webhook");
        createTopics(broker, suffix);
        for (String id : List.of("rejected", "flaky", "fine")) {
            send(broker, "news.articles.enriched." + suffix, "one-partition", EventJson.toBytes(enriched(id)));
        }
        List<String> posted = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String id = exchange.getRequestHeaders().getFirst("ce-id");
            posted.add(id);
            int status = id.equals("rejected") ? 400 : id.equals("flaky") && posted.stream().filter(id::equals).count() == 1 ? 503 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            CliRun consume = CliRun.of("consume", "--plugin", "webhook", "--set",
                    "webhook.url=http://127.0.0.1:" + server.getAddress().getPort() + "/hook", "--set", "webhook.max.attempts=1",
                    "--set", "stage.retry.initial.backoff.ms=20", "--set", "stage.retry.max.backoff.ms=50",
                    "--bootstrap-servers", broker.bootstrapServers(), "--topic-suffix", suffix, "--pipeline-name", suffix,
                    "--exit-when-idle");

            assertThat(consume.exitCode()).as(consume.stderr()).isZero();
            assertThat(consume.stdout()).contains("plugin-webhook: articles: 2, dead letters: 1");
            assertThat(posted).containsExactly("rejected", "flaky", "flaky", "fine");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldStopACommandWithAMistypedSettingNamingIt() {
        CliRun typo = CliRun.of("run", "--bootstrap-servers", "127.0.0.1:1", "--exit-when-idle", "--set", "stage.max.pol.records=5");
        CliRun unknownComponent = CliRun.of("run", "--bootstrap-servers", "127.0.0.1:1", "--set", "enrich.langauges=en,ru");
        CliRun otherStage = CliRun.of("dedupe", "--bootstrap-servers", "127.0.0.1:1", "--set", "enrich.languages=en");
        CliRun plugin = CliRun.of("consume", "--plugin", "jsonl", "--bootstrap-servers", "127.0.0.1:1", "--set", "jsonl.dri=out");
        CliRun runtimeOfPlugin = CliRun.of("consume", "--plugin", "jsonl", "--bootstrap-servers", "127.0.0.1:1",
                "--set", "jsonl.dir=out", "--set", "stage.retry.max.attempt=2");

        assertThat(typo.exitCode()).isEqualTo(1);
        assertThat(typo.stderr()).contains("stage.max.pol.records").contains("did you mean stage.max.poll.records?");
        assertThat(unknownComponent.stderr()).contains("enrich.langauges").contains("did you mean enrich.languages?");
        assertThat(otherStage.exitCode()).isEqualTo(1);
        assertThat(otherStage.stderr()).contains("enrich.languages").contains("unknown setting");
        assertThat(plugin.stderr()).contains("jsonl.dri").contains("did you mean jsonl.dir?");
        assertThat(runtimeOfPlugin.stderr()).contains("stage.retry.max.attempt").contains("did you mean stage.retry.max.attempts?");
    }

    @Test
    void shouldListEverySettingWithItsDefaultAndMeaning() {
        CliRun config = CliRun.of("config");

        assertThat(config.exitCode()).isZero();
        assertThat(config.stdout()).contains("stage.max.poll.records (int, default: 500, valid: [1,...,100000])",
                "dedupe.window (string, default: PT72H", "enrich.languages (list, default: en,ru,uz,kk,ky,tr,az",
                "webhook.url (string, default: none, required", "jsonl.dir",
                "stories.threshold.join (double, default: 0.34, valid: (0, 2])", "dedupe.window (string, default: PT72H, valid: a "
                + "positive ISO-8601 duration)", "The most records processed and committed as one batch.");
        assertThat(config.stdout().lines().filter(line -> line.contains("valid: ")))
                .as("every rule a user can read").noneMatch(line -> line.contains("$$Lambda"));
    }

    private static String[] runArgs(KafkaBroker broker, Path dir, String suffix, Path input) {
        return new String[] {"run", "--bootstrap-servers", broker.bootstrapServers(), "--exit-when-idle", "--idle-timeout", "120",
            "--port", "0", "--data-dir", dir.toString(), "--topic-suffix", suffix, "--pipeline-name", suffix, input.toString()};
    }

    private static Path goodArticle(Path dir) throws Exception {
        Path input = dir.resolve("good.jsonl");
        Files.writeString(input, "{\"id\":\"good-1\",\"title\":\"Tashkent opens a metro line\","
                + "\"body\":\"Tashkent opened a new metro line on Monday.\",\"source\":\"UzA\"}\n");
        return input;
    }

    private static EnrichedArticle enriched(String id) {
        Article article = new Article(id, "Title of " + id, "Body of " + id + ".", null, "UzA", null, null, null, null);
        return new EnrichedArticle(article, new Enrichment("en", "Latn", 0.9, List.of(), List.of(), List.of(), List.of(), null, 3, 1),
                Instant.now());
    }

    private static void createTopics(KafkaBroker broker, String suffix) {
        TopicProvisioner.ensureTopics(KafkaSettings.of(broker.bootstrapServers()),
                TopicLayout.defaults(PipelineTopics.withSuffix(suffix)), Duration.ofSeconds(60));
    }

    private static RecordMetadata send(KafkaBroker broker, String topic, String key, byte[] value) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** Lets the dead-letter topic take records of 200 bytes at most (SET), or any size again (DELETE):
     * less than any event, more than a transaction marker (a topic that refuses the markers of a transaction that
     * wrote to it leaves the transaction hanging on the broker).
     */
    private static void limitDeadLetters(KafkaBroker broker, String suffix, AlterConfigOp.OpType op) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            var dlq = new ConfigResource(ConfigResource.Type.TOPIC, "news.articles.dlq." + suffix);
            admin.incrementalAlterConfigs(Map.of(dlq, List.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", "200"), op))))
                    .all().get(30, TimeUnit.SECONDS);
            boolean limited = op == AlterConfigOp.OpType.SET;
            await().atMost(Duration.ofSeconds(30)).until(() -> limited == (admin.describeConfigs(List.of(dlq)).all()
                    .get(30, TimeUnit.SECONDS).get(dlq).get("max.message.bytes").source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG));
        }
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(KafkaBroker broker, String suffix) {
        TopicPartition dlq = new TopicPartition("news.articles.dlq." + suffix, 0);
        List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
                "isolation.level", "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(dlq));
            consumer.seekToBeginning(List.of(dlq));
            long end = consumer.endOffsets(List.of(dlq)).get(dlq);
            while (consumer.position(dlq) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(letters::add);
            }
        }
        return letters;
    }
}
