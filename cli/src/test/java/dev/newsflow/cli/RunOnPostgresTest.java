package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.storage.ArticleStore;
import dev.newsflow.storage.StoredArticle;
import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import dev.newsflow.testkit.Prerequisites;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --db jdbc:postgresql:...} stores the same rows as the SQLite default. */
@ExtendWith(RealKafkaExtension.class)
class RunOnPostgresTest {
    private static final String SERVER = System.getenv().getOrDefault("NEWSFLOW_TEST_POSTGRES",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    @Test
    void shouldStoreTheSameRowsInPostgresqlAsInSqlite(KafkaBroker broker, @TempDir Path dir) throws Exception {
        String schema = "nf_run_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        String postgres = SERVER + "&currentSchema=" + schema;
        try {
            assertThat(run(broker, dir.resolve("sqlite"), null).exitCode()).isZero();
            assertThat(run(broker, dir.resolve("pg"), postgres).exitCode()).isZero();

            try (ArticleStore sqlite = ArticleStore.open("jdbc:sqlite:" + dir.resolve("sqlite").resolve("newsflow.db"));
                 ArticleStore pg = ArticleStore.open(postgres)) {
                assertThat(pg.countArticles()).isEqualTo(sqlite.countArticles()).isEqualTo(1);
                StoredArticle expected = sqlite.findArticle("51b25be97f64b557").orElseThrow();
                StoredArticle actual = pg.findArticle("51b25be97f64b557").orElseThrow();
                assertThat(actual).usingRecursiveComparison().ignoringFields("enrichedAt", "detectedAt").isEqualTo(expected);
                assertThat(actual.publishedAt()).isEqualTo("2022-10-27T09:12+05:00");
            }
        } finally {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static CliRun run(KafkaBroker broker, Path dataDir, String db) {
        String suffix = KafkaBroker.uniqueName("pg");
        return db == null
                ? CliRun.of("run", "--bootstrap-servers", broker.bootstrapServers(), "--exit-when-idle", "--port", "0",
                        "--data-dir", dataDir.toString(), "--topic-suffix", suffix, "--pipeline-name", suffix, "../seeds")
                : CliRun.of("run", "--bootstrap-servers", broker.bootstrapServers(), "--exit-when-idle", "--port", "0",
                        "--data-dir", dataDir.toString(), "--db", db, "--topic-suffix", suffix, "--pipeline-name", suffix, "../seeds");
    }

    private static Connection connect() {
        try {
            return DriverManager.getConnection(SERVER + "&connectTimeout=3");
        } catch (SQLException e) {
            Prerequisites.require(false, "PostgreSQL at " + SERVER + " is unreachable: " + e.getMessage());
            throw new AssertionError(e);
        }
    }
}
