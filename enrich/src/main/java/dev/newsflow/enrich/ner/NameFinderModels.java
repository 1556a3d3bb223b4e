package dev.newsflow.enrich.ner;

import dev.newsflow.events.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;

/**
 * Conversions between {@link LabeledSentence} and OpenNLP name samples and spans; the type names inside a
 * model are the lower-case {@link EntityType} names. Stateless and thread-safe.
 */
public final class NameFinderModels {

    /** Where the shipped models and feature descriptors live on the class path. */
    public static final String RESOURCE_DIR = "/dev/newsflow/enrich/ner/";
    /** The feature descriptor of the maxent models {@code TrainNer} trains. */
    public static final String FEATURES_RESOURCE = RESOURCE_DIR + "ner-features.xml";

    private NameFinderModels() {
    }

    static NameSample toSample(LabeledSentence sentence) {
        Span[] names = sentence.entities().stream()
                .map(e -> new Span(e.start(), e.end(), typeName(e.type())))
                .toArray(Span[]::new);
        return new NameSample(sentence.tokens().toArray(String[]::new), names, true);
    }

    static String typeName(EntityType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /** The entity type of a model's span type, or null when the model emits a type we do not know. */
    static EntityType typeOf(String modelType) {
        if (modelType == null) {
            return null;
        }
        try {
            return EntityType.valueOf(modelType.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Runs the finder on one sentence, as one document (adaptive data cleared after it). */
    static List<LabeledSentence.TokenSpan> find(NameFinderME finder, List<String> tokens) {
        Span[] spans = finder.find(tokens.toArray(String[]::new));
        finder.clearAdaptiveData();
        List<LabeledSentence.TokenSpan> out = new ArrayList<>(spans.length);
        for (Span span : spans) {
            EntityType type = typeOf(span.getType());
            if (type != null) {
                out.add(new LabeledSentence.TokenSpan(span.getStart(), span.getEnd(), type));
            }
        }
        return out;
    }

    /** Scores a finder on labelled sentences. */
    public static NerScore score(NameFinderME finder, List<LabeledSentence> sentences) {
        NerScore score = new NerScore();
        for (LabeledSentence sentence : sentences) {
            score.add(sentence.entities(), find(finder, sentence.tokens()));
        }
        return score;
    }
}
