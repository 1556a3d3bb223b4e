package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.storage.ArticleStore;
import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RealKafkaExtension.class)
class ReplayCommandTest {

    @Test
    void shouldMoveTheStageOffsetsBackSoItProcessesTheArticlesAgain(KafkaBroker broker, @TempDir Path dir) throws Exception {
        String suffix = KafkaBroker.uniqueName("replay");
        String[] common = {"--bootstrap-servers", broker.bootstrapServers(), "--topic-suffix", suffix,
            "--pipeline-name", suffix, "--data-dir", dir.toString()};
        CliRun first = CliRun.of(concat(new String[] {"run", "--exit-when-idle", "--port", "0", "../seeds"}, common));
        assertThat(first.exitCode()).isZero();
        String unique = "news.articles.unique." + suffix;
        assertThat(committedOffsetsOf(broker, suffix + "-enrich", unique)).containsValue(1L);

        CliRun enrich = CliRun.of(concat(new String[] {"replay", "--stage", "enrich"}, common));
        CliRun store = CliRun.of(concat(new String[] {"replay", "--stage", "store", "--from", "2000-01-01"}, common));

        assertThat(enrich.exitCode()).isZero();
        assertThat(enrich.stdout()).contains("stage enrich (group " + suffix + "-enrich) will re-process from the beginning");
        assertThat(committedOffsetsOf(broker, suffix + "-enrich", unique).values()).containsOnly(0L);
        assertThat(store.exitCode()).isZero();
        try (ArticleStore db = ArticleStore.open("jdbc:sqlite:" + dir.resolve("newsflow.db"))) {
            assertThat(db.nextOffsets(suffix + "-store", "news.articles.enriched." + suffix).values()).containsOnly(0L);
        }
        CliRun badDate = CliRun.of(concat(new String[] {"replay", "--stage", "enrich", "--from", "last tuesday"}, common));
        assertThat(badDate.exitCode()).isEqualTo(1);
        assertThat(badDate.stderr()).contains("--from must be a date (YYYY-MM-DD) or an ISO date-time, was 'last tuesday'");
    }

    private static Map<Integer, Long> committedOffsetsOf(KafkaBroker broker, String group, String topic) throws Exception {
        try (Admin admin = Admin.create(broker.clientProperties())) {
            Map<Integer, Long> offsets = new java.util.HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                    .forEach((partition, offset) -> {
                        if (partition.topic().equals(topic)) {
                            offsets.put(partition.partition(), offset.offset());
                        }
                    });
            return offsets;
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
