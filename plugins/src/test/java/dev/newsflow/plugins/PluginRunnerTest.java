package dev.newsflow.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.plugin.ArticleHandler;
import dev.newsflow.plugin.RetriableHandlerException;
import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealKafkaExtension.class)
class PluginRunnerTest {

    /** Fails retriably the first time it sees one chosen article; records every call. */
    static final class FlakyHandler implements ArticleHandler {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<String> closed = new CopyOnWriteArrayList<>();
        private final String flakyId;
        private boolean failed;

        FlakyHandler(String flakyId) {
            this.flakyId = flakyId;
        }

        @Override
        public String name() {
            return "flaky";
        }

        @Override
        public void handle(EnrichedArticle article) {
            calls.add(article.article().id());
            if (article.article().id().equals(flakyId) && !failed) {
                failed = true;
                throw new RetriableHandlerException("service unavailable");
            }
        }

        @Override
        public void close() {
            closed.add("closed");
        }
    }

    @Test
    void shouldRetryARetriableFailureWithoutDeadLetteringOrRepeatingTheArticlesAlreadyHandled(KafkaBroker broker) throws Exception {
        TestEvents events = new TestEvents(broker);
        // One key, so one partition: a, b, c in this order, in one batch.
        events.publishUnderKey("one-partition", TestEvents.enriched("a", "First", List.of(), List.of(), null),
                TestEvents.enriched("b", "Second", List.of(), List.of(), null),
                TestEvents.enriched("c", "Third", List.of(), List.of(), null));
        FlakyHandler handler = new FlakyHandler("b");

        try (PluginRunner runner = PluginRunner.create(handler, events.kafka, events.topics, events.stageConfig(), new SimpleMeterRegistry())) {
            new Thread(runner, "flaky-under-test").start();
            assertThat(runner.awaitCaughtUp(Duration.ofSeconds(60))).as("caught up").isTrue();
            assertThat(runner.failure()).isNull();
            assertThat(runner.groupId()).isEqualTo(events.pipeline + "-plugin-flaky");
            assertThat(runner.metrics().retries()).isPositive();
            assertThat(runner.metrics().deadLettered()).isZero();
        }

        assertThat(handler.calls.stream().filter("a"::equals)).as("a, handled before the failure, is not handled again").hasSize(1);
        assertThat(handler.calls.stream().filter("b"::equals)).as("b failed once, then succeeded").hasSize(2);
        assertThat(handler.calls.stream().filter("c"::equals)).hasSize(1);
        assertThat(handler.closed).as("the runner closes the handler when it stops").hasSize(1);
        assertThat(events.deadLetters(0)).isEmpty();
    }
}
