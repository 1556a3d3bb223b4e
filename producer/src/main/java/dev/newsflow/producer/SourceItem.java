package dev.newsflow.producer;

import dev.newsflow.events.Article;
import java.util.Objects;

/** One outcome of reading an input: an article, or a failure that says where and why. Immutable. */
public sealed interface SourceItem permits SourceItem.Parsed, SourceItem.Failed {

    /** An article read from {@code article.origin()}. */
    record Parsed(Article article) implements SourceItem {
        public Parsed {
            Objects.requireNonNull(article, "article");
        }
    }

    /**
     * An input that could not be read.
     *
     * @param location the file, or {@code file:line} for one line of a JSON Lines file
     * @param reason   what is wrong, one line
     */
    record Failed(String location, String reason) implements SourceItem {
        public Failed {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(reason, "reason");
        }

        /** {@code location: reason}, the line printed to the user. */
        public String message() {
            return location + ": " + reason;
        }
    }
}
