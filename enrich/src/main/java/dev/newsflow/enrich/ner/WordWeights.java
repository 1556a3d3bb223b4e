package dev.newsflow.enrich.ner;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@link CrfTagger#tagWords} keeps of each word it has seen: per offset of the feature windows, the summed
 * weights of the features the word makes there. Bounded: when full it forgets everything and starts again, which
 * keeps what a run of news repeats (a few thousand words make most of it) without an eviction order to maintain.
 * For one tagger and its descriptor. Thread-safe: the threads that enrich a batch share it, and a word two of
 * them sum at once is summed twice to the same weights.
 */
final class WordWeights {
    /** About 300 bytes a word with seven labels and seven offsets, the word included: some 10 MB at most. */
    static final int CAPACITY = 32_768;

    private final Map<String, float[]> words = new ConcurrentHashMap<>();

    /** The summed weights of {@code word}, or null when it is not kept. */
    float[] get(String word) {
        return words.get(word);
    }

    /** Keeps the summed weights of {@code word}; they must not change afterwards. */
    void put(String word, float[] summed) {
        if (words.size() >= CAPACITY) {
            words.clear();
        }
        words.put(word, summed);
    }

    int size() {
        return words.size();
    }
}
