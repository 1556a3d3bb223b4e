package dev.newsflow.serve;

import dev.newsflow.events.EnrichedArticle;
import java.util.Objects;

/**
 * An {@link ArticleFeed} fed in process by {@link #publish}: for a single-process pipeline that already holds
 * the articles, and for tests of the page. Listeners run on the publishing thread. Thread-safe.
 */
public final class DirectArticleFeed implements ArticleFeed {
    private final Listeners listeners = new Listeners();
    private volatile boolean closed;

    @Override
    public Subscription subscribe(Listener listener) {
        return listeners.add(listener);
    }

    /** Delivers the article to every current listener; ignored after {@link #close()}. */
    public void publish(EnrichedArticle article) {
        Objects.requireNonNull(article, "article");
        if (!closed) {
            listeners.deliver(article);
        }
    }

    @Override
    public void close() {
        closed = true;
        listeners.clear();
    }
}
