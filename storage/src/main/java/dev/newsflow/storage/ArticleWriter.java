package dev.newsflow.storage;

import dev.newsflow.events.Article;
import dev.newsflow.events.DuplicateArticle;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.Enrichment;
import dev.newsflow.events.EntityCount;
import dev.newsflow.events.EntityMention;
import dev.newsflow.events.IsoTime;
import dev.newsflow.events.PipelineOutcome;
import dev.newsflow.events.StoryUpdate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes one batch of events and offsets on a connection whose transaction the caller owns. Every
 * statement is parameterized and executed as a JDBC batch. Not thread-safe: one instance per call.
 */
final class ArticleWriter {
    private static final String ARTICLE_COLUMNS = "id, title, body, author, source, published_at, published_ms, url,"
            + " declared_language, origin, language, sort_ms, stored_ms";
    private static final String ARTICLE_VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
    private static final String ARTICLE_UPDATES = "title = excluded.title, body = excluded.body,"
            + " author = excluded.author, source = excluded.source, published_at = excluded.published_at,"
            + " published_ms = excluded.published_ms, url = excluded.url,"
            + " declared_language = excluded.declared_language, origin = excluded.origin,"
            + " sort_ms = COALESCE(excluded.published_ms, articles.sort_ms)";

    private static final String UPSERT_ENRICHED = "INSERT INTO articles (" + ARTICLE_COLUMNS
            + ", script, language_confidence, summary, word_count, reading_time_seconds, enriched_at)"
            + " VALUES (" + ARTICLE_VALUES + ", ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET " + ARTICLE_UPDATES + ", language = excluded.language,"
            + " script = excluded.script, language_confidence = excluded.language_confidence,"
            + " summary = excluded.summary, word_count = excluded.word_count,"
            + " reading_time_seconds = excluded.reading_time_seconds, enriched_at = excluded.enriched_at";

    // An enriched row keeps its detected language when its duplicate verdict arrives later.
    private static final String UPSERT_DUPLICATE = "INSERT INTO articles (" + ARTICLE_COLUMNS
            + ", duplicate_of, similarity, duplicate_method, detected_at)"
            + " VALUES (" + ARTICLE_VALUES + ", ?, ?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET " + ARTICLE_UPDATES + ","
            + " language = CASE WHEN articles.enriched_at IS NULL THEN excluded.language ELSE articles.language END,"
            + " duplicate_of = excluded.duplicate_of, similarity = excluded.similarity,"
            + " duplicate_method = excluded.duplicate_method, detected_at = excluded.detected_at";

    // A re-send of the same id (duplicateOf == id) adds nothing the original row does not already hold.
    private static final String INSERT_RESENT = "INSERT INTO articles (" + ARTICLE_COLUMNS + ")"
            + " VALUES (" + ARTICLE_VALUES + ") ON CONFLICT (id) DO NOTHING";

    private static final String UPSERT_OFFSET = "INSERT INTO consumer_offsets"
            + " (consumer_group, topic, partition_no, next_offset) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (consumer_group, topic, partition_no) DO UPDATE SET next_offset = excluded.next_offset";

    private static final List<String> CHILD_TABLES =
            List.of("article_entities", "article_mentions", "article_countries", "article_keywords");

    private final Connection connection;
    private final long nowMs;

    ArticleWriter(Connection connection, Clock clock) {
        this.connection = connection;
        this.nowMs = clock.millis();
    }

