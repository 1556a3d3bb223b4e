package dev.newsflow.sources;

import java.time.Instant;

/**
 * What is remembered of one item (a feed entry, a sitemap URL, a file) of a source. Immutable.
 *
 * @param id           the article id it was published under
 * @param stamp        what the listing said of it when last handled (date, title, text); a change means the page
 *                     is read again
 * @param hash         hash of the title and body published, or null while nothing could be published
 * @param firstSeenAt  when it was first published
 * @param pageAttempts polls at which its page could not be fetched and there was no feed text to fall back on
 */
record ItemState(String id, String stamp, String hash, Instant firstSeenAt, int pageAttempts) {
}
