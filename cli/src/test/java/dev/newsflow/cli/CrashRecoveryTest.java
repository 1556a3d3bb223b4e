package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.events.Article;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.producer.ArticlePublisher;
import dev.newsflow.storage.ArticleStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker and each stage run as their own processes; while articles flow, random processes are killed with
 * SIGKILL (the broker too) and restarted, as a supervisor would. Once everything is back, every article must
 * be stored exactly once and every verdict given exactly once. Then SIGTERM must stop each stage within a few
 * seconds.
 *
 * <p>CI runs a short variant. The soak variant runs longer and harder, from a fresh clone:
 * {@code ./mvnw -pl cli -am verify -Dtest=CrashRecoveryTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dnewsflow.crash.articles=20000 -Dnewsflow.crash.kills=40}; {@code -Dnewsflow.crash.seed=N} replays the fault
 * schedule and articles of a run that printed seed N.
 */
class CrashRecoveryTest {
    private static final String[] STAGES = {"dedupe", "enrich", "store"};
    private static final int ARTICLES = Integer.getInteger("newsflow.crash.articles", 1_500);
    private static final int RESENDS = ARTICLES / 10;
    private static final int KILLS = Integer.getInteger("newsflow.crash.kills", 5);
    private static final Duration CATCH_UP = Duration.ofSeconds(Integer.getInteger("newsflow.crash.catchup.seconds", 240));

    @TempDir
    Path dir;

    /** The seed of the fault schedule and the articles: printed, and taken from -Dnewsflow.crash.seed to replay a run. */
    private final long seed = Long.getLong("newsflow.crash.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> starts = new HashMap<>();
    private int brokerPort;
    private volatile int republished;

    @Test
    void shouldStoreEveryArticleExactlyOnceThoughProcessesAreKilled() throws Exception {
        System.out.println("crash test: seed " + seed + " (replay with -Dnewsflow.crash.seed=" + seed + ")");
        brokerPort = freePort();
        PipelineTopics topics = PipelineTopics.DEFAULT;
        try {
            start("broker");
            awaitBroker();
            for (String stage : STAGES) {
                start(stage);
            }
            List<Article> articles = articles();
            CompletableFuture<Integer> publishing = CompletableFuture.supplyAsync(() -> publish(articles));
            int kills = 0;
            while (kills < KILLS) {
                // The fault schedule: random moments while articles flow.
                Thread.sleep(1_000 + random.nextInt(3_000));
                String victim = victim(kills);
                processes.get(victim).destroyForcibly().waitFor();
                kills++;
                Thread.sleep(random.nextInt(1_500));
                start(victim);
                if (victim.equals("broker")) {
                    awaitBroker();
                }
                restartExited();
            }
            int sent = publishing.get(5, TimeUnit.MINUTES);
            long expectedRows = ARTICLES;

            long stored = awaitStored(expectedRows);

            Map<String, Integer> raw = keys(topics.raw().name());
            Map<String, Integer> unique = keys(topics.unique().name());
            Map<String, Integer> duplicates = keys(topics.duplicates().name());
            Map<String, Integer> enriched = keys(topics.enriched().name());
            long lost = expectedRows - stored;
            long verdicts = count(unique) + count(duplicates);
            long doubled = excess(unique) + excess(enriched) + Math.max(0, verdicts - count(raw));
            String report = "articles sent: " + sent + " (" + ARTICLES + " distinct, " + RESENDS + " re-sent, "
                    + republished + " sent again after a failed send), records on raw: " + count(raw)
                    + ", verdicts: " + verdicts + ", stored: " + stored + ", lost: " + lost + ", doubled: " + doubled
                    + ", kills made: " + kills + ", process starts: " + starts + ", seed: " + seed;
            System.out.println("crash test: " + report);
            Files.writeString(Path.of("target", "crash-recovery-report.txt"), report + System.lineSeparator());

            assertThat(sent).isEqualTo(ARTICLES + RESENDS + republished);
            assertThat(lost).isZero();
            assertThat(doubled).isZero();
            assertThat(unique).as("one unique verdict per distinct article").hasSize(ARTICLES);
            assertThat(enriched).hasSize(ARTICLES);
            assertThat(verdicts).as("one verdict per raw record").isEqualTo(count(raw));

            for (String stage : STAGES) {
                Process process = processes.get(stage);
                process.destroy();
                assertThat(process.waitFor(15, TimeUnit.SECONDS)).as(stage + " stops on SIGTERM within 15 s").isTrue();
            }
        } finally {
            processes.values().forEach(Process::destroyForcibly);
        }
    }

    /** Every process is killed at least once (the store first, mid-batch), then random ones. */
    private String victim(int kill) {
        List<String> firstRound = List.of("store", "dedupe", "broker", "enrich");
        return kill < firstRound.size() ? firstRound.get(kill) : STAGES[random.nextInt(STAGES.length)];
    }

    /** Distinct articles of random words, so that no two are near duplicates, then some of them re-sent. */
    private List<Article> articles() {
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            articles.add(new Article("crash-" + i, words(8), words(120), "Reporter " + i, "TestWire", null, null, null, null));
        }
        for (int i = 0; i < RESENDS; i++) {
            articles.add(articles.get(random.nextInt(ARTICLES)));
        }
        return articles;
    }

