package dev.newsflow.plugins;

import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.consumer.runtime.CatchUp;
import dev.newsflow.consumer.runtime.StageConfig;
import dev.newsflow.consumer.runtime.StageMetrics;
import dev.newsflow.consumer.runtime.StageRunner;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.plugin.ArticleHandler;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one configured {@link ArticleHandler} on the stage runtime with the at-least-once guarantee: consumer group
 * {@code <pipeline>-plugin-<name>} on the enriched topic, offsets committed to Kafka past what the handler
 * acknowledged, transient failures retried per article with backoff, rejected articles dead-lettered with
 * {@code dlq.stage = plugin-<name>}, meters {@code newsflow.stage.*{stage=plugin-<name>}}.
 *
 * <p>{@link #run()} runs the loop on the calling thread until {@link #close()}, which may be called from any
 * thread (a shutdown hook) and returns once the batch in progress is done, its offsets committed and the handler
 * closed.
 */
public final class PluginRunner implements Runnable, AutoCloseable {
    private final StageRunner<EnrichedArticle> runner;
    private final CatchUp catchUp;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PluginRunner(StageRunner<EnrichedArticle> runner, CatchUp catchUp) {
        this.runner = runner;
        this.catchUp = catchUp;
    }

    /**
     * A runner of {@code handler}, which it owns from now on: it closes the handler when it stops, or at once when
     * the runner cannot be created.
     */
    public static PluginRunner create(ArticleHandler handler, KafkaSettings kafka, PipelineTopics topics, StageConfig config,
                                      MeterRegistry registry) {
        PluginStage stage = new PluginStage(handler, topics.enriched());
        CatchUp catchUp = null;
        try {
            catchUp = new CatchUp(kafka);
            return new PluginRunner(new StageRunner<>(stage, kafka, topics.dlq(), config, registry), catchUp);
        } catch (RuntimeException e) {
            // Nothing runs yet: release what was opened, the handler included.
            closeAfterFailure(stage, e);
            if (catchUp != null) {
                closeAfterFailure(catchUp, e);
            }
            throw e;
        }
    }

    private static void closeAfterFailure(AutoCloseable resource, RuntimeException failure) {
        try {
            resource.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void run() {
        runner.run();
    }

    /** The consumer group, {@code <pipeline>-plugin-<name>}. */
    public String groupId() {
        return runner.groupId();
    }

    public String stageName() {
        return runner.stageName();
    }

    /** Articles handled and dead-lettered, counted once committed. */
    public StageMetrics metrics() {
        return runner.metrics();
    }

    /** Why the loop stopped on its own, or {@code null} while it runs or after a requested close. */
    public Throwable failure() {
        return runner.failure();
    }

    /**
     * Waits until the group's committed offsets have reached what the enriched topic holds now (see
     * {@link CatchUp}): every article published so far handled or dead-lettered.
     *
     * @return false when {@code timeout} passed first or the runner failed
     */
    public boolean awaitCaughtUp(Duration timeout) throws Exception {
        return catchUp.await(List.of(runner), timeout);
    }

    /** Stops the loop after the batch in progress and closes the handler; later calls do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            runner.close();
        } finally {
            catchUp.close();
        }
    }
}