    /**
     * Upserts the events; the last event of an article id (or of a story) within the batch wins, as it would one by
     * one. Story updates go to {@link StoryWriter}.
     */
    void writeEvents(List<? extends PipelineOutcome> events) throws SQLException {
        Map<String, EnrichedArticle> enriched = new LinkedHashMap<>();
        Map<String, DuplicateArticle> duplicates = new LinkedHashMap<>();
        List<StoryUpdate> stories = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            PipelineOutcome event = Objects.requireNonNull(events.get(i), "events[" + i + "]");
            if (event instanceof EnrichedArticle e) {
                enriched.put(e.article().id(), e);
            } else if (event instanceof DuplicateArticle d) {
                duplicates.put(d.article().id(), d);
            } else {
                stories.add((StoryUpdate) event);
            }
        }
        writeDuplicates(duplicates.values());
        writeEnriched(enriched.values());
        new StoryWriter(connection, nowMs).write(stories);
    }

    void writeOffsets(String consumerGroup, List<PartitionOffset> offsets) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_OFFSET)) {
            for (PartitionOffset offset : offsets) {
                upsert.setString(1, consumerGroup);
                upsert.setString(2, offset.topic());
                upsert.setInt(3, offset.partition());
                upsert.setLong(4, offset.nextOffset());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private void writeDuplicates(Collection<DuplicateArticle> duplicates) throws SQLException {
        if (duplicates.isEmpty()) {
            return;
        }
        try (PreparedStatement linked = connection.prepareStatement(UPSERT_DUPLICATE);
             PreparedStatement resent = connection.prepareStatement(INSERT_RESENT)) {
            for (DuplicateArticle duplicate : duplicates) {
                Article article = duplicate.article();
                if (duplicate.duplicateOf().equals(article.id())) {
                    bindArticle(resent, article, article.language());
                    resent.addBatch();
                    continue;
                }
                int next = bindArticle(linked, article, article.language());
                Jdbc.setText(linked, next++, duplicate.duplicateOf());
                linked.setDouble(next++, duplicate.similarity());
                linked.setString(next++, duplicate.method().name());
                linked.setString(next, IsoTime.format(duplicate.detectedAt()));
                linked.addBatch();
            }
            linked.executeBatch();
            resent.executeBatch();
        }
    }

    private void writeEnriched(Collection<EnrichedArticle> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_ENRICHED)) {
            for (EnrichedArticle event : events) {
                Enrichment enrichment = event.enrichment();
                int next = bindArticle(upsert, event.article(), enrichment.language());
                Jdbc.setText(upsert, next++, enrichment.script());
                upsert.setDouble(next++, enrichment.languageConfidence());
                Jdbc.setText(upsert, next++, enrichment.summary());
                upsert.setInt(next++, enrichment.wordCount());
                upsert.setInt(next++, enrichment.readingTimeSeconds());
                upsert.setString(next, IsoTime.format(event.enrichedAt()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        replaceChildren(events);
    }

    /** Children are replaced, not merged: a replayed or corrected enrichment leaves exactly its own rows. */
    private void replaceChildren(Collection<EnrichedArticle> events) throws SQLException {
        for (String table : CHILD_TABLES) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE article_id = ?")) {
                for (EnrichedArticle event : events) {
                    delete.setString(1, event.article().id());
                    delete.addBatch();
                }
                delete.executeBatch();
            }
        }
        try (PreparedStatement entities = connection.prepareStatement("INSERT INTO article_entities"
                + " (article_id, entity_text, entity_type, mention_count, entity_name, entity_key, confidence)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement mentions = connection.prepareStatement("INSERT INTO article_mentions"
                + " (article_id, position, mention_text, entity_type, field, start_offset, end_offset, entity_key, confidence)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement countries = connection.prepareStatement(
                "INSERT INTO article_countries (article_id, country) VALUES (?, ?)");
             PreparedStatement keywords = connection.prepareStatement(
                "INSERT INTO article_keywords (article_id, position, keyword) VALUES (?, ?, ?)")) {
            for (EnrichedArticle event : events) {
                String id = event.article().id();
                Enrichment enrichment = event.enrichment();
                addEntities(entities, id, enrichment.entities());
                addMentions(mentions, id, enrichment.mentions());
                for (String country : enrichment.countries().stream().distinct().toList()) {
                    countries.setString(1, id);
                    countries.setString(2, country);
                    countries.addBatch();
                }
                for (int i = 0; i < enrichment.keywords().size(); i++) {
                    keywords.setString(1, id);
                    keywords.setInt(2, i);
                    keywords.setString(3, enrichment.keywords().get(i));
                    keywords.addBatch();
                }
            }
            entities.executeBatch();
            mentions.executeBatch();
            countries.executeBatch();
            keywords.executeBatch();
        }
    }

    private static void addEntities(PreparedStatement statement, String id, List<EntityCount> entities)
            throws SQLException {
        // the same text and type twice would break the key; their counts belong together
        Map<String, EntityCount> merged = new LinkedHashMap<>();
        for (EntityCount entity : entities) {
            merged.merge(entity.type() + "\u0000" + entity.text(), entity,
                    (a, b) -> new EntityCount(a.text(), a.type(), a.count() + b.count(), a.name(), a.key(), a.confidence()));
        }
        for (EntityCount entity : merged.values()) {
            statement.setString(1, id);
            statement.setString(2, entity.text());
            statement.setString(3, entity.type().name());
            statement.setInt(4, entity.count());
            statement.setString(5, entity.name());
            statement.setString(6, entity.key());
            setDouble(statement, 7, entity.confidence());
            statement.addBatch();
        }
    }

    private static void addMentions(PreparedStatement statement, String id, List<EntityMention> mentions)
            throws SQLException {
        for (int i = 0; i < mentions.size(); i++) {
            EntityMention mention = mentions.get(i);
            statement.setString(1, id);
            statement.setInt(2, i);
            statement.setString(3, mention.text());
            statement.setString(4, mention.type().name());
            statement.setString(5, mention.field());
            statement.setInt(6, mention.start());
            statement.setInt(7, mention.end());
            statement.setString(8, mention.key());
            setDouble(statement, 9, mention.confidence());
            statement.addBatch();
        }
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    /** Binds the 13 article columns; returns the next parameter index. */
    private int bindArticle(PreparedStatement statement, Article article, String language) throws SQLException {
        Long publishedMs = article.publishedAt() == null ? null : article.publishedAt().toInstant().toEpochMilli();
        statement.setString(1, article.id());
        statement.setString(2, article.title());
        statement.setString(3, article.body());
        Jdbc.setText(statement, 4, article.author());
        Jdbc.setText(statement, 5, article.source());
        Jdbc.setText(statement, 6, article.publishedAt() == null ? null : article.publishedAt().toString());
        Jdbc.setLong(statement, 7, publishedMs);
        Jdbc.setText(statement, 8, article.url());
        Jdbc.setText(statement, 9, article.language());
        Jdbc.setText(statement, 10, article.origin());
        Jdbc.setText(statement, 11, language);
        statement.setLong(12, publishedMs != null ? publishedMs : nowMs);
        statement.setLong(13, nowMs);
        return 14;
    }
}
