package dev.newsflow.storage;

import java.util.List;
import java.util.Objects;

/**
 * The most active stories of a window: the {@code hours} up to {@code until}, the time of the latest article given a
 * story (now, for a live feed; the archive's last hours for a backfill). Ranked by the independent outlets that
 * published an original article of the story in the window, then its articles in the window, then the latest
 * activity, then id. Immutable.
 *
 * @param hours   the window's length
 * @param until   its end, ISO-8601 UTC; null when no article has a story yet
 * @param stories best first
 */
public record TopStories(int hours, String until, List<Ranked> stories) {

    public TopStories {
        stories = List.copyOf(stories);
    }

    /**
     * A story and its activity in the window.
     *
     * @param story    the story as it stands
     * @param articlesInWindow its articles seen in the window
     * @param outletsInWindow  distinct outlets of its original articles seen in the window
     */
    public record Ranked(StoredStory story, long articlesInWindow, long outletsInWindow) {
        public Ranked {
            Objects.requireNonNull(story, "story");
        }
    }
}
