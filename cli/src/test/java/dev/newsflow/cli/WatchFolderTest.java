package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.storage.ArticleStore;
import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RealKafkaExtension.class)
class WatchFolderTest {

    @Test
    void shouldStoreArticleFilesDroppedIntoTheWatchedFolder(KafkaBroker broker, @TempDir Path dir) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        String suffix = KafkaBroker.uniqueName("watch");
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread run = new Thread(() -> exitCode.set(Newsflow.commandLine().execute("run", "--bootstrap-servers",
                broker.bootstrapServers(), "--port", "0", "--data-dir", dir.resolve("state").toString(),
                "--topic-suffix", suffix, "--pipeline-name", suffix, "--watch", inbox.toString(), "../seeds")));
        run.start();
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> rows(dir) == 1);

            Path staging = Files.writeString(dir.resolve("tmp.txt"),
                    "Tashkent opens a new metro line\n10:30 / 2024-05-02\n\nThe new line links the airport with the centre.\n\nAziz Karimov, UzA\n");
            Files.move(staging, inbox.resolve("001_a1b2c3d4e5f60718.txt"), StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(inbox.resolve("feed.jsonl"),
                    "{\"id\":\"jl-1\",\"title\":\"Bishkek hosts a summit\",\"body\":\"Leaders met in Bishkek on Friday.\"}\n");

            await().atMost(Duration.ofSeconds(60)).until(() -> rows(dir) == 3);
            try (ArticleStore store = ArticleStore.open(jdbc(dir))) {
                assertThat(store.findArticle("a1b2c3d4e5f60718")).hasValueSatisfying(a -> assertThat(a.author()).isEqualTo("Aziz Karimov"));
                assertThat(store.findArticle("jl-1")).isPresent();
            }
        } finally {
            run.interrupt();
            run.join(30_000);
        }
        assertThat(run.isAlive()).isFalse();
    }

    private static String jdbc(Path dir) {
        return "jdbc:sqlite:" + dir.resolve("state").resolve("newsflow.db");
    }

    private static long rows(Path dir) {
        if (!Files.exists(dir.resolve("state").resolve("newsflow.db"))) {
            return 0;
        }
        try (ArticleStore store = ArticleStore.open(jdbc(dir))) {
            return store.countArticles();
        }
    }
}
