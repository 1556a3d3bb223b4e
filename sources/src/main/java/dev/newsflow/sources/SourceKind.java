package dev.newsflow.sources;

import java.util.Locale;

/** What a source is, as written in the sources file ({@code kind: feed}). */
public enum SourceKind {
    /** An RSS 0.9x/1.0/2.0 or Atom feed at a URL. */
    FEED,
    /** A sitemap or sitemap index at a URL (news sitemaps give titles and dates too); pages give the text. */
    SITEMAP,
    /** A local folder of article files ({@code .txt}, {@code .jsonl}, feeds), read as {@code produce} reads them. */
    FOLDER;

    /** The name used in the sources file. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
