package dev.newsflow.storage;

import dev.newsflow.testkit.Prerequisites;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server the tests use: {@code NEWSFLOW_TEST_POSTGRES} or 127.0.0.1:5432/test as postgres;
 * where that server does not answer, a {@code postgres} container through Testcontainers when Docker runs.
 * Each store gets its own fresh schema, dropped at the end; with neither server nor Docker the calling test
 * class is skipped, not failed.
 */
final class PostgresDatabase implements AutoCloseable {
    static final String LOCAL_SERVER_URL = System.getenv().getOrDefault("NEWSFLOW_TEST_POSTGRES",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    private static final String IMAGE = "postgres:16-alpine";
    private static PostgreSQLContainer container;

    private final String serverUrl;
    private final List<String> schemas = new ArrayList<>();

    private PostgresDatabase(String serverUrl) {
        this.serverUrl = serverUrl;
    }

    /** A reachable server, or skips the calling test class. */
    static synchronized PostgresDatabase requireServer() {
        String failure;
        try (Connection connection = DriverManager.getConnection(LOCAL_SERVER_URL + "&connectTimeout=3")) {
            if (connection.isValid(3)) {
                return new PostgresDatabase(LOCAL_SERVER_URL);
            }
            failure = "not valid";
        } catch (SQLException e) {
            failure = e.getMessage();
        }
        if (dockerAvailable()) {
            if (container == null) {
                container = new PostgreSQLContainer(IMAGE);
                container.start();
            }
            return new PostgresDatabase(container.getJdbcUrl() + "&user=" + container.getUsername()
                    + "&password=" + container.getPassword());
        }
        Prerequisites.require(false, "PostgreSQL at " + LOCAL_SERVER_URL + " is unreachable (" + failure + ") and Docker is not");
        throw new AssertionError("unreachable");
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A JDBC URL whose current schema is new and empty. */
    String freshSchemaUrl() throws SQLException {
        String schema = "nf_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE SCHEMA " + schema);
        schemas.add(schema);
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    public void close() throws SQLException {
        for (String schema : schemas) {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        schemas.clear();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
