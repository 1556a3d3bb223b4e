package dev.newsflow.events;

import static dev.newsflow.events.Fields.optional;
import static dev.newsflow.events.Fields.required;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * A news article as it enters the pipeline: the value of the raw and unique topics ({@link PipelineTopics}).
 *
 * <p>{@code id}, {@code title} and {@code body} are required and never blank; every other field may be
 * {@code null}. The body keeps its paragraphs, separated by blank lines. Immutable and thread-safe.
 *
 * @param id          stable identifier: the same source item always yields the same id
 * @param title       headline
 * @param body        text, paragraphs separated by {@code "\n\n"}
 * @param author      byline author, or {@code null}
 * @param source      agency or channel (for example {@code UzA}), or {@code null}
 * @param publishedAt publication time with the agency's offset, or {@code null}
 * @param url         link to the original, or {@code null}
 * @param language    language declared by the source (ISO 639-1), or {@code null}; enrich detects its own
 * @param origin      where the producer read it (file name, feed URL), or {@code null}
 * @param extraction  for articles of a polled source that fetches pages: whether the body is the page's text or
 *                    the feed's; {@code null} otherwise (and then left out of the JSON)
 */
public record Article(
        String id,
        String title,
        String body,
        String author,
        String source,
        OffsetDateTime publishedAt,
        String url,
        String language,
        String origin,
        @JsonInclude(JsonInclude.Include.NON_NULL) Extraction extraction) {

    public static final int MAX_ID_LENGTH = 200;
    public static final int MAX_TITLE_LENGTH = 2_000;
    /** About 1 MB of text: a larger body is not a news article but a mistake upstream. */
    public static final int MAX_BODY_LENGTH = 1_000_000;
    private static final int MAX_SHORT_FIELD = 500;
    private static final int MAX_URL_LENGTH = 4_000;

    public Article {
        id = required("id", id, MAX_ID_LENGTH);
        title = required("title", title, MAX_TITLE_LENGTH);
        body = required("body", body, MAX_BODY_LENGTH);
        author = optional("author", author, MAX_SHORT_FIELD);
        source = optional("source", source, MAX_SHORT_FIELD);
        url = optional("url", url, MAX_URL_LENGTH);
        language = optional("language", language, 16);
        origin = optional("origin", origin, MAX_URL_LENGTH);
    }

    /** An article that says nothing of extraction, as every producer but the source poller makes. */
    public Article(String id, String title, String body, String author, String source, OffsetDateTime publishedAt,
                   String url, String language, String origin) {
        this(id, title, body, author, source, publishedAt, url, language, origin, null);
    }

    /** The title and body as one text, the unit that dedupe and enrich look at. */
    public String fullText() {
        return title + "\n\n" + body;
    }
}
