package dev.newsflow.consumer.runtime;

import static dev.newsflow.consumer.runtime.RuntimeFixture.article;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.clients.CloudEvents;
import dev.newsflow.events.Article;
import dev.newsflow.events.DeadLetterHeaders;
import dev.newsflow.events.EventJson;
import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealKafkaExtension.class)
class TransactionalDeliveryTest {

    @Test
    void shouldCommitOutputsAndDeadLettersOfABatchTogether(KafkaBroker broker) throws Exception {
        try (RuntimeFixture fixture = new RuntimeFixture(broker)) {
            fixture.publish(article("a", "first"));
            fixture.send(fixture.topics.raw().name(), "one-key", RuntimeFixture.poison());
            fixture.publish(article("b", TestStages.REJECT), article("c", "third"));

            StageRunner<Article> runner = fixture.start(new TestStages.UpperCase(fixture.topics));

            assertThat(fixture.caughtUp(List.of(runner))).isTrue();
            assertThat(titles(fixture.read(fixture.topics.unique().name()))).containsExactlyInAnyOrder("FIRST", "THIRD");
            List<ConsumerRecord<String, byte[]>> letters = fixture.read(fixture.topics.dlq().name());
            assertThat(letters).hasSize(2).allSatisfy(letter ->
                    assertThat(CloudEvents.read(letter.headers(), DeadLetterHeaders.STAGE)).isEqualTo("upper"));
            assertThat(CloudEvents.read(letters.get(1).headers(), DeadLetterHeaders.ERROR_MESSAGE)).isEqualTo("cannot process b");
            assertThat(runner.metrics().processed()).isEqualTo(2);
            assertThat(runner.metrics().deadLettered()).isEqualTo(2);
        }
    }

    @Test
    void shouldRetryATransientFailureAfterAbortingWhatTheAttemptDid(KafkaBroker broker) throws Exception {
        try (RuntimeFixture fixture = new RuntimeFixture(broker)) {
            var stage = new TestStages.UpperCase(fixture.topics);
            stage.transientFailures.set(1);
            fixture.publish(article("a", "first"), article("b", "second"));

            StageRunner<Article> runner = fixture.start(stage);

            assertThat(fixture.caughtUp(List.of(runner))).isTrue();
            assertThat(titles(fixture.read(fixture.topics.unique().name()))).containsExactlyInAnyOrder("FIRST", "SECOND");
            assertThat(runner.metrics().retries()).isEqualTo(1);
            assertThat(stage.aborts.get()).isEqualTo(1);
            assertThat(fixture.read(fixture.topics.dlq().name())).isEmpty();
        }
    }

    @Test
    void shouldStopWithoutCommittingPastAPoisonRecordWhileTheDeadLetterTopicIsGoneThenDeadLetterItOnce(KafkaBroker broker)
            throws Exception {
        try (RuntimeFixture fixture = new RuntimeFixture(broker)) {
            fixture.deleteDeadLetterTopic();
            fixture.publish(article("a", "first"));
            long poisonOffset = fixture.send(fixture.topics.raw().name(), "one-key", RuntimeFixture.poison()).offset();
            fixture.publish(article("c", "third"));

            StageRunner<Article> first = fixture.start(new TestStages.UpperCase(fixture.topics), Map.of(),
                    Map.of("max.block.ms", "1000"));

            assertThat(RuntimeFixture.awaitFailure(first)).hasMessageContaining("transaction");
            assertThat(first.metrics().retries()).as("attempts 2 and 3 of 3").isEqualTo(2);
            TopicPartition raw = new TopicPartition(fixture.topics.raw().name(), 0);
            assertThat(fixture.groupOffsets(first.groupId(), List.of(raw)).getOrDefault(raw, 0L)).isLessThanOrEqualTo(poisonOffset);
            assertThat(fixture.read(fixture.topics.unique().name())).isEmpty();

            fixture.createDeadLetterTopic();
            StageRunner<Article> restarted = fixture.start(new TestStages.UpperCase(fixture.topics));

            assertThat(fixture.caughtUp(List.of(restarted))).isTrue();
            assertThat(fixture.read(fixture.topics.dlq().name())).singleElement().satisfies(letter ->
                    assertThat(letter.value()).isEqualTo(RuntimeFixture.poison()));
            assertThat(titles(fixture.read(fixture.topics.unique().name()))).containsExactlyInAnyOrder("FIRST", "THIRD");
        }
    }

    static List<String> titles(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(record -> EventJson.fromBytes(record.value(), Article.class).title()).toList();
    }
}