    private String words(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(i % 15 == 0 ? ". " : " ");
            }
            int length = 3 + random.nextInt(7);
            for (int c = 0; c < length; c++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.append('.').toString();
    }

    /**
     * Publishes at a steady pace so that kills land while articles flow, and publishes again any article whose
     * send failed, as a user re-runs {@code newsflow produce} after it reported failures: a send can fail while
     * the broker is down, or be reported failed although it landed (an idempotent producer's retry of a batch
     * the restarted broker no longer recognises). Either way the article id is stable, so a second copy is a
     * re-send that dedupe judges as such. Returns how many sends were made in all.
     */
    private int publish(List<Article> articles) {
        int sends = 0;
        List<Article> pending = articles;
        for (int round = 1; !pending.isEmpty(); round++) {
            if (round > 5) {
                throw new AssertionError(pending.size() + " articles could not be published in 5 rounds");
            }
            try (var publisher = new ArticlePublisher(KafkaSettings.of(bootstrap()), PipelineTopics.DEFAULT.raw(), Clock.systemUTC())) {
                List<CompletableFuture<?>> acks = new ArrayList<>();
                for (int i = 0; i < pending.size(); i++) {
                    acks.add(publisher.publish(pending.get(i)));
                    if (i % 50 == 49) {
                        Thread.sleep(100); // the publishing pace, not a wait for a condition
                    }
                }
                sends += pending.size();
                List<Article> failed = new ArrayList<>();
                for (int i = 0; i < acks.size(); i++) {
                    if (acks.get(i).handle((ok, error) -> error != null).join()) {
                        failed.add(pending.get(i));
                    }
                }
                republished += failed.size();
                pending = failed;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return sends;
    }

    /** Waits (restarting any stage that stopped) until the store has caught up; returns the rows stored. */
    private long awaitStored(long expected) {
        try {
            await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        restartExited();
                        return storedRows() >= expected && storeCaughtUp();
                    });
        } catch (ConditionTimeoutException notCaughtUp) {
            // reported below as lost articles, with the counts that were reached
        }
        return storedRows();
    }

    private long storedRows() {
        try (ArticleStore store = ArticleStore.open("jdbc:sqlite:" + dir.resolve("newsflow.db"))) {
            return store.countArticles();
        } catch (RuntimeException notYetCreated) {
            return 0;
        }
    }

    /** The store has consumed everything dedupe and enrich committed: nothing more can arrive. */
    private boolean storeCaughtUp() throws Exception {
        try (ArticleStore store = ArticleStore.open("jdbc:sqlite:" + dir.resolve("newsflow.db"))) {
            return caughtUp(store, PipelineTopics.DEFAULT.enriched().name()) && caughtUp(store, PipelineTopics.DEFAULT.duplicates().name());
        }
    }

    private boolean caughtUp(ArticleStore store, String topic) {
        Map<Integer, Long> next = store.nextOffsets("crash-store", topic);
        try (var consumer = consumer()) {
            var partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            // A transaction marker may follow the last record a sink consumed: allow one offset of difference.
            return end.entrySet().stream().allMatch(e -> e.getValue() - next.getOrDefault(e.getKey().partition(), 0L) <= 1);
        }
    }

    private Map<String, Integer> keys(String topic) {
        Map<String, Integer> counts = new HashMap<>();
        try (var consumer = consumer()) {
            var partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    counts.merge(record.key(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap(), "isolation.level", "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static int count(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static long excess(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(c -> c - 1).sum();
    }

    private void restartExited() throws IOException {
        for (String stage : STAGES) {
            if (!processes.get(stage).isAlive()) {
                start(stage);
            }
        }
    }

    private void start(String name) throws IOException {
        int n = starts.merge(name, 1, Integer::sum);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Newsflow.class.getName(), name));
        if (name.equals("broker")) {
            command.addAll(List.of("--port", Integer.toString(brokerPort), "--data-dir", dir.toString(), "--partitions", "3"));
        } else {
            command.addAll(List.of("--bootstrap-servers", bootstrap(), "--data-dir", dir.toString(),
                    "--pipeline-name", "crash", "--set", "stage.retry.max.attempts=20"));
        }
        Path log = Files.createDirectories(Path.of("target", "crash-logs")).resolve(name + "-" + n + ".log");
        processes.put(name, new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
    }

    private void awaitBroker() {
        await("the broker process answers (see target/crash-logs)").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> {
                    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap(), "request.timeout.ms", 2_000,
                            "default.api.timeout.ms", 2_000))) {
                        return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
                    }
                });
    }

    private String bootstrap() {
        return "localhost:" + brokerPort;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
