package dev.newsflow.enrich.text;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What enrichment has worked out for a word (its stem, the tagger's summed weights), kept across articles.
 * Bounded: when full it forgets everything and starts again, which keeps what a run of news repeats (a few
 * thousand words make most of it) without an eviction order to maintain. Thread-safe: the threads that enrich a
 * batch share one, and a word two of them work out at once is worked out twice, to the same value.
 *
 * @param <V> what is kept of a word; never null, and not to be changed once kept
 */
public final class WordCache<V> {
    /** Words kept at most: some 10 MB for the tagger's weights (about 300 bytes a word), less for stems. */
    static final int CAPACITY = 32_768;

    private final Map<String, V> words = new ConcurrentHashMap<>();

    /** What is kept of {@code word}, or null when nothing is. */
    public V get(String word) {
        return words.get(word);
    }

    /** Keeps {@code value} for {@code word}. */
    public void put(String word, V value) {
        if (words.size() >= CAPACITY) {
            words.clear();
        }
        words.put(word, value);
    }

    /** What is kept of {@code word}, worked out by {@code compute} (outside any lock) when nothing is. */
    public V get(String word, Function<String, V> compute) {
        V value = words.get(word);
        if (value == null) {
            value = compute.apply(word);
            put(word, value);
        }
        return value;
    }

    public int size() {
        return words.size();
    }
}
