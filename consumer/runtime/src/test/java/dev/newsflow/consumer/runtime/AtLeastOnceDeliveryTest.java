package dev.newsflow.consumer.runtime;

import static dev.newsflow.consumer.runtime.RuntimeFixture.article;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.Article;
import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealKafkaExtension.class)
class AtLeastOnceDeliveryTest {

    @Test
    void shouldRetryOnlyTheArticleThatFailedTransiently(KafkaBroker broker) throws Exception {
        try (RuntimeFixture fixture = new RuntimeFixture(broker)) {
            fixture.publish(article("a", "first"), article("b", "second"), article("c", "third"));
            var handler = new TestStages.Recorder(fixture.topics);
            handler.failOnce.add("b");

            StageRunner<Article> runner = fixture.start(handler);

            assertThat(fixture.caughtUp(List.of(runner))).isTrue();
            assertThat(handler.calls).as("a, handled before b failed, is not handed over again").containsExactly("a", "b", "b", "c");
            assertThat(runner.metrics().retries()).isEqualTo(1);
            assertThat(runner.metrics().deadLettered()).isZero();
            assertThat(runner.failure()).isNull();
        }
    }

    @Test
    void shouldDeadLetterARejectedArticleAndCommitPastIt(KafkaBroker broker) throws Exception {
        try (RuntimeFixture fixture = new RuntimeFixture(broker)) {
            fixture.publish(article("a", "first"), article("b", TestStages.REJECT), article("c", "third"));
            var handler = new TestStages.Recorder(fixture.topics);

            StageRunner<Article> runner = fixture.start(handler);

            assertThat(fixture.caughtUp(List.of(runner))).isTrue();
            assertThat(handler.calls).containsExactly("a", "b", "c");
            assertThat(runner.metrics().processed()).isEqualTo(2);
            assertThat(runner.metrics().deadLettered()).isEqualTo(1);
            assertThat(fixture.read(fixture.topics.dlq().name())).hasSize(1);
        }
    }

    @Test
    void shouldCountAFailedCommitAndHandTheArticlesOverAgainInsteadOfLosingThem(KafkaBroker broker) throws Exception {
        try (RuntimeFixture fixture = new RuntimeFixture(broker)) {
            fixture.publish(article("a", "first"), article("b", "second"));
            var handler = new TestStages.Recorder(fixture.topics);
            // Longer than max.poll.interval.ms: the group moves on while a is handled, so the commit after it fails.
            handler.firstCallSleepMillis = 4_000;
            StageRunner<Article> runner = fixture.start(handler, Map.of(), Map.of("max.poll.interval.ms", "1500"));

            assertThat(fixture.caughtUp(List.of(runner))).isTrue();
            assertThat(runner.metrics().commitFailures()).isPositive();
            assertThat(handler.calls.stream().filter("a"::equals)).as("handed over again after the failed commit").hasSize(2);
            assertThat(handler.calls).contains("b");
            assertThat(runner.failure()).isNull();
        }
    }

    @Test
    void shouldStopWithoutCommittingPastARecordWhoseDeadLetterTheBrokerRefused(KafkaBroker broker) throws Exception {
        try (RuntimeFixture fixture = new RuntimeFixture(broker)) {
            fixture.refuseDeadLetters();
            fixture.publish(article("a", "first"), article("b", TestStages.REJECT), article("c", "third"));
            var handler = new TestStages.Recorder(fixture.topics);

            StageRunner<Article> runner = fixture.start(handler);

            assertThat(RuntimeFixture.awaitFailure(runner)).hasMessageContaining("did not take the dead letter");
            TopicPartition raw = new TopicPartition(fixture.topics.raw().name(), 0);
            assertThat(fixture.groupOffsets(runner.groupId(), List.of(raw))).as("committed past a, not past b").containsEntry(raw, 1L);
            assertThat(handler.calls).containsExactly("a", "b");
        }
    }
}
