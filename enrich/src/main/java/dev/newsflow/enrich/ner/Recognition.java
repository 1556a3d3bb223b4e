package dev.newsflow.enrich.ner;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The entities a recognizer found in one sentence, and how sure it is of any span of that sentence: for a CRF,
 * the marginal probability of the span's labels (the least of its tokens'), so that a span added by another
 * source (the gazetteer, a rule) can be scored too. Immutable when its confidence function is.
 *
 * @param spans      the entities found, as {@link EntityRecognizer#recognize} gives them
 * @param confidence the recognizer's probability, 0..1, that a span of the sentence is an entity of its type
 */
public record Recognition(List<LabeledSentence.TokenSpan> spans, ToDoubleFunction<LabeledSentence.TokenSpan> confidence) {
    public Recognition {
        spans = List.copyOf(spans);
    }
}
