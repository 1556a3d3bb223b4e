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
 * hashes each n-gram straight from it and finds it in a {@link FeatureHashes} table; the scores are then
 * {@link GISModel}'s evaluation over the model's weights laid out flat ({@link FlatWeights}). Only the order in
 * which n-gram weights are summed differs (probabilities agree to about 1e-12). A text holding a surrogate goes
 * to {@link LanguageDetectorME}, since OpenNLP lower-cases each n-gram apart and may split a pair. Thread-safe.
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
    private final UniformPrior prior = new UniformPrior();
    private final String[] outcomes;
    private final FlatWeights weights;

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
        this.prior.setLabels(outcomes, null);
        this.weights = new FlatWeights(contexts, outcomes.length);
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
        eval(context, scores);
        Language[] ranked = new Language[outcomes.length];
        for (int i = 0; i < ranked.length; i++) {
            ranked[i] = new Language(outcomes[i], scores[i]);
        }
        Arrays.sort(ranked, (a, b) -> Double.compare(b.getConfidence(), a.getConfidence()));
        return ranked;
    }

    /**
     * {@link GISModel#eval(int[], double[], EvalParameters)}'s arithmetic in its order: each row's weights added
     * to the scores, then the scores' exponentials normalized to probabilities.
     */
    private void eval(int[] rows, double[] scores) {
        weights.addTo(rows, scores);
        double normal = 0.0;
        for (int i = 0; i < scores.length; i++) {
            scores[i] = StrictMath.exp(scores[i]);
            normal += scores[i];
        }
        for (int i = 0; i < scores.length; i++) {
            scores[i] /= normal;
        }
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

    /**
     * The model's weights laid out flat: those of n-gram row {@code r} are {@code weights[starts[r] ..
     * starts[r + 1])}, for the languages {@code languages[starts[r] ..]} in the model's order. OpenNLP keeps each
     * row as an object holding two arrays, three places in memory a row where this has one or two: summing the
     * weights of a text's distinct n-grams was most of the detector's time, waiting on memory. A row with weights
     * for at least {@link #DENSE_LANGUAGES} languages (the common n-grams, found in nearly every text) is dense
     * instead, a weight for every language in order, 0 where the model has none, summed in a loop the compiler
     * vectorizes; adding 0.0 leaves a score as it was, so the sums are the model's to the bit. Immutable.
     */
    private static final class FlatWeights {
        private static final int DENSE_LANGUAGES = 64;

        private final int[] starts;
        private final boolean[] dense;
        private final byte[] languages;
        private final double[] weights;

        FlatWeights(Context[] rows, int languageCount) {
            if (languageCount > 256) {
                throw new IllegalArgumentException("expected at most 256 languages, the model has " + languageCount);
            }
            starts = new int[rows.length + 1];
            dense = new boolean[rows.length];
            for (int r = 0; r < rows.length; r++) {
                dense[r] = rows[r].getOutcomes().length >= DENSE_LANGUAGES;
                starts[r + 1] = starts[r] + (dense[r] ? languageCount : rows[r].getOutcomes().length);
            }
            languages = new byte[starts[rows.length]];
            weights = new double[starts[rows.length]];
            for (int r = 0; r < rows.length; r++) {
                int[] rowLanguages = rows[r].getOutcomes();
                double[] rowWeights = rows[r].getParameters();
                for (int k = 0; k < rowLanguages.length; k++) {
                    if (dense[r]) {
                        weights[starts[r] + rowLanguages[k]] = rowWeights[k];
                    } else {
                        languages[starts[r] + k] = (byte) rowLanguages[k];
                        weights[starts[r] + k] = rowWeights[k];
                    }
                }
            }
        }

        /** Adds the weights of each of {@code rows}, in order, to the scores of their languages. */
        void addTo(int[] rows, double[] scores) {
            for (int row : rows) {
                int start = starts[row];
                if (dense[row]) {
                    for (int language = 0; language < scores.length; language++) {
                        scores[language] += weights[start + language];
                    }
                } else {
                    for (int k = start; k < starts[row + 1]; k++) {
                        scores[languages[k] & 0xFF] += weights[k];
                    }
                }
            }
        }
    }
}
