package dev.newsflow.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.newsflow.events.EventJson;
import dev.newsflow.events.IsoTime;
import dev.newsflow.events.StoryUpdate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes story updates on a connection whose transaction the caller owns: the story row becomes the latest update of
 * the story and the article's row in {@code article_stories} says its story. A story no article points to any more
 * (its articles were given other stories by a replay of the stories stage) is deleted. Not thread-safe: one
 * instance per call.
 */
final class StoryWriter {
    private static final String UPSERT_STORY = "INSERT INTO stories (id, headline, first_seen_ms, last_seen_ms,"
            + " article_count, reprint_count, independent_outlets, outlets, languages, countries, top_entities,"
            + " updated_at, stored_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET headline = excluded.headline, first_seen_ms = excluded.first_seen_ms,"
            + " last_seen_ms = excluded.last_seen_ms, article_count = excluded.article_count,"
            + " reprint_count = excluded.reprint_count, independent_outlets = excluded.independent_outlets,"
            + " outlets = excluded.outlets, languages = excluded.languages, countries = excluded.countries,"
            + " top_entities = excluded.top_entities, updated_at = excluded.updated_at, stored_ms = excluded.stored_ms";
    private static final String UPSERT_ARTICLE = "INSERT INTO article_stories (article_id, story_id, outlet, decided_by,"
            + " score, seen_ms, stored_ms) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET"
            + " story_id = excluded.story_id, outlet = excluded.outlet, decided_by = excluded.decided_by, score = excluded.score,"
            + " seen_ms = excluded.seen_ms, stored_ms = excluded.stored_ms";
    private static final String DELETE_ORPHAN = "DELETE FROM stories WHERE id = ?"
            + " AND NOT EXISTS (SELECT 1 FROM article_stories m WHERE m.story_id = ?)";

    private final Connection connection;
    private final long nowMs;

    StoryWriter(Connection connection, long nowMs) {
        this.connection = connection;
        this.nowMs = nowMs;
    }

    /** Writes the updates in order: the last update of a story, and of an article, within the batch wins. */
    void write(List<StoryUpdate> updates) throws SQLException {
        if (updates.isEmpty()) {
            return;
        }
        Map<String, StoryUpdate> stories = new LinkedHashMap<>();
        Map<String, StoryUpdate> articles = new LinkedHashMap<>();
        for (StoryUpdate update : updates) {
            stories.remove(update.storyId());
            stories.put(update.storyId(), update);
            articles.remove(update.articleId());
            articles.put(update.articleId(), update);
        }
        Set<String> left = storiesLeft(articles.values());
        upsertStories(stories.values());
        upsertArticles(articles.values());
        deleteOrphans(left);
    }

    /** The stories that some of these articles are in now and will not be after the write. */
    private Set<String> storiesLeft(Collection<StoryUpdate> articles) throws SQLException {
        Set<String> left = new TreeSet<>();
        List<StoryUpdate> all = new ArrayList<>(articles);
        for (int from = 0; from < all.size(); from += 500) {
            List<StoryUpdate> chunk = all.subList(from, Math.min(all.size(), from + 500));
            Map<String, String> storyOf = new LinkedHashMap<>();
            chunk.forEach(update -> storyOf.put(update.articleId(), update.storyId()));
            String in = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT article_id, story_id FROM article_stories WHERE article_id IN (" + in + ")")) {
                ArticleReader.bind(select, new ArrayList<>(storyOf.keySet()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        if (!rows.getString(2).equals(storyOf.get(rows.getString(1)))) {
                            left.add(rows.getString(2));
                        }
                    }
                }
            }
        }
        return left;
    }

    private void upsertStories(Collection<StoryUpdate> stories) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_STORY)) {
            for (StoryUpdate story : stories) {
                upsert.setString(1, story.storyId());
                upsert.setString(2, story.headline());
                upsert.setLong(3, story.firstSeen().toEpochMilli());
                upsert.setLong(4, story.lastSeen().toEpochMilli());
                upsert.setInt(5, story.articles());
                upsert.setInt(6, story.reprints());
                upsert.setInt(7, story.independentOutlets());
                upsert.setString(8, json(story.outlets()));
                upsert.setString(9, json(story.languages()));
                upsert.setString(10, json(story.countries()));
                upsert.setString(11, json(story.topEntities()));
                upsert.setString(12, IsoTime.format(story.updatedAt()));
                upsert.setLong(13, nowMs);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private void upsertArticles(Collection<StoryUpdate> articles) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_ARTICLE)) {
            for (StoryUpdate update : articles) {
                upsert.setString(1, update.articleId());
                upsert.setString(2, update.storyId());
                Jdbc.setText(upsert, 3, update.outlet());
                upsert.setString(4, update.decidedBy().wireName());
                Jdbc.setDouble(upsert, 5, update.score());
                upsert.setLong(6, update.seenAt().toEpochMilli());
                upsert.setLong(7, nowMs);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private void deleteOrphans(Set<String> storyIds) throws SQLException {
        if (storyIds.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(DELETE_ORPHAN)) {
            for (String id : storyIds) {
                delete.setString(1, id);
                delete.setString(2, id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value + " as JSON", e);
        }
    }
}
