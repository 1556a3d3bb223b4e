package dev.newsflow.sources.http;

/**
 * What a server said about a resource's version, sent back in a conditional GET ({@code If-None-Match},
 * {@code If-Modified-Since}) so that an unchanged resource costs a 304 and no body. Either may be null. Immutable.
 */
public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
