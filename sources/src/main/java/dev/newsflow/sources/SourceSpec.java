package dev.newsflow.sources;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * One source as the sources file describes it, validated. Immutable.
 *
 * @param name     unique among the sources; names the source in logs, metrics, {@code /api/sources} and state
 * @param kind     feed, sitemap or folder
 * @param url      where a feed or sitemap is (http or https); {@code null} for a folder
 * @param path     the folder; {@code null} for a feed or sitemap
 * @param every    how often it is polled (jittered)
 * @param fullText whether each item's page is fetched and its article text extracted
 * @param language ISO 639-1 hint for articles whose page declares none, or {@code null}
 * @param source   the articles' {@code source} when the page names no publisher
 * @param maxAge   items older than this (by their date) are skipped, or {@code null} to take all
 */
public record SourceSpec(String name, SourceKind kind, URI url, Path path, Duration every, boolean fullText,
                         String language, String source, Duration maxAge) {
    public SourceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(every, "every");
        Objects.requireNonNull(source, "source");
        if ((kind == SourceKind.FOLDER) != (path != null) || (kind == SourceKind.FOLDER) == (url != null)) {
            throw new IllegalArgumentException("a folder has a path and no url; a feed or sitemap a url and no path");
        }
    }

    /** The URL or the folder, as the user wrote it. */
    public String location() {
        return url != null ? url.toString() : path.toString();
    }
}
