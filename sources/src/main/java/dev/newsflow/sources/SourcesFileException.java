package dev.newsflow.sources;

/** A sources file that cannot be used; the message names the file, the source and the field, on one line. */
public final class SourcesFileException extends IllegalArgumentException {
    public SourcesFileException(String message) {
        super(message);
    }
}
