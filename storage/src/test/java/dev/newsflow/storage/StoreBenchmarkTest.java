package dev.newsflow.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.storage.bench.StoreBenchmark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark runs end to end on a small input (its figures are not asserted: speed is not a unit test). */
class StoreBenchmarkTest {
    @TempDir
    Path folder;

    @Test
    void shouldWriteEveryArticleAndReportMedians() {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        try (ArticleStore store = ArticleStore.open("jdbc:sqlite:" + folder.resolve("bench.db"))) {
            StoreBenchmark.Result result = StoreBenchmark.run(store, 200, 50, new PrintStream(report, true, StandardCharsets.UTF_8));

            assertThat(store.countArticles()).isEqualTo(200);
            assertThat(store.stats(10, 10).duplicates()).isEqualTo(20);
            assertThat(result.articles()).isEqualTo(200);
            assertThat(report.toString(StandardCharsets.UTF_8)).contains("articles/s").contains("full text");
        }
    }

    @Test
    void shouldRefuseADatabaseThatAlreadyHoldsArticles() {
        try (ArticleStore store = ArticleStore.open("jdbc:sqlite:" + folder.resolve("bench.db"))) {
            StoreBenchmark.run(store, 10, 10, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

            assertThatThrownBy(() -> StoreBenchmark.run(store, 10, 10, System.out))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty database");
        }
    }
}
