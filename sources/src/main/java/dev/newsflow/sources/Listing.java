package dev.newsflow.sources;

import dev.newsflow.events.Article;
import dev.newsflow.sources.http.Validators;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** What one poll of a source's listing (feed, sitemap, folder) gave. Immutable. */
sealed interface Listing permits Listing.Items, Listing.Unchanged, Listing.Failed {

    /**
     * The listing was read.
     *
     * @param items      every item it lists
     * @param validators the validators to send next time, by listing URL
     * @param fetches    HTTP requests it took
     */
    record Items(List<Item> items, Map<String, Validators> validators, int fetches) implements Listing {
        public Items {
            items = List.copyOf(items);
            validators = Map.copyOf(validators);
        }
    }

    /** The server said 304 Not Modified to every listing URL. */
    record Unchanged(int fetches) implements Listing {
    }

    /** The listing could not be read; {@code reason} says why on one line. */
    record Failed(String reason, int fetches) implements Listing {
    }

    /** One thing a listing names. */
    sealed interface Item permits Link, Parsed {
        /** Identifies the item within its source: a guid, a URL, an article id. */
        String key();

        /** What the listing says of it; when it changes, the item is read again. */
        String stamp();

        /** The item's date, if the listing gives one. */
        OffsetDateTime date();
    }

    /** A feed entry or sitemap URL: a link to a page, with what the listing tells of it (any of it may be null). */
    record Link(String key, String id, String link, String title, String text, String author, OffsetDateTime date,
                String language, String stamp) implements Item {
    }

    /** An article read whole from a file of a folder source. */
    record Parsed(String key, Article article, String stamp) implements Item {
        @Override
        public OffsetDateTime date() {
            return article.publishedAt();
        }
    }
}
