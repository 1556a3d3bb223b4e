package dev.newsflow.dedupe;

/**
 * A dedupe setting is missing, malformed or out of range. The message and {@link #key()} name the
 * offending key (for example {@code dedupe.lsh.bands}).
 */
public final class DedupeConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public DedupeConfigException(String key, String problem) {
        super("invalid dedupe setting '" + key + "': " + problem);
        this.key = key;
    }

    /** The configuration key at fault, never {@code null}. */
    public String key() {
        return key;
    }
}
