package dev.newsflow.enrich.ner;

import java.util.HashMap;
import java.util.Map;

/**
 * What {@link CrfTagger#tagWords} keeps of each word it has seen: per offset of the feature windows, the summed
 * weights of the features the word makes there. Bounded: when full it forgets everything and starts again, which
 * keeps what a run of news repeats (a few thousand words make most of it) without an eviction order to maintain.
 * For one tagger and one descriptor; not thread-safe, one per thread.
 */
final class WordWeights {
    /** About 200 bytes a word with seven labels and seven offsets: some 7 MB at most. */
    static final int CAPACITY = 32_768;

    private final Map<String, float[]> words = new HashMap<>();

    float[] get(String word) {
        return words.get(word);
    }

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
