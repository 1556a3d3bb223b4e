package dev.newsflow.consumer.runtime;

import static dev.newsflow.consumer.runtime.RuntimeFixture.article;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.Article;
import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealKafkaExtension.class)
class CatchUpTest {

    @Test
    void shouldNotCallAStageCaughtUpWhileRecordsWaitForIt(KafkaBroker broker) throws Exception {
        try (RuntimeFixture fixture = new RuntimeFixture(broker); CatchUp catchUp = new CatchUp(fixture.kafka)) {
            fixture.publish(article("a", "first"));
            Progress nobodyReads = Progress.ofGroup(fixture.pipeline + "-idle", List.of(fixture.topics.raw().name()));

            assertThat(catchUp.await(List.of(nobodyReads), Duration.ofSeconds(2))).isFalse();
        }
    }

    @Test
    void shouldFollowTheStagesInOrderThroughTransactionMarkers(KafkaBroker broker) throws Exception {
        try (RuntimeFixture fixture = new RuntimeFixture(broker); CatchUp catchUp = new CatchUp(fixture.kafka)) {
            fixture.publish(article("a", "first"), article("b", "second"), article("c", "third"));
            // raw -> unique -> enriched, both transactional: every batch leaves a commit marker behind it.
            StageRunner<Article> first = fixture.start(new TestStages.UpperCase(fixture.topics));
            var second = new TestStages.UpperCase("again", fixture.topics.unique(),
                    new dev.newsflow.events.Topic<>(fixture.topics.enriched().name(), Article.class, fixture.topics.unique().eventType()));
            StageRunner<Article> last = fixture.start(second);

            assertThat(catchUp.await(List.of(first, last), Duration.ofSeconds(60))).isTrue();

            assertThat(fixture.read(fixture.topics.enriched().name())).as("everything reached the last topic").hasSize(3);
            TopicPartition unique = new TopicPartition(fixture.topics.unique().name(),
                    fixture.read(fixture.topics.unique().name()).get(0).partition());
            long committed = fixture.groupOffsets(last.groupId(), List.of(unique)).get(unique);
            assertThat(committed).as("markers take offsets the stage never consumes").isLessThan(endOffset(fixture, unique));
        }
    }

    private static long endOffset(RuntimeFixture fixture, TopicPartition partition) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", fixture.kafka.bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return consumer.endOffsets(List.of(partition)).get(partition);
        }
    }
}
