package dev.newsflow.enrich.ner;

import dev.newsflow.events.EntityType;
import java.util.List;
import java.util.Objects;

/**
 * One sentence of a labelled NER corpus: its tokens and the gold entities as token spans. Immutable.
 *
 * @param tokens   the words, never empty
 * @param entities gold entities, token offsets into {@code tokens}
 */
public record LabeledSentence(List<String> tokens, List<TokenSpan> entities) {

    public LabeledSentence {
        tokens = List.copyOf(tokens);
        entities = List.copyOf(entities);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("a labelled sentence needs at least one token");
        }
        for (TokenSpan span : entities) {
            if (span.end() > tokens.size()) {
                throw new IllegalArgumentException("entity " + span + " runs past the " + tokens.size() + " tokens");
            }
        }
    }

    /**
     * An entity over tokens {@code start} (inclusive) to {@code end} (exclusive).
     */
    public record TokenSpan(int start, int end, EntityType type) {
        public TokenSpan {
            Objects.requireNonNull(type, "type");
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("token span needs 0 <= start < end, was " + start + ".." + end);
            }
        }
    }
}
