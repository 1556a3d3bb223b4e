package dev.newsflow.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the tests use: {@code NEWSFLOW_TEST_POSTGRES} or 127.0.0.1:5432/test as postgres.
 * Each store gets its own fresh schema, dropped at the end; tests are skipped when the server is unreachable.
 */
final class PostgresDatabase implements AutoCloseable {
    static final String SERVER_URL = System.getenv().getOrDefault("NEWSFLOW_TEST_POSTGRES",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private final List<String> schemas = new ArrayList<>();

    /** Skips the calling test class when no PostgreSQL server answers. */
    static PostgresDatabase requireServer() {
        try (Connection connection = DriverManager.getConnection(SERVER_URL + "&connectTimeout=3")) {
            Assumptions.assumeTrue(connection.isValid(3), "PostgreSQL at " + SERVER_URL + " is not valid");
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL at " + SERVER_URL + " is unreachable: " + e.getMessage());
        }
        return new PostgresDatabase();
    }

    /** A JDBC URL whose current schema is new and empty. */
    String freshSchemaUrl() throws SQLException {
        String schema = "nf_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE SCHEMA " + schema);
        schemas.add(schema);
        return SERVER_URL + "&currentSchema=" + schema;
    }

    @Override
    public void close() throws SQLException {
        for (String schema : schemas) {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        schemas.clear();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER_URL);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
