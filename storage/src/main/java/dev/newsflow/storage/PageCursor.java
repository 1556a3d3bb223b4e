package dev.newsflow.storage;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Position after the last article of a page in newest-first order (sort time, then id), encoded as an
 * opaque URL-safe string. Keyset pagination: a page never skips or repeats rows when new articles arrive.
 */
record PageCursor(long sortMs, String id) {
    private static final char SEPARATOR = ':';

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((sortMs + String.valueOf(SEPARATOR) + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor this class encoded */
    static PageCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = plain.indexOf(SEPARATOR);
            if (separator <= 0 || separator == plain.length() - 1) {
                throw new IllegalArgumentException("no separator");
            }
            return new PageCursor(Long.parseLong(plain.substring(0, separator)), plain.substring(separator + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor is not valid: use the nextCursor of the previous page", e);
        }
    }
}
