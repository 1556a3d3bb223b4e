package dev.newsflow.storage;

import dev.newsflow.events.EntityKeys;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Builds and runs the parameterized SQL of one {@link ArticleQuery}. Not thread-safe: one per call. */
final class ArticleSearch {
    private final Connection connection;
    private final SqlDialect dialect;

    ArticleSearch(Connection connection, SqlDialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    ArticlePage run(ArticleQuery query) throws SQLException {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (!query.includeDuplicates()) {
            conditions.add("a.duplicate_of IS NULL");
        }
        if (query.text() != null) {
            String argument = dialect.fullTextArgument(query.text());
            if (argument.isBlank()) {
                throw new IllegalArgumentException("q must contain at least one letter or digit");
            }
            conditions.add(dialect.fullTextCondition());
            parameters.add(argument);
        }
        if (query.language() != null) {
            conditions.add("a.language = ?");
            parameters.add(query.language());
        }
        if (query.source() != null) {
            conditions.add("a.source = ?");
            parameters.add(query.source());
        }
        if (query.country() != null) {
            conditions.add("EXISTS (SELECT 1 FROM article_countries c WHERE c.article_id = a.id AND c.country = ?)");
            parameters.add(query.country());
        }
        if (query.entity() != null) {
            conditions.add("EXISTS (SELECT 1 FROM article_entities e WHERE e.article_id = a.id"
                    + " AND (e.entity_key IN (?, ?) OR e.entity_name = ? OR (e.entity_key IS NULL AND e.entity_text = ?))"
                    + " AND (e.confidence IS NULL OR e.confidence >= ?))");
            parameters.add(query.entity());
            parameters.add(EntityKeys.of(query.entity(), "und"));
            parameters.add(query.entity());
            parameters.add(query.entity());
            parameters.add(query.minConfidence());
        }
        if (query.from() != null) {
            conditions.add("a.sort_ms >= ?");
            parameters.add(query.from().toEpochMilli());
        }
        if (query.to() != null) {
            conditions.add("a.sort_ms < ?");
            parameters.add(query.to().toEpochMilli());
        }
        if (query.cursor() != null) {
            PageCursor after = PageCursor.decode(query.cursor());
            String id = dialect.codePointOrder("a.id");
            conditions.add("(a.sort_ms < ? OR (a.sort_ms = ? AND " + id + " < ?))");
            parameters.add(after.sortMs());
            parameters.add(after.sortMs());
            parameters.add(after.id());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        // one row more than asked tells whether a next page exists
        parameters.add(query.limit() + 1);
        List<StoredArticle> found = new ArticleReader(connection).query(ArticleReader.ARTICLE_SELECT + where
                + " ORDER BY a.sort_ms DESC, " + dialect.codePointOrder("a.id") + " DESC LIMIT ?", parameters);
        if (found.size() <= query.limit()) {
            return new ArticlePage(found, null);
        }
        List<StoredArticle> page = found.subList(0, query.limit());
        StoredArticle last = page.get(page.size() - 1);
        return new ArticlePage(page, new PageCursor(sortMsOf(last.id()), last.id()).encode());
    }

    List<StoredArticle> duplicatesOf(String id) throws SQLException {
        return new ArticleReader(connection).query(ArticleReader.ARTICLE_SELECT
                + " WHERE a.duplicate_of = ? AND a.id <> ? ORDER BY a.sort_ms, " + dialect.codePointOrder("a.id"),
                List.of(id, id));
    }

    private long sortMsOf(String id) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT sort_ms FROM articles WHERE id = ?")) {
            statement.setString(1, id);
            try (var result = statement.executeQuery()) {
                if (!result.next()) {
                    throw new SQLException("article " + id + " vanished while paging");
                }
                return result.getLong(1);
            }
        }
    }
}
