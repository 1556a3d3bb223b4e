package dev.newsflow.storage;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.newsflow.events.EntityCount;
import dev.newsflow.events.EventJson;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads stories: the most active of a window, and one story with its articles. Not thread-safe: one per call. */
final class StoryReader {
    private static final long HOUR_MS = 3_600_000L;
    private static final String STORY_COLUMNS = "s.id, s.headline, s.first_seen_ms, s.last_seen_ms, s.article_count,"
            + " s.reprint_count, s.independent_outlets, s.outlets, s.languages, s.countries, s.top_entities, s.updated_at";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<EntityCount>> ENTITIES = new TypeReference<>() { };

    private final Connection connection;
    private final SqlDialect dialect;

    StoryReader(Connection connection, SqlDialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    TopStories top(int hours, int limit) throws SQLException {
        Long until = latestSeenMs();
        if (until == null) {
            return new TopStories(hours, null, List.of());
        }
        // PostgreSQL accepts the other story columns beside GROUP BY s.id: they depend on its primary key
        String sql = "SELECT " + STORY_COLUMNS + ", COUNT(*) AS articles_in_window,"
                + " COUNT(DISTINCT CASE WHEN m.decided_by <> 'duplicate' THEN m.outlet END) AS outlets_in_window"
                + " FROM article_stories m JOIN stories s ON s.id = m.story_id"
                + " WHERE m.seen_ms > ? GROUP BY s.id"
                + " ORDER BY outlets_in_window DESC, articles_in_window DESC, s.last_seen_ms DESC, " + dialect.codePointOrder("s.id")
                + " LIMIT ?";
        List<TopStories.Ranked> ranked = list(sql, List.of(until - hours * HOUR_MS, limit), rows -> new TopStories.Ranked(
                story(rows), rows.getLong("articles_in_window"), rows.getLong("outlets_in_window")));
        return new TopStories(hours, Instant.ofEpochMilli(until).toString(), ranked);
    }

    Optional<StoryDetails> find(String id, int articleLimit) throws SQLException {
        List<StoredStory> found = list("SELECT " + STORY_COLUMNS + " FROM stories s WHERE s.id = ?", List.of(id), StoryReader::story);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StoryDetails(found.get(0), articles(id, articleLimit), outlets(id), languages(id), timeline(id)));
    }

    private Long latestSeenMs() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT MAX(seen_ms) FROM article_stories");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            long value = rows.getLong(1);
            return rows.wasNull() ? null : value;
        }
    }

    private List<StoryDetails.Article> articles(String storyId, int limit) throws SQLException {
        String sql = "SELECT m.article_id, m.outlet, m.decided_by, m.score, m.seen_ms, a.title, a.language, a.url,"
                + " a.published_at FROM article_stories m LEFT JOIN articles a ON a.id = m.article_id"
                + " WHERE m.story_id = ? ORDER BY m.seen_ms, " + dialect.codePointOrder("m.article_id") + " LIMIT ?";
        return list(sql, List.of(storyId, limit), rows -> new StoryDetails.Article(rows.getString("article_id"),
                rows.getString("title"), rows.getString("outlet"), rows.getString("language"), rows.getString("url"),
                rows.getString("published_at"), Instant.ofEpochMilli(rows.getLong("seen_ms")).toString(),
                rows.getString("decided_by"), Jdbc.getDouble(rows, "score")));
    }

    private List<StoryDetails.Outlet> outlets(String storyId) throws SQLException {
        String sql = "SELECT m.outlet, COUNT(*) AS n, SUM(CASE WHEN m.decided_by = 'duplicate' THEN 1 ELSE 0 END) AS reprints"
                + " FROM article_stories m WHERE m.story_id = ? AND m.outlet IS NOT NULL GROUP BY m.outlet"
                + " ORDER BY n DESC, " + dialect.codePointOrder("m.outlet");
        return list(sql, List.of(storyId), rows -> new StoryDetails.Outlet(rows.getString(1), rows.getLong(2), rows.getLong(3)));
    }

    private List<ArticleStats.Count> languages(String storyId) throws SQLException {
        String sql = "SELECT a.language, COUNT(*) AS n FROM article_stories m JOIN articles a ON a.id = m.article_id"
                + " WHERE m.story_id = ? AND a.language IS NOT NULL GROUP BY a.language"
                + " ORDER BY n DESC, " + dialect.codePointOrder("a.language");
        return list(sql, List.of(storyId), rows -> new ArticleStats.Count(rows.getString(1), rows.getLong(2)));
    }

    private List<ArticleStats.HourCount> timeline(String storyId) throws SQLException {
        // integer division in both databases: BIGINT / integer truncates
        String sql = "SELECT m.seen_ms / " + HOUR_MS + " AS hour, COUNT(*) FROM article_stories m WHERE m.story_id = ?"
                + " GROUP BY m.seen_ms / " + HOUR_MS + " ORDER BY hour";
        return list(sql, List.of(storyId),
                rows -> new ArticleStats.HourCount(Instant.ofEpochMilli(rows.getLong(1) * HOUR_MS).toString(), rows.getLong(2)));
    }

    /** Maps one result row; may throw what JDBC throws. */
    private interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Every row of {@code sql} run with {@code parameters}, mapped in order. */
    private <T> List<T> list(String sql, List<Object> parameters, Row<T> row) throws SQLException {
        List<T> mapped = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            ArticleReader.bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    mapped.add(row.map(rows));
                }
            }
        }
        return mapped;
    }

    private static StoredStory story(ResultSet row) throws SQLException {
        return new StoredStory(row.getString("id"), row.getString("headline"),
                Instant.ofEpochMilli(row.getLong("first_seen_ms")).toString(), Instant.ofEpochMilli(row.getLong("last_seen_ms")).toString(),
                row.getInt("article_count"), row.getInt("reprint_count"), row.getInt("independent_outlets"),
                json(row.getString("outlets"), STRINGS), json(row.getString("languages"), STRINGS),
                json(row.getString("countries"), STRINGS), json(row.getString("top_entities"), ENTITIES),
                row.getString("updated_at"));
    }

    private static <T> T json(String text, TypeReference<T> type) throws SQLException {
        try {
            return EventJson.mapper().readValue(text, type);
        } catch (IOException e) {
            throw new SQLException("a stories row holds malformed JSON: " + e.getMessage(), e);
        }
    }
}
