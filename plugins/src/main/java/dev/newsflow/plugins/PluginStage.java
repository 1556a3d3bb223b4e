package dev.newsflow.plugins;

import dev.newsflow.consumer.runtime.AtLeastOnceStage;
import dev.newsflow.consumer.runtime.InputRecord;
import dev.newsflow.consumer.runtime.TransientException;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.Topic;
import dev.newsflow.plugin.ArticleHandler;
import dev.newsflow.plugin.RetriableHandlerException;
import java.util.List;
import java.util.Objects;

/**
 * Runs an {@link ArticleHandler} as an at-least-once stage of the runtime: it consumes the enriched topic and hands
 * each article to the handler; the runner commits the group's offsets past what the handler acknowledged. The
 * handler's {@link RetriableHandlerException} is the runtime's transient failure (retried for this article alone);
 * any other exception dead-letters the article. Called from the runner's thread only.
 */
final class PluginStage implements AtLeastOnceStage<EnrichedArticle> {
    private final ArticleHandler handler;
    private final Topic<EnrichedArticle> enriched;

    PluginStage(ArticleHandler handler, Topic<EnrichedArticle> enriched) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.enriched = Objects.requireNonNull(enriched, "enriched");
    }

    /** The stage name of plug-in {@code pluginName}: {@code plugin-<name>}. */
    static String stageName(String pluginName) {
        return "plugin-" + pluginName;
    }

    @Override
    public String name() {
        return stageName(handler.name());
    }

    @Override
    public List<Topic<? extends EnrichedArticle>> inputs() {
        return List.of(enriched);
    }

    @Override
    public void handle(InputRecord<EnrichedArticle> input) throws Exception {
        try {
            handler.handle(input.event());
        } catch (RetriableHandlerException e) {
            throw new TransientException("plug-in " + handler.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws Exception {
        handler.close();
    }
}
