package dev.newsflow.storage;

import dev.newsflow.events.EntityKeys;
import dev.newsflow.events.EntityType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The aggregates of {@link ArticleStats}, each one GROUP BY. Not thread-safe: one per call. */
final class StatsQuery {
    private static final long HOUR_MS = 3_600_000L;
    private static final String ENTITY_KEY = "COALESCE(e.entity_key, e.entity_text)";
    /** How many more people than asked for are counted, so that short forms find their full names among them. */
    private static final int SHORT_FORM_REACH = 5;

    private final Connection connection;
    private final SqlDialect dialect;

    StatsQuery(Connection connection, SqlDialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    ArticleStats run(int top, int hours, double minConfidence) throws SQLException {
        return new ArticleStats(
                single("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NULL"),
                single("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL"),
                counts("SELECT language, COUNT(*) AS n FROM articles WHERE duplicate_of IS NULL"
                        + " AND language IS NOT NULL GROUP BY language", top, List.of()),
                counts("SELECT c.country, COUNT(*) AS n FROM article_countries c JOIN articles a ON a.id = c.article_id"
                        + " WHERE a.duplicate_of IS NULL GROUP BY c.country", top, List.of()),
                counts("SELECT source, COUNT(*) AS n FROM articles WHERE duplicate_of IS NULL"
                        + " AND source IS NOT NULL GROUP BY source", top, List.of()),
                entities(EntityType.PERSON, top, minConfidence),
                entities(EntityType.ORGANIZATION, top, minConfidence),
                entities(EntityType.LOCATION, top, minConfidence),
                perHour(hours));
    }

    /**
     * The entities of a type in most originals, one entity once by its key (rows stored before keys by their text),
     * each shown under the canonical name most of its rows give it.
     */
    private List<ArticleStats.Count> entities(EntityType type, int top, double minConfidence) throws SQLException {
        List<ArticleStats.Count> counts = counts("SELECT " + ENTITY_KEY + ", COUNT(*) AS n FROM article_entities e"
                + " JOIN articles a ON a.id = e.article_id"
                + " WHERE e.entity_type = ? AND a.duplicate_of IS NULL AND (e.confidence IS NULL OR e.confidence >= ?)"
                + " GROUP BY " + ENTITY_KEY, top * SHORT_FORM_REACH, List.of(type.name(), minConfidence));
        if (type == EntityType.PERSON) {
            counts = withShortFormsMerged(counts);
        }
        counts = counts.subList(0, Math.min(top, counts.size()));
        if (counts.isEmpty()) {
            return counts;
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(type.name());
        counts.forEach(count -> parameters.add(count.key()));
        String in = String.join(", ", Collections.nCopies(counts.size(), "?"));
        Map<String, String> names = new HashMap<>();
        Map<String, Long> best = new HashMap<>();
        String sql = "SELECT " + ENTITY_KEY + ", COALESCE(e.entity_name, e.entity_text) AS name, COUNT(*) AS n"
                + " FROM article_entities e WHERE e.entity_type = ? AND " + ENTITY_KEY + " IN (" + in + ")"
                + " GROUP BY " + ENTITY_KEY + ", COALESCE(e.entity_name, e.entity_text)"
                + " ORDER BY n DESC, " + dialect.codePointOrder("COALESCE(e.entity_name, e.entity_text)");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            ArticleReader.bind(statement, parameters);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    String key = result.getString(1);
                    if (!best.containsKey(key)) {
                        best.put(key, result.getLong(3));
                        names.put(key, result.getString(2));
                    }
                }
            }
        }
        return counts.stream().map(count -> new ArticleStats.Count(count.key(), count.count(), names.get(count.key()))).toList();
    }

    /**
     * A person named by one word in an article is, in the counts, the person among those counted whose full name ends
     * with that word, when one such is counted more than twice as often as the others together ("Путин" is "Владимир
     * Путин"; {@link EntityKeys#fullFormOf}): an article names one person one way, the enricher having merged the short
     * mentions of an article with its full name. And a person whose key is another's inflected form (a name the
     * dictionary does not know: "Илона Маска" of "Илон Маск", {@link EntityKeys#isInflectionOf}) is that person.
     */
    private static List<ArticleStats.Count> withShortFormsMerged(List<ArticleStats.Count> counts) {
        Map<String, Long> merged = new LinkedHashMap<>();
        counts.forEach(count -> merged.put(count.key(), count.count()));
        for (ArticleStats.Count count : counts) {
            EntityKeys.fullFormOf(count.key(), merged).ifPresent(full -> merged.merge(full, merged.remove(count.key()), Long::sum));
        }
        for (String key : List.copyOf(merged.keySet())) {
            merged.keySet().stream().filter(base -> EntityKeys.isInflectionOf(key, base)).findFirst()
                    .ifPresent(base -> merged.merge(base, merged.remove(key), Long::sum));
        }
        return merged.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new ArticleStats.Count(e.getKey(), e.getValue())).toList();
    }

    /** The largest groups first, ties by key in code-point order, at most {@code top}. */
    private List<ArticleStats.Count> counts(String groupBy, int top, List<Object> parameters) throws SQLException {
        String key = groupBy.substring("SELECT ".length(), groupBy.indexOf(", COUNT(*)"));
        String sql = groupBy + " ORDER BY n DESC, " + dialect.codePointOrder(key) + " LIMIT ?";
        List<Object> all = new ArrayList<>(parameters);
        all.add(top);
        List<ArticleStats.Count> counts = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            ArticleReader.bind(statement, all);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    counts.add(new ArticleStats.Count(result.getString(1), result.getLong(2)));
                }
            }
        }
        return counts;
    }

    private List<ArticleStats.HourCount> perHour(int hours) throws SQLException {
        List<ArticleStats.HourCount> counts = new ArrayList<>();
        // integer division in both databases: BIGINT / integer truncates
        String sql = "SELECT sort_ms / " + HOUR_MS + " AS hour, COUNT(*) FROM articles WHERE duplicate_of IS NULL"
                + " GROUP BY sort_ms / " + HOUR_MS + " ORDER BY hour DESC LIMIT ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            ArticleReader.bind(statement, List.of(hours));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    counts.add(new ArticleStats.HourCount(
                            Instant.ofEpochMilli(result.getLong(1) * HOUR_MS).toString(), result.getLong(2)));
                }
            }
        }
        Collections.reverse(counts);
        return counts;
    }

    private long single(String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }
}
