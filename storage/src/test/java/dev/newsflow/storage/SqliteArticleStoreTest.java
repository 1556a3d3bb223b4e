package dev.newsflow.storage;

import static dev.newsflow.storage.TestArticles.article;
import static dev.newsflow.storage.TestArticles.enriched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an SQLite file, plus what only a file database has. */
class SqliteArticleStoreTest extends ArticleStoreContract {
    @TempDir
    Path folder;

    @Override
    ArticleStore openFreshStore() {
        return ArticleStore.open("jdbc:sqlite:" + folder.resolve("newsflow.db"));
    }

    @Test
    void shouldCreateMissingFoldersOfTheDatabaseFile() {
        Path file = folder.resolve("data/nested/newsflow.db");

        try (ArticleStore nested = ArticleStore.open("jdbc:sqlite:" + file)) {
            assertThat(nested.countArticles()).isZero();
        }
        assertThat(Files.isRegularFile(file)).isTrue();
    }

    @Test
    void shouldKeepArticlesWhenTheDatabaseIsReopened() {
        store.write(GROUP, List.of(enriched(article("uza-1", "Title", "Body.", TASHKENT_MORNING), "en",
                List.of(), List.of())), List.of(new PartitionOffset("news.articles.enriched", 0, 1)));
        store.close();

        store = openFreshStore();

        assertThat(store.countArticles()).isEqualTo(1);
        assertThat(store.nextOffsets(GROUP, "news.articles.enriched")).containsEntry(0, 1L);
    }

    @Test
    void shouldLetAnotherConnectionReadWhileAWriteTransactionIsOpen() throws Exception {
        String url = "jdbc:sqlite:" + folder.resolve("newsflow.db");
        store.write(GROUP, List.of(enriched(article("uza-1", "Title", "Body.", TASHKENT_MORNING), "en",
                List.of(), List.of())), List.of());
        try (Connection writer = DriverManager.getConnection(url);
             Statement journal = writer.createStatement();
             ResultSet mode = journal.executeQuery("PRAGMA journal_mode")) {
            assertThat(mode.next()).isTrue();
            assertThat(mode.getString(1)).isEqualToIgnoringCase("wal");
            writer.setAutoCommit(false);
            try (Statement insert = writer.createStatement()) {
                insert.executeUpdate("UPDATE articles SET title = 'Changing' WHERE id = 'uza-1'");
                // another process (serve) reads the last committed state without waiting for the writer
                assertThat(store.findArticle("uza-1").orElseThrow().title()).isEqualTo("Title");
                assertThat(store.countArticles()).isEqualTo(1);
            }
            writer.rollback();
        }
    }

    @Test
    void shouldRejectAnUnsupportedDatabaseUrl() {
        assertThatThrownBy(() -> ArticleStore.open("jdbc:mysql://localhost/news"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:mysql://localhost/news")
                .hasMessageContaining("jdbc:sqlite:");
    }
}
