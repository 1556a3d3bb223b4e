package dev.newsflow.storage;

import dev.newsflow.events.EntityCount;
import dev.newsflow.events.EntityMention;
import dev.newsflow.events.EntityType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads articles with their child rows on one connection. Not thread-safe: one instance per call. */
final class ArticleReader {
    static final String ARTICLE_SELECT = "SELECT a.id, a.title, a.body, a.author, a.source, a.published_at, a.url,"
            + " a.language, a.declared_language, a.origin, a.script, a.language_confidence, a.summary,"
            + " a.word_count, a.reading_time_seconds, a.enriched_at, a.duplicate_of, a.similarity,"
            + " a.duplicate_method, a.detected_at, a.sort_ms,"
            + " (SELECT COUNT(*) FROM articles d WHERE d.duplicate_of = a.id AND d.id <> a.id) AS duplicate_count,"
            + " (SELECT m.story_id FROM article_stories m WHERE m.article_id = a.id) AS story_id"
            + " FROM articles a";

    private final Connection connection;

    ArticleReader(Connection connection) {
        this.connection = connection;
    }

    Optional<StoredArticle> find(String id) throws SQLException {
        List<StoredArticle> found = query(ARTICLE_SELECT + " WHERE a.id = ?", List.of(id));
        return found.stream().findFirst();
    }

    /** Runs an {@link #ARTICLE_SELECT} with extra clauses and loads the children of every row found. */
    List<StoredArticle> query(String sql, List<Object> parameters) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(Row.read(result));
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(r -> r.id).toList();
        Children children = loadChildren(ids);
        List<StoredArticle> articles = new ArrayList<>(rows.size());
        for (Row row : rows) {
            articles.add(row.toArticle(children));
        }
        return articles;
    }

    static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof String s) {
                statement.setString(i + 1, s);
            } else if (value instanceof Long l) {
                statement.setLong(i + 1, l);
            } else if (value instanceof Integer n) {
                statement.setInt(i + 1, n);
            } else if (value instanceof Double d) {
                statement.setDouble(i + 1, d);
            } else {
                throw new IllegalArgumentException("unsupported parameter type at " + (i + 1) + ": " + value);
            }
        }
    }

    private Children loadChildren(List<String> ids) throws SQLException {
        String in = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        Children children = new Children();
        List<Object> parameters = new ArrayList<>(ids);
        try (PreparedStatement statement = connection.prepareStatement("SELECT article_id, country"
                + " FROM article_countries WHERE article_id IN (" + in + ") ORDER BY article_id, country")) {
            bind(statement, parameters);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    children.countries(result.getString(1)).add(result.getString(2));
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT article_id, entity_text,"
                + " entity_type, mention_count, entity_name, entity_key, confidence FROM article_entities"
                + " WHERE article_id IN (" + in + ")"
                + " ORDER BY article_id, mention_count DESC, entity_text, entity_type")) {
            bind(statement, parameters);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    children.entities(result.getString(1)).add(new EntityCount(result.getString(2),
                            EntityType.valueOf(result.getString(3)), result.getInt(4), result.getString(5),
                            result.getString(6), nullableDouble(result, 7)));
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT article_id, mention_text,"
                + " entity_type, field, start_offset, end_offset, entity_key, confidence FROM article_mentions"
                + " WHERE article_id IN (" + in + ") ORDER BY article_id, position")) {
            bind(statement, parameters);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    children.mentions(result.getString(1)).add(new EntityMention(result.getString(2),
                            EntityType.valueOf(result.getString(3)), result.getString(4), result.getInt(5),
                            result.getInt(6), result.getString(7), nullableDouble(result, 8)));
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT article_id, keyword"
                + " FROM article_keywords WHERE article_id IN (" + in + ") ORDER BY article_id, position")) {
            bind(statement, parameters);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    children.keywords(result.getString(1)).add(result.getString(2));
                }
            }
        }
        return children;
    }

    private static final class Children {
        final Map<String, List<String>> countries = new HashMap<>();
        final Map<String, List<EntityCount>> entities = new HashMap<>();
        final Map<String, List<EntityMention>> mentions = new HashMap<>();
        final Map<String, List<String>> keywords = new HashMap<>();

        List<String> countries(String id) {
            return countries.computeIfAbsent(id, k -> new ArrayList<>());
        }

        List<EntityCount> entities(String id) {
            return entities.computeIfAbsent(id, k -> new ArrayList<>());
        }

        List<EntityMention> mentions(String id) {
            return mentions.computeIfAbsent(id, k -> new ArrayList<>());
        }

        List<String> keywords(String id) {
            return keywords.computeIfAbsent(id, k -> new ArrayList<>());
        }
    }

    /** The columns of one articles row, before its children are attached. */
    private record Row(Map<String, Object> values, String id, long sortMs, long duplicateCount) {
        static Row read(ResultSet result) throws SQLException {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String column : List.of("title", "body", "author", "source", "published_at", "url", "language",
                    "declared_language", "origin", "script", "summary", "enriched_at", "duplicate_of",
                    "duplicate_method", "detected_at", "story_id")) {
                values.put(column, result.getString(column));
            }
            values.put("language_confidence", Jdbc.getDouble(result, "language_confidence"));
            values.put("similarity", Jdbc.getDouble(result, "similarity"));
            values.put("word_count", Jdbc.getInteger(result, "word_count"));
            values.put("reading_time_seconds", Jdbc.getInteger(result, "reading_time_seconds"));
            return new Row(values, result.getString("id"), result.getLong("sort_ms"),
                    result.getLong("duplicate_count"));
        }

        String text(String column) {
            return (String) values.get(column);
        }

        StoredArticle toArticle(Children children) {
            return new StoredArticle(id, text("title"), text("body"), text("author"), text("source"),
                    text("published_at"), text("url"), text("language"), text("declared_language"),
                    text("origin"), text("script"), (Double) values.get("language_confidence"), text("summary"),
                    (Integer) values.get("word_count"), (Integer) values.get("reading_time_seconds"),
                    text("enriched_at"), text("duplicate_of"), (Double) values.get("similarity"),
                    text("duplicate_method"), text("detected_at"), duplicateCount, text("story_id"),
                    children.countries.getOrDefault(id, List.of()), children.entities.getOrDefault(id, List.of()),
                    children.mentions.getOrDefault(id, List.of()), children.keywords.getOrDefault(id, List.of()));
        }
    }

    static Double nullableDouble(ResultSet result, int column) throws SQLException {
        double value = result.getDouble(column);
        return result.wasNull() ? null : value;
    }
}
