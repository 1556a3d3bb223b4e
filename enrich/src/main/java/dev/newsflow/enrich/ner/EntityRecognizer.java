package dev.newsflow.enrich.ner;

import java.util.List;

/**
 * Finds named entities in one tokenized sentence. Implementations must be thread-safe: one instance serves
 * every enriching thread. Plug a better recognizer in through
 * {@link dev.newsflow.enrich.Enrichers#create(dev.newsflow.enrich.EnrichConfig, EntityRecognizer)}.
 */
public interface EntityRecognizer {

    /**
     * Entities of one sentence.
     *
     * @param language ISO 639-1 code of the text ({@code "und"} when unknown)
     * @param tokens   the sentence's tokens, in the script and spelling of the language's training data
     * @return token spans over {@code tokens}, non-overlapping, never null (empty when none or when the
     *         language is not supported)
     */
    List<LabeledSentence.TokenSpan> recognize(String language, List<String> tokens);

    /**
     * Entities of one sentence with the recognizer's confidence in any span of it. This default, for a
     * recognizer without probabilities, is sure of the spans it found and of nothing else.
     */
    default Recognition recognizeScored(String language, List<String> tokens) {
        List<LabeledSentence.TokenSpan> spans = recognize(language, tokens);
        return new Recognition(spans, span -> spans.contains(span) ? 1.0 : 0.0);
    }
}
