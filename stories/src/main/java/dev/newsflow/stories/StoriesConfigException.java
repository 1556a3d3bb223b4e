package dev.newsflow.stories;

/**
 * A stories setting is missing, malformed or out of range. The message and {@link #key()} name the offending
 * key (for example {@code stories.threshold.join}).
 */
public final class StoriesConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public StoriesConfigException(String key, String problem) {
        super("invalid stories setting '" + key + "': " + problem);
        this.key = key;
    }

    /** The configuration key at fault, never {@code null}. */
    public String key() {
        return key;
    }
}
