package dev.newsflow.bench;

import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.clients.TopicLayout;
import dev.newsflow.clients.TopicProvisioner;
import dev.newsflow.consumer.dedupe.DedupeStage;
import dev.newsflow.consumer.enrich.EnrichStage;
import dev.newsflow.consumer.runtime.StageConfig;
import dev.newsflow.consumer.runtime.StageRunner;
import dev.newsflow.consumer.store.StoreStage;
import dev.newsflow.dedupe.DedupeConfig;
import dev.newsflow.enrich.Enricher;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.storage.ArticleStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of the pipeline on fresh topics (suffix {@code run}) and a fresh SQLite database, with the dedupe and
 * store stages (and the enrich stage unless it runs elsewhere) as threads of this process, wired exactly as
 * {@code newsflow run} wires them. Owned by one thread; {@link #close()} stops stages, then the store.
 */
final class InProcessPipeline implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(50);

    private final String name;
    private final PipelineTopics topics;
    private final KafkaSettings kafka;
    private final Path database;
    private final ArticleStore store;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<StageRunner> runners = new ArrayList<>();
    private final StageRunner dedupe;
    private final StageRunner storeRunner;

    /**
     * @param inProcessEnricher the enricher for an in-process enrich stage, or null when enrich runs as separate processes
     */
    InProcessPipeline(String name, KafkaSettings kafka, Path workDir, Map<String, String> settings, Enricher inProcessEnricher) {
        this.name = name;
        this.kafka = kafka;
        this.topics = PipelineTopics.withSuffix(name);
        TopicProvisioner.ensureTopics(kafka, TopicLayout.defaults(topics), Duration.ofSeconds(60));
        this.database = workDir.resolve(name + ".db");
        this.store = ArticleStore.open("jdbc:sqlite:" + database);
        StageConfig stageConfig = stageConfig(name, settings);
        this.dedupe = start(new StageRunner(new DedupeStage(topics, kafka, DedupeConfig.fromMap(prefixed(settings, "dedupe."))),
                kafka, topics.dlq(), stageConfig, registry));
        if (inProcessEnricher != null) {
            start(new StageRunner(new EnrichStage(topics, inProcessEnricher), kafka, topics.dlq(), stageConfig, registry));
        }
        this.storeRunner = start(new StageRunner(new StoreStage(topics, store, stageConfig.groupId("store"), registry),
                kafka, topics.dlq(), stageConfig, registry));
    }

    /** The pipeline name: prefix of its consumer groups ({@code <name>-dedupe}, ...) and suffix of its topics. */
    String name() {
        return name;
    }

    PipelineTopics topics() {
        return topics;
    }

    /** The store the store stage writes to; closed by {@link #close()}. */
    ArticleStore store() {
        return store;
    }

    /** Waits until {@code published} articles have each been stored or dead-lettered; false on timeout or a failed stage. */
    boolean awaitStored(long published, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (settled() < published) {
            for (StageRunner runner : runners) {
                if (runner.failure() != null) {
                    throw new IllegalStateException("stage " + runner.stageName() + " failed", runner.failure());
                }
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
        return true;
    }

    /** Articles that reached the end of the pipeline: stored rows, plus dead letters of the in-process stages. */
    long settled() {
        long deadLetters = runners.stream().mapToLong(r -> r.metrics().deadLettered()).sum();
        return storeRunner.metrics().processed() + deadLetters;
    }

    long deadLetters() {
        return runners.stream().mapToLong(r -> r.metrics().deadLettered()).sum();
    }

    long duplicates() {
        return dedupe.metrics().produced(topics.duplicates());
    }

    /** Seconds each in-process stage spent processing batches (poll to commit), by stage name. */
    Map<String, Double> busySeconds() {
        Map<String, Double> busy = new HashMap<>();
        for (StageRunner runner : runners) {
            busy.put(runner.stageName(), runner.metrics().batchTime().toMillis() / 1000.0);
        }
        return busy;
    }

    /** The mean time a batch's commit took, in milliseconds, by stage name (stages that committed nothing left out). */
    Map<String, Double> meanCommitMillis() {
        Map<String, Double> mean = new HashMap<>();
        for (StageRunner runner : runners) {
            long commits = runner.metrics().commits();
            if (commits > 0) {
                mean.put(runner.stageName(), Math.round(runner.metrics().commitTime().toNanos() / 1e5 / commits) / 10.0);
            }
        }
        return mean;
    }

    /** {@code stored_ms} of every stored article, by id, read straight from the SQLite file. */
    Map<String, Long> storedMillis() throws SQLException {
        Map<String, Long> stored = new HashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, stored_ms FROM articles")) {
            while (rows.next()) {
                stored.put(rows.getString(1), rows.getLong(2));
            }
        }
        return stored;
    }

    /** Ids of the stored articles that dedupe judged duplicates: they never reach the enriched topic. */
    Set<String> duplicateIds() throws SQLException {
        Set<String> duplicates = new HashSet<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM articles WHERE duplicate_of IS NOT NULL")) {
            while (rows.next()) {
                duplicates.add(rows.getString(1));
            }
        }
        return duplicates;
    }

    @Override
    public void close() {
        for (int i = runners.size() - 1; i >= 0; i--) {
            runners.get(i).close();
        }
        store.close();
    }

    static StageConfig stageConfig(String pipeline, Map<String, String> settings) {
        Map<String, Object> values = new HashMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith("stage.")) {
                values.put(key, value);
            }
        });
        values.put(StageConfig.PIPELINE_NAME, pipeline);
        values.put(StageConfig.INSTANCE_ID, "0");
        return new StageConfig(values);
    }

    static Map<String, String> prefixed(Map<String, String> settings, String prefix) {
        Map<String, String> selected = new HashMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                selected.put(key, value);
            }
        });
        return selected;
    }

    private StageRunner start(StageRunner runner) {
        runners.add(runner);
        Thread thread = new Thread(runner, "bench-" + name + "-" + runner.stageName());
        thread.setDaemon(true);
        thread.start();
        return runner;
    }
}
