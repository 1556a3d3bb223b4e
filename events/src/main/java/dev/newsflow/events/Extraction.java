package dev.newsflow.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an article's body came from when a poller could fetch its page: the page or, failing that, the feed. */
public enum Extraction {
    /** The article text extracted from the page. */
    PAGE,
    /** The feed's own text: the page could not be fetched or read, or gave less than the feed. */
    FEED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
