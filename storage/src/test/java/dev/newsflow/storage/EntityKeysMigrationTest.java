package dev.newsflow.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.EntityType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database written before migration V3 (entity keys) opens, migrates, and its rows keep working. */
class EntityKeysMigrationTest {
    @TempDir
    Path folder;

    @Test
    void shouldKeepCountingAndFindingEntitiesStoredBeforeKeys() throws Exception {
        String url = "jdbc:sqlite:" + folder.resolve("v2.db");
        try (Connection connection = DriverManager.getConnection(url)) {
            Flyway.configure().dataSource(url, null, null).locations(SqlDialect.of(url).migrationLocations()).target("2")
                    .load().migrate();
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO articles (id, title, body, source, language, sort_ms, stored_ms)"
                        + " VALUES ('old-1', 'Путин в Москве', 'Текст.', 'UzA', 'ru', 1000, 1000)");
                statement.executeUpdate("INSERT INTO article_entities (article_id, entity_text, entity_type, mention_count)"
                        + " VALUES ('old-1', 'Москве', 'LOCATION', 1)");
                statement.executeUpdate("INSERT INTO article_mentions (article_id, position, mention_text, entity_type, field,"
                        + " start_offset, end_offset) VALUES ('old-1', 0, 'Москве', 'LOCATION', 'title', 8, 14)");
            }
        }

        try (ArticleStore store = ArticleStore.open(url)) {
            assertThat(store.stats(10, 48, 0.9).topLocations()).containsExactly(new ArticleStats.Count("Москве", 1, "Москве"));
            StoredArticle article = store.findArticle("old-1").orElseThrow();
            assertThat(article.entities()).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(EntityType.LOCATION);
                assertThat(e.key()).isNull();
                assertThat(e.displayName()).isEqualTo("Москве");
            });
            assertThat(article.withEntitiesAtLeast(0.9).mentions()).hasSize(1);
            assertThat(store.search(new ArticleQuery(null, null, null, "Москве", null, null, null, false, null, 20, 0.9))
                    .articles()).extracting(StoredArticle::id).isEqualTo(List.of("old-1"));
        }
    }
}
