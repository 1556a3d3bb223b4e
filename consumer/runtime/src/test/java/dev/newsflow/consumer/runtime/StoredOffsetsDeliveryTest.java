package dev.newsflow.consumer.runtime;

import static dev.newsflow.consumer.runtime.RuntimeFixture.article;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.clients.CloudEvents;
import dev.newsflow.events.Article;
import dev.newsflow.events.DeadLetterHeaders;
import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealKafkaExtension.class)
class StoredOffsetsDeliveryTest {

    @Test
    void shouldStoreNoOffsetPastAPoisonRecordWhileTheDeadLetterTopicRefusesItThenDeadLetterItOnce(KafkaBroker broker)
            throws Exception {
        try (RuntimeFixture fixture = new RuntimeFixture(broker)) {
            fixture.refuseDeadLetters();
            fixture.publish(article("a", "first"));
            fixture.send(fixture.topics.raw().name(), "one-key", RuntimeFixture.poison());
            fixture.publish(article("c", "third"));
            var database = new TestStages.MemoryStore(fixture.topics);

            StageRunner<Article> first = fixture.start(database);

            assertThat(RuntimeFixture.awaitFailure(first)).hasMessageContaining("did not take the dead letter");
            assertThat(first.metrics().retries()).isEqualTo(2);
            assertThat(database.offsets).isEmpty();
            assertThat(database.rows).isEmpty();

            fixture.acceptDeadLetters();
            StageRunner<Article> restarted = fixture.start(database);

            assertThat(fixture.caughtUp(List.of(restarted))).isTrue();
            assertThat(fixture.read(fixture.topics.dlq().name())).singleElement().satisfies(letter -> {
                assertThat(letter.value()).isEqualTo(RuntimeFixture.poison());
                assertThat(CloudEvents.read(letter.headers(), DeadLetterHeaders.STAGE)).isEqualTo("memory");
            });
            assertThat(database.rows).containsOnlyKeys("a", "c");
            assertThat(database.offsets).isEqualTo(Map.of(new TopicPartition(fixture.topics.raw().name(), 0), 3L));
        }
    }

    @Test
    void shouldRetryATransientFailureWhileWritingRecordByRecordToFindTheBadOne(KafkaBroker broker) throws Exception {
        try (RuntimeFixture fixture = new RuntimeFixture(broker)) {
            fixture.publish(article("a", "first"), article("b", TestStages.REJECT), article("c", "third"));
            var database = new TestStages.MemoryStore(fixture.topics);
            // write 1: the batch, refused for b; write 2: a alone, the database busy for a moment.
            database.transientAtWrites.add(2);

            StageRunner<Article> runner = fixture.start(database);

            assertThat(fixture.caughtUp(List.of(runner))).isTrue();
            assertThat(runner.failure()).isNull();
            assertThat(database.writes.subList(0, 3)).containsExactly(List.of("a", "b", "c"), List.of("a"), List.of("a"));
            assertThat(runner.metrics().retries()).isEqualTo(1);
            assertThat(database.rows).containsOnlyKeys("a", "c");
            assertThat(fixture.read(fixture.topics.dlq().name())).singleElement().satisfies(letter ->
                    assertThat(CloudEvents.read(letter.headers(), DeadLetterHeaders.ERROR_MESSAGE)).isEqualTo("cannot process b"));
            assertThat(runner.metrics().processed()).isEqualTo(2);
            assertThat(runner.metrics().deadLettered()).isEqualTo(1);
        }
    }
}
