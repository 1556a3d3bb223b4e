package dev.newsflow.sources.http;

import java.net.URI;
import java.util.Objects;

/** The outcome of one fetch: a body, not modified, refused by robots.txt, or failed. Immutable. */
public sealed interface FetchResult permits FetchResult.Fetched, FetchResult.NotModified, FetchResult.Disallowed,
        FetchResult.Failed {

    /**
     * A 2xx answer.
     *
     * @param uri         where the body came from, after redirects
     * @param body        the body, decompressed, at most the size limit
     * @param contentType the {@code Content-Type} header, or null
     * @param validators  the answer's ETag and Last-Modified, for the next conditional GET
     */
    record Fetched(URI uri, byte[] body, String contentType, Validators validators) implements FetchResult {
        public Fetched {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(validators, "validators");
        }

        /** The body as text, in the charset the header, the page or detection gives. */
        public String text() {
            return PageCharset.decode(body, contentType);
        }
    }

    /** 304: the resource has not changed since the validators sent. */
    record NotModified(URI uri) implements FetchResult {
    }

    /** robots.txt of the host does not allow this URL to this user agent; nothing was requested. */
    record Disallowed(URI uri) implements FetchResult {
    }

    /**
     * No usable answer.
     *
     * @param reason what happened, one line: {@code HTTP 500}, {@code timed out after 30s}, ...
     */
    record Failed(URI uri, String reason) implements FetchResult {
    }
}
