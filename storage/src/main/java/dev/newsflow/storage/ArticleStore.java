package dev.newsflow.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import dev.newsflow.events.PipelineOutcome;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The article database: SQLite (embedded default) or PostgreSQL, one schema for both, created and evolved
 * by Flyway migrations when the store is opened.
 *
 * <p>Writes are for the store stage ({@link #write}), reads for the API. Thread-safe: every call borrows a
 * pooled connection, so one instance may be shared by all threads of a process. Several processes may open
 * the same database (SQLite runs in WAL mode so readers do not block the writer).
 *
 * <p>Failures surface as {@link StorageException} naming the operation; invalid arguments as
 * {@link IllegalArgumentException} or {@link NullPointerException}.
 */
public final class ArticleStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArticleStore.class);

    private static final int MIGRATION_ATTEMPTS = 5;

    private final HikariDataSource dataSource;
    private final SqlDialect dialect;
    private final String description;
    private final Clock clock;

    private ArticleStore(HikariDataSource dataSource, SqlDialect dialect, String description, Clock clock) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.description = description;
        this.clock = clock;
    }

    /**
     * Opens the database at a JDBC URL ({@code jdbc:sqlite:/path/newsflow.db} or
     * {@code jdbc:postgresql://host:5432/db?user=...}), creating the folder of an SQLite file, and migrates
     * its schema to the latest version.
     *
     * @throws IllegalArgumentException for another kind of URL
     * @throws StorageException         when the database cannot be reached or migrated
     */
    public static ArticleStore open(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        SqlDialect dialect = SqlDialect.of(jdbcUrl);
        dialect.prepare(jdbcUrl);
        String description = redact(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setDataSourceProperties(dialect.connectionProperties());
        config.setMaximumPoolSize(dialect.maxPoolSize(jdbcUrl));
        config.setMinimumIdle(1);
        config.setPoolName("newsflow-store");
        config.setInitializationFailTimeout(-1);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            migrate(dataSource, dialect, description);
        } catch (RuntimeException e) {
            dataSource.close();
            throw new StorageException("cannot open and migrate database " + description + ": " + e.getMessage(), e);
        }
        return new ArticleStore(dataSource, dialect, description, Clock.systemUTC());
    }

    /**
     * Runs the migrations. Two processes that open a new SQLite file at the same moment (the store stage and
     * serve, say) race to create the schema; the loser sees a locked database and tries again, by which time
     * the winner's migrations are applied and there is nothing left to do.
     */
    private static void migrate(HikariDataSource dataSource, SqlDialect dialect, String description) {
        for (int attempt = 1; ; attempt++) {
            try {
                var result = Flyway.configure().dataSource(dataSource).locations(dialect.migrationLocations()).load().migrate();
                LOG.info("Opened {} at schema version {} ({} migrations applied)", description,
                        result.targetSchemaVersion, result.migrationsExecuted);
                return;
            } catch (RuntimeException e) {
                if (attempt >= MIGRATION_ATTEMPTS || !SqlFailures.isTransient(e)) {
                    throw e;
                }
                LOG.warn("Migrating {} found the database locked by another process, attempt {} of {}", description,
                        attempt, MIGRATION_ATTEMPTS);
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * In ONE database transaction, upserts every event and records the next offsets of this consumer group. Each
     * event is an {@code EnrichedArticle} (the row gets all enrichment fields, its entities, mentions, countries and
     * keywords are replaced), a {@code DuplicateArticle} (a row linked to its original by {@code duplicate_of}) or a
     * {@code StoryUpdate} (the story's row becomes this update, the article's row in {@code article_stories} names its
     * story). Replaying the same events never adds rows.
     *
     * @param consumerGroup the Kafka consumer group whose position is stored, not blank
     * @param events        enriched originals, duplicates and story updates
     * @param nextOffsets   per partition, the offset of the next record to consume
     * @throws TransientStorageException when the database is busy, locked or unreachable: the same call may succeed
     *                                   later; nothing of it is then stored
     * @throws StorageException          when the transaction fails otherwise; nothing of it is then stored
     */
    public void write(String consumerGroup, List<? extends PipelineOutcome> events, List<PartitionOffset> nextOffsets) {
        requireGroup(consumerGroup);
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(nextOffsets, "nextOffsets");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                ArticleWriter writer = new ArticleWriter(connection, clock);
                writer.writeEvents(events);
                writer.writeOffsets(consumerGroup, nextOffsets);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw SqlFailures.wrap("cannot write " + events.size() + " events to " + description + ": " + e.getMessage(), e);
        }
    }

    /** The next offsets stored for this group and topic: partition -> next offset; empty when none. */
    public Map<Integer, Long> nextOffsets(String consumerGroup, String topic) {
        requireGroup(consumerGroup);
        Objects.requireNonNull(topic, "topic");
        Map<Integer, Long> offsets = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT partition_no, next_offset"
                     + " FROM consumer_offsets WHERE consumer_group = ? AND topic = ?")) {
            statement.setString(1, consumerGroup);
            statement.setString(2, topic);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    offsets.put(result.getInt(1), result.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw SqlFailures.wrap("cannot read offsets of group " + consumerGroup + " from " + description, e);
        }
        return offsets;
    }

    /** The article with this id with its children and duplicate count, or empty. */
    public Optional<StoredArticle> findArticle(String id) {
        Objects.requireNonNull(id, "id");
        try (Connection connection = dataSource.getConnection()) {
            return new ArticleReader(connection).find(id);
        } catch (SQLException e) {
            throw SqlFailures.wrap("cannot read article " + id + " from " + description, e);
        }
    }

    /** Rows in {@code articles}: originals and duplicates alike. */
    public long countArticles() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM articles");
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw SqlFailures.wrap("cannot count articles in " + description, e);
        }
    }

    /**
     * One page of articles matching the query, newest first (publication time, then id descending). Both
     * databases return the same page for the same rows.
     *
     * @throws IllegalArgumentException when the full-text query has no word
     */
    public ArticlePage search(ArticleQuery query) {
        Objects.requireNonNull(query, "query");
        try (Connection connection = dataSource.getConnection()) {
            return new ArticleSearch(connection, dialect).run(query);
        } catch (SQLException e) {
            throw SqlFailures.wrap("cannot search articles in " + description + ": " + e.getMessage(), e);
        }
    }

    /** The stored duplicates of an original, oldest first; empty when none (or no such original). */
    public List<StoredArticle> findDuplicates(String originalId) {
        Objects.requireNonNull(originalId, "originalId");
        try (Connection connection = dataSource.getConnection()) {
            return new ArticleSearch(connection, dialect).duplicatesOf(originalId);
        } catch (SQLException e) {
            throw SqlFailures.wrap("cannot read duplicates of " + originalId + " from " + description, e);
        }
    }

    /**
     * The most active stories of the last {@code hours} (see {@link TopStories}).
     *
     * @param hours the window, 1..10000
     * @param limit stories to return, 1..1000
     */
    public TopStories topStories(int hours, int limit) {
        if (hours < 1 || hours > 10_000) {
            throw new IllegalArgumentException("hours must be within 1..10000, was " + hours);
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be within 1..1000, was " + limit);
        }
        try (Connection connection = dataSource.getConnection()) {
            return new StoryReader(connection, dialect).top(hours, limit);
        } catch (SQLException e) {
            throw SqlFailures.wrap("cannot rank stories in " + description + ": " + e.getMessage(), e);
        }
    }

    /**
     * The story with this id, its first {@code articleLimit} articles, outlets, languages and timeline; empty when
     * unknown.
     *
     * @param articleLimit articles to return, 1..1000
     */
    public Optional<StoryDetails> findStory(String id, int articleLimit) {
        Objects.requireNonNull(id, "id");
        if (articleLimit < 1 || articleLimit > 1000) {
            throw new IllegalArgumentException("articleLimit must be within 1..1000, was " + articleLimit);
        }
        try (Connection connection = dataSource.getConnection()) {
            return new StoryReader(connection, dialect).find(id, articleLimit);
        } catch (SQLException e) {
            throw SqlFailures.wrap("cannot read story " + id + " from " + description, e);
        }
    }

    /**
     * Aggregates for the dashboard.
     *
     * @param top   size of each ranked list, 1..1000
     * @param hours how many of the latest publication hours to count, 1..10000
     */
    public ArticleStats stats(int top, int hours) {
        return stats(top, hours, 0.0);
    }

    /**
     * Aggregates for the dashboard, counting in the top people, organizations and places only the entities at
     * least {@code minConfidence} sure (rows stored before confidences always count), one entity once by its key.
     *
     * @param top           size of each ranked list, 1..1000
     * @param hours         how many of the latest publication hours to count, 1..10000
     * @param minConfidence 0..1
     */
    public ArticleStats stats(int top, int hours, double minConfidence) {
        ArticleQuery.requireConfidence(minConfidence);
        if (top < 1 || top > 1000) {
            throw new IllegalArgumentException("top must be within 1..1000, was " + top);
        }
        if (hours < 1 || hours > 10_000) {
            throw new IllegalArgumentException("hours must be within 1..10000, was " + hours);
        }
        try (Connection connection = dataSource.getConnection()) {
            return new StatsQuery(connection, dialect).run(top, hours, minConfidence);
        } catch (SQLException e) {
            throw SqlFailures.wrap("cannot compute statistics in " + description + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refreshes the query planner's statistics ({@code ANALYZE}, the same statement in both databases).
     * Worth running after a bulk load or replay; PostgreSQL's autovacuum also does it on its own schedule.
     */
    public void analyze() {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        } catch (SQLException e) {
            throw SqlFailures.wrap("cannot analyze " + description + ": " + e.getMessage(), e);
        }
    }

    /** Which database this is, with any password removed; for logs and errors. */
    public String description() {
        return description;
    }

    /** Closes the connection pool. Idempotent. */
    @Override
    public void close() {
        dataSource.close();
    }

    SqlDialect dialect() {
        return dialect;
    }

    private static void requireGroup(String consumerGroup) {
        Objects.requireNonNull(consumerGroup, "consumerGroup");
        if (consumerGroup.isBlank()) {
            throw new IllegalArgumentException("consumerGroup must not be blank");
        }
    }

    private static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
