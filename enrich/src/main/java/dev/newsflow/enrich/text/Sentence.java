package dev.newsflow.enrich.text;

import java.util.List;

/**
 * One sentence of a field: its offsets and tokens. Immutable.
 *
 * @param start  offset of the sentence's first character in its field
 * @param end    offset after its last non-space character
 * @param tokens its tokens, offsets relative to the field
 */
public record Sentence(int start, int end, List<Token> tokens) {
    public Sentence {
        tokens = List.copyOf(tokens);
    }

    /** Words (tokens with a letter or digit). */
    public int wordCount() {
        int words = 0;
        for (Token token : tokens) {
            if (token.isWord()) {
                words++;
            }
        }
        return words;
    }
}
