package dev.newsflow.bench;

import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.clients.TopicLayout;
import dev.newsflow.clients.TopicProvisioner;
import dev.newsflow.consumer.pipeline.LocalPipeline;
import dev.newsflow.consumer.pipeline.PipelineSettings;
import dev.newsflow.consumer.pipeline.StageContext;
import dev.newsflow.consumer.runtime.StageConfig;
import dev.newsflow.consumer.runtime.StageRunner;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One run of the pipeline on fresh topics (suffix {@code run}) and a fresh SQLite database, with the dedupe, stories
 * and store stages (and the enrich stage unless it runs elsewhere) as threads of this process, built by the same
 * {@link LocalPipeline} as {@code newsflow run}. Owned by one thread; {@link #close()} stops stages, then the store.
 */
final class InProcessPipeline implements AutoCloseable {
    private final String name;
    private final Path database;
    private final ArticleStore store;
    private final LocalPipeline pipeline;

    /**
     * @param inProcessEnricher the enricher for an in-process enrich stage, or null when enrich runs as separate processes
     */
    InProcessPipeline(String name, KafkaSettings kafka, Path workDir, Map<String, String> settings, Enricher inProcessEnricher) {
        this.name = name;
        PipelineTopics topics = PipelineTopics.withSuffix(name);
        TopicProvisioner.ensureTopics(kafka, TopicLayout.defaults(topics), Duration.ofSeconds(60));
        this.database = workDir.resolve(name + ".db");
        this.store = ArticleStore.open("jdbc:sqlite:" + database);
        Map<String, String> values = new HashMap<>(settings);
        values.put(StageConfig.PIPELINE_NAME, name);
        values.put(StageConfig.INSTANCE_ID, "0");
        StageContext context = new StageContext(kafka, topics, PipelineSettings.of(values, PipelineSettings.ALL), new SimpleMeterRegistry());
        this.pipeline = LocalPipeline.start(context, store, inProcessEnricher);
    }

    /** The pipeline name: prefix of its consumer groups ({@code <name>-dedupe}, ...) and suffix of its topics. */
    String name() {
        return name;
    }

    PipelineTopics topics() {
        return pipeline.topics();
    }

    /** The store the store stage writes to; closed by {@link #close()}. */
    ArticleStore store() {
        return store;
    }

    /** Waits until the pipeline has caught up with what was published (see {@link LocalPipeline#awaitCaughtUp}). */
    boolean awaitCaughtUp(Duration timeout) throws Exception {
        boolean caughtUp = pipeline.awaitCaughtUp(timeout);
        if (pipeline.failure().isPresent()) {
            throw new IllegalStateException(pipeline.failure().get());
        }
        return caughtUp;
    }

    /** Articles that reached the end of the pipeline so far: stored rows, plus dead letters of the in-process stages. */
    long settled() {
        return pipeline.stored() + pipeline.deadLetters();
    }

    long deadLetters() {
        return pipeline.deadLetters();
    }

    long duplicates() {
        return pipeline.duplicates();
    }

    /** Seconds each in-process stage spent processing batches (poll to commit), by stage name. */
    Map<String, Double> busySeconds() {
        Map<String, Double> busy = new HashMap<>();
        for (StageRunner<?> runner : pipeline.runners()) {
            busy.put(runner.stageName(), runner.metrics().batchTime().toMillis() / 1000.0);
        }
        return busy;
    }

    /** The mean time a batch's commit took, in milliseconds, by stage name (stages that committed nothing left out). */
    Map<String, Double> meanCommitMillis() {
        Map<String, Double> mean = new HashMap<>();
        for (StageRunner<?> runner : pipeline.runners()) {
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

    /**
     * When the last row was stored: of an article, or of an article's story (the stories stage runs after enrich, so its
     * rows may come last).
     */
    long lastStoredMillis() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT MAX(last) FROM (SELECT MAX(stored_ms) AS last FROM articles"
                     + " UNION ALL SELECT MAX(stored_ms) FROM article_stories)")) {
            rows.next();
            return rows.getLong(1);
        }
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
        try {
            pipeline.close();
        } finally {
            store.close();
        }
    }
}
