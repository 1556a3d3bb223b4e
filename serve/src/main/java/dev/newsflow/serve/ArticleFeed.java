package dev.newsflow.serve;

import dev.newsflow.events.EnrichedArticle;

/**
 * A live source of newly enriched articles: {@link KafkaArticleFeed} tails the topic, {@link DirectArticleFeed}
 * is fed in process. Listeners are called on the feed's own thread, one article at a time, in arrival order;
 * a listener must return quickly and must not throw (an exception is logged and the next listener still runs).
 * Implementations are thread-safe.
 */
public interface ArticleFeed extends AutoCloseable {

    /** Receives each article that arrives after subscribing. */
    @FunctionalInterface
    interface Listener {
        void onArticle(EnrichedArticle article);
    }

    /** Registers a listener; closing the returned handle unregisters it. */
    Subscription subscribe(Listener listener);

    /** Stops the feed; listeners receive nothing more. Idempotent. */
    @Override
    void close();

    /** Ends one subscription. Idempotent. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
