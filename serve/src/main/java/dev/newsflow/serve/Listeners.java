package dev.newsflow.serve;

import dev.newsflow.events.EnrichedArticle;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listener list shared by the feeds: safe to change while an article is being delivered. */
final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final CopyOnWriteArrayList<ArticleFeed.Listener> listeners = new CopyOnWriteArrayList<>();

    ArticleFeed.Subscription add(ArticleFeed.Listener listener) {
        if (listener == null) {
            throw new NullPointerException("listener");
        }
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void deliver(EnrichedArticle article) {
        for (ArticleFeed.Listener listener : listeners) {
            try {
                listener.onArticle(article);
            } catch (RuntimeException e) {
                // one failing listener (a closed browser) must not starve the others
                LOG.warn("Listener {} failed on article {}: {}", listener, article.article().id(), e.toString());
            }
        }
    }

    void clear() {
        listeners.clear();
    }
}
