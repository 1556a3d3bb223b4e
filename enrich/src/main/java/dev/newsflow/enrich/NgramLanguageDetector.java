package dev.newsflow.enrich;

import dev.newsflow.enrich.text.FeatureHashes;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.EvalParameters;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.model.UniformPrior;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;

/**
 * OpenNLP's {@link LanguageDetectorME#predictLanguages} over the same model, n-grams and arithmetic, at a
 * fraction of the cost: OpenNLP makes a lower-cased String of each of the ~900 character n-grams of a
 * 300-character text and looks each up in the model's hash map, where this class lower-cases the text once,
 * hashes each n-gram straight from it and finds it in a {@link FeatureHashes} table; the scores then come from
 * {@link GISModel}'s own evaluation. Only the order in which n-gram weights are summed differs (probabilities
 * agree to about 1e-12). A text holding a surrogate goes to {@link LanguageDetectorME}, since OpenNLP
 * lower-cases each n-gram apart and may split a pair. Thread-safe.
 */
final class NgramLanguageDetector {
    private static final int MIN_GRAM = 1;
    private static final int MAX_GRAM = 3;

    /**
     * The normalization of OpenNLP's {@code LanguageDetectorFactory.getContextGenerator()}: emoji, then links and
     * e-mail addresses, Twitter marks, numbers, repeated letters and spaces. The pass over links and addresses
     * is skipped for a text without {@code "://"} and {@code '@'}, which neither of its patterns can match
     * without: the address pattern, tried at every word, cost about a tenth of the detector's time on news.
     */
    private static CharSequence normalize(CharSequence text) {
        CharSequence normalized = EmojiCharSequenceNormalizer.getInstance().normalize(text);
        String withoutEmoji = normalized.toString();
        if (withoutEmoji.indexOf('@') >= 0 || withoutEmoji.contains("://")) {
            normalized = UrlCharSequenceNormalizer.getInstance().normalize(withoutEmoji);
        }
        normalized = TwitterCharSequenceNormalizer.getInstance().normalize(normalized);
        normalized = NumberCharSequenceNormalizer.getInstance().normalize(normalized);
        return ShrinkCharSequenceNormalizer.getInstance().normalize(normalized);
    }

    private final ThreadLocal<LanguageDetectorME> fallback;
    private final FeatureHashes grams;
    private final EvalParameters parameters;
    private final UniformPrior prior = new UniformPrior();
    private final String[] outcomes;

    NgramLanguageDetector(LanguageDetectorModel model) {
        MaxentModel maxent = model.getMaxentModel();
        if (!(maxent instanceof GISModel gis)) {
            throw new IllegalArgumentException("expected a GIS language model, got " + maxent.getClass().getName());
        }
        Object[] data = gis.getDataStructures();
        Context[] contexts = (Context[]) data[0];
        @SuppressWarnings("unchecked")
        Map<String, Context> predicates = (Map<String, Context>) data[1];
        this.outcomes = (String[]) data[2];
        this.parameters = new EvalParameters(contexts, outcomes.length);
        this.prior.setLabels(outcomes, null);
        Map<Context, Integer> rows = new IdentityHashMap<>();
        for (int i = 0; i < contexts.length; i++) {
            rows.put(contexts[i], i);
        }
        this.grams = new FeatureHashes(predicates.size());
        predicates.forEach((gram, context) -> grams.put(gram, rows.get(context)));
        this.fallback = ThreadLocal.withInitial(() -> new LanguageDetectorME(model));
    }

    /** Every language of the model with its probability, most likely first (as OpenNLP ranks them). */
    Language[] predictLanguages(CharSequence text) {
        char[] lower = lowerCase(normalize(text));
        if (lower == null) {
            return fallback.get().predictLanguages(text);
        }
        double[] scores = new double[outcomes.length];
        int[] context = knownGrams(lower);
        prior.logPrior(scores, context);
        GISModel.eval(context, scores, parameters);
        Language[] ranked = new Language[outcomes.length];
        for (int i = 0; i < ranked.length; i++) {
            ranked[i] = new Language(outcomes[i], scores[i]);
        }
        Arrays.sort(ranked, (a, b) -> Double.compare(b.getConfidence(), a.getConfidence()));
        return ranked;
    }

    /** The model rows of the distinct n-grams of {@code text} that the model knows, each once. */
    private int[] knownGrams(char[] text) {
        int[] rows = new int[Math.max(1, text.length * (MAX_GRAM - MIN_GRAM + 1))];
        int count = 0;
        for (int length = MIN_GRAM; length <= MAX_GRAM; length++) {
            for (int start = 0; start + length <= text.length; start++) {
                rows[count++] = grams.find(FeatureHashes.hash(text, start, start + length));
            }
        }
        return FeatureHashes.distinctKnown(rows, count);
    }

    /**
     * The text lower-cased code point by code point, as OpenNLP lower-cases each n-gram, or {@code null} when it
     * holds a surrogate (or a character whose lower case is not one UTF-16 unit).
     */
    private static char[] lowerCase(CharSequence text) {
        char[] chars = new char[text.length()];
        for (int i = 0; i < chars.length; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                return null;
            }
            int lower = Character.toLowerCase((int) c);
            if (lower > Character.MAX_VALUE) {
                return null;
            }
            chars[i] = (char) lower;
        }
        return chars;
    }
}
