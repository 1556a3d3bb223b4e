package dev.newsflow.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything that differs between SQLite and PostgreSQL, and nothing else: the migration folder, the
 * connection settings and the full-text search condition. All other SQL of the store is portable
 * (standard SQL plus {@code INSERT ... ON CONFLICT ... DO UPDATE}, which both accept). Immutable.
 */
enum SqlDialect {
    SQLITE("sqlite") {
        @Override
        String fullTextCondition() {
            return "a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)";
        }

        /** Every word becomes a quoted FTS5 string, so user input can never be read as FTS5 query syntax. */
        @Override
        String fullTextArgument(String query) {
            List<String> terms = new ArrayList<>();
            Matcher words = WORD.matcher(query);
            while (words.find()) {
                terms.add('"' + words.group().replace("\"", "\"\"") + '"');
            }
            return String.join(" AND ", terms);
        }

        @Override
        Properties connectionProperties() {
            Properties properties = new Properties();
            // WAL lets serve read while the store stage writes; writers wait instead of failing at once.
            properties.setProperty("journal_mode", "WAL");
            properties.setProperty("busy_timeout", "10000");
            properties.setProperty("synchronous", "NORMAL");
            return properties;
        }

        @Override
        int maxPoolSize(String jdbcUrl) {
            // each connection to an in-memory database would see its own empty database
            return jdbcUrl.contains(":memory:") || jdbcUrl.contains("mode=memory") ? 1 : 4;
        }
    },
    POSTGRESQL("postgresql") {
        @Override
        String fullTextCondition() {
            return "a.search @@ plainto_tsquery('simple', ?)";
        }

        @Override
        String fullTextArgument(String query) {
            List<String> terms = new ArrayList<>();
            Matcher words = WORD.matcher(query);
            while (words.find()) {
                terms.add(words.group());
            }
            return String.join(" ", terms);
        }

        @Override
        Properties connectionProperties() {
            Properties properties = new Properties();
            properties.setProperty("ApplicationName", "newsflow");
            // the driver sends a JDBC batch of inserts as multi-row statements: far fewer round trips
            properties.setProperty("reWriteBatchedInserts", "true");
            return properties;
        }

        @Override
        int maxPoolSize(String jdbcUrl) {
            return 8;
        }
    };

    /** A word as both full-text engines see it: letters, digits and marks (so Cyrillic and oʻ stay whole). */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");
    private static final String SQLITE_PREFIX = "jdbc:sqlite:";
    private static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";

    private final String migrationFolder;

    SqlDialect(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    /** The dialect of a JDBC URL; IllegalArgumentException for any other database. */
    static SqlDialect of(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.startsWith(SQLITE_PREFIX)) {
            return SQLITE;
        }
        if (lower.startsWith(POSTGRESQL_PREFIX)) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL '" + jdbcUrl
                + "': expected jdbc:sqlite:/path/newsflow.db or jdbc:postgresql://host:5432/db");
    }

    /** Flyway locations: the portable migrations plus this dialect's own. */
    String[] migrationLocations() {
        return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + migrationFolder};
    }

    /**
     * A text column for ORDER BY and keyset comparisons in code-point order, so that SQLite (binary) and
     * PostgreSQL (whatever the database collation) page and sort identically.
     */
    String codePointOrder(String column) {
        return this == POSTGRESQL ? column + " COLLATE \"C\"" : column;
    }

    /** An SQL condition on alias {@code a} (articles) with one parameter, see {@link #fullTextArgument}. */
    abstract String fullTextCondition();

    /** The parameter of {@link #fullTextCondition()} for a user query; blank when the query has no word. */
    abstract String fullTextArgument(String query);

    abstract Properties connectionProperties();

    abstract int maxPoolSize(String jdbcUrl);

    /** Creates the folder of an SQLite database file so that a fresh {@code data/newsflow.db} just works. */
    void prepare(String jdbcUrl) {
        if (this != SQLITE) {
            return;
        }
        String path = jdbcUrl.substring(SQLITE_PREFIX.length());
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.isEmpty() || path.contains(":memory:")) {
            return;
        }
        Path parent = Path.of(path).toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StorageException("cannot create the folder " + parent + " for SQLite database " + jdbcUrl, e);
        }
    }
}
