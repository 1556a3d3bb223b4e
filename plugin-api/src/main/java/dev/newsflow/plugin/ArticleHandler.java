package dev.newsflow.plugin;

import dev.newsflow.events.EnrichedArticle;
import java.util.Map;

/**
 * A consumer of enriched articles: the one interface a plug-in implements. The newsflow runtime
 * ({@code newsflow consume --plugin NAME}) does everything else: it reads {@code news.articles.enriched} in the
 * consumer group {@code <pipeline>-plugin-<name>}, commits offsets past the articles handled, retries transient
 * failures of one article with backoff, dead-letters articles the handler rejects, counts what it did, and stops
 * gracefully.
 *
 * <p>Found through {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/dev.newsflow.plugin.ArticleHandler} of a jar on the class path) or by its fully
 * qualified class name; either way it needs a public no-argument constructor.
 *
 * <p>Lifecycle: constructed, {@link #configure} once, then {@link #handle} for each article, then
 * {@link #close()}. All calls come from one runtime thread, so an implementation needs no locking.
 *
 * <p>Delivery is at least once: after a crash or a rebalance an article may be handled again, so a handler
 * should be idempotent where it matters (for example, key writes by {@code article().id()}).
 */
public interface ArticleHandler extends AutoCloseable {

    /**
     * Short name, unique among plug-ins: lower case letters, digits and dashes (for example {@code jsonl}).
     * It names the consumer group, the metrics and the {@code dlq.stage} header ({@code plugin-<name>}).
     */
    String name();

    /**
     * Receives the plug-in's settings (the {@code --set key=value} pairs that are not runtime settings), before
     * the first article. Reject keys you do not know, so that a user's typo is not silently ignored.
     *
     * @throws IllegalArgumentException with a message naming the offending key when a setting is missing, unknown or
     *                                  invalid
     */
    default void configure(Map<String, String> settings) {
    }

    /**
     * Handles one article. Returning normally means done: its offset may be committed.
     *
     * @throws RetriableHandlerException when trying the same article again later can succeed (a service is
     *                                   unavailable): the runtime retries with backoff and stops when the
     *                                   attempts are spent, never skipping the article
     * @throws Exception                 any other failure means this article cannot be handled: it goes to the
     *                                   dead-letter topic with the error and the runtime carries on
     */
    void handle(EnrichedArticle article) throws Exception;

    /** Releases what the handler holds (files, connections). Called once, after the last {@link #handle}. */
    @Override
    default void close() throws Exception {
    }
}
