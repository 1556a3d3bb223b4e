package dev.newsflow.enrich.ner;

import dev.newsflow.enrich.text.WordCache;
import dev.newsflow.events.EntityType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/**
 * An {@link EntityRecognizer} over one linear-chain CRF ({@link CrfTagger}) per language, with BIO labels
 * ({@code B-PERSON}, {@code I-PERSON}, ..., {@code O}). Token features are those of the OpenNLP feature generators
 * named in each model, without previous-outcome features (label transitions are the CRF's own), made as hashes
 * by {@link HashedFeatures}. Models, and the weights of the words seen ({@link CrfTagger#tagWords}), are shared;
 * feature makers keep the sentence, so every thread gets its own.
 * Thread-safe.
 */
public final class CrfEntityRecognizer implements EntityRecognizer {
    static final String OUTSIDE = "O";
    private static final Set<String> NOT_CASE_SUFFIXES = Set.of("re", "ve", "an");
    private static final String VOWELS = "aeıioöuüəâîû";

    private final Map<String, CrfTagger> taggers;
    private final ThreadLocal<Map<String, HashedFeatures>> features = ThreadLocal.withInitial(HashMap::new);
    private final Map<String, WordCache<float[]>> wordWeights = new ConcurrentHashMap<>();

    public CrfEntityRecognizer(Map<String, CrfTagger> taggers) {
        this.taggers = Map.copyOf(taggers);
    }

    /**
     * Loads the model this module ships for each language given ({@code <lang>.crf} under
     * {@link NameFinderModels#RESOURCE_DIR}).
     *
     * @throws IllegalStateException when a language has no model on the class path
     */
    public static CrfEntityRecognizer loadShipped(Collection<String> languages) {
        Map<String, CrfTagger> taggers = new HashMap<>();
        for (String language : languages) {
            String resource = NameFinderModels.RESOURCE_DIR + language + ".crf";
            try (InputStream in = CrfEntityRecognizer.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("no NER model for '" + language + "' at class-path " + resource);
                }
                taggers.put(language, CrfTagger.read(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load NER model " + resource, e);
            }
        }
        return new CrfEntityRecognizer(taggers);
    }

    @Override
    public List<LabeledSentence.TokenSpan> recognize(String language, List<String> tokens) {
        CrfTagger tagger = taggers.get(language);
        if (tagger == null || tokens.isEmpty()) {
            return List.of();
        }
        HashedFeatures hashed = features.get().computeIfAbsent(language, l -> HashedFeatures.compile(tagger.featureDescriptor()));
        WordCache<float[]> seen = wordWeights.computeIfAbsent(language, l -> new WordCache<>());
        String[] words = tokens.toArray(String[]::new);
        return spans(tagger.tagWords(hashed, words, endsName(language, words), seen));
    }

    /** As {@link #recognize}, the confidence of a span being the least marginal probability of its labels. */
    @Override
    public Recognition recognizeScored(String language, List<String> tokens) {
        CrfTagger tagger = taggers.get(language);
        if (tagger == null || tokens.isEmpty()) {
            return new Recognition(List.of(), span -> 0.0);
        }
        HashedFeatures hashed = features.get().computeIfAbsent(language, l -> HashedFeatures.compile(tagger.featureDescriptor()));
        WordCache<float[]> seen = wordWeights.computeIfAbsent(language, l -> new WordCache<>());
        String[] words = tokens.toArray(String[]::new);
        CrfTagger.Tagging tagging = tagger.tagWordsScored(hashed, words, endsName(language, words), seen);
        return new Recognition(spans(tagging.labels()), span -> {
            double least = 1.0;
            for (int t = span.start(); t < span.end(); t++) {
                String label = (t == span.start() ? "B-" : "I-") + span.type().name();
                least = Math.min(least, tagging.probability(t, label));
            }
            return least;
        });
    }

    /**
     * Where a name must end, whatever the model says: in Turkish and Azerbaijani a proper name takes its case
     * suffixes after an apostrophe ({@code Venezuela'da Cuman'da}: two places), so a token with such a suffix is
     * the last of its name. Elsewhere the model alone decides.
     */
    static boolean[] endsName(String language, String[] tokens) {
        boolean[] ends = new boolean[tokens.length];
        if (NameRules.SUFFIXING_LANGUAGES.contains(language)) {
            for (int i = 0; i < tokens.length; i++) {
                ends[i] = hasCaseSuffix(tokens[i]);
            }
        }
        return ends;
    }

    /**
     * Whether {@code token} ends in a suffix after an apostrophe ({@code Cuman'da}, {@code Bakı'nın}): lower-case
     * letters with a vowel, but not an English contraction ({@code Don't}, {@code She's}, {@code We're}) or the
     * Arabic article ({@code Ebu'l}, {@code Kur'an}), which continue a name.
     */
    public static boolean hasCaseSuffix(String token) {
        int apostrophe = ApostropheStemFeatureGeneratorFactory.Generator.apostrophe(token);
        if (apostrophe < 0) {
            return false;
        }
        String suffix = token.substring(apostrophe + 1);
        if (NOT_CASE_SUFFIXES.contains(suffix)) {
            return false;
        }
        boolean vowel = false;
        for (int i = 0; i < suffix.length(); i++) {
            char c = suffix.charAt(i);
            if (!Character.isLowerCase(c)) {
                return false;
            }
            vowel |= VOWELS.indexOf(c) >= 0;
        }
        return vowel;
    }

    /** Where the apostrophe before a suffix sits in {@code token}, or -1 (see {@link #hasCaseSuffix}). */
    public static int suffixApostrophe(String token) {
        return ApostropheStemFeatureGeneratorFactory.Generator.apostrophe(token);
    }

    /** A fresh generator from an OpenNLP feature descriptor (XML). */
    public static AdaptiveFeatureGenerator generator(byte[] descriptor) {
        try {
            return GeneratorFactory.create(new ByteArrayInputStream(descriptor), null);
        } catch (IOException e) {
            throw new UncheckedIOException("invalid feature descriptor of a CRF model", e);
        }
    }

    /**
     * The features of every token of one sentence, as the generators emit them: a name can repeat (the suffixes of
     * a short word), and counts once ({@link CrfTagger#tag} and training both see to that).
     */
    public static List<String[]> tokenFeatures(AdaptiveFeatureGenerator generator, String[] tokens) {
        generator.clearAdaptiveData();
        List<String[]> features = new ArrayList<>(tokens.length);
        List<String> buffer = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            buffer.clear();
            generator.createFeatures(buffer, tokens, i, null);
            features.add(buffer.toArray(String[]::new));
        }
        return features;
    }

    /** BIO labels of the entity spans of one sentence, in the {@code B-PERSON} form. */
    public static String[] labels(LabeledSentence sentence) {
        String[] labels = new String[sentence.tokens().size()];
        Arrays.fill(labels, OUTSIDE);
        for (LabeledSentence.TokenSpan span : sentence.entities()) {
            for (int i = span.start(); i < span.end(); i++) {
                labels[i] = (i == span.start() ? "B-" : "I-") + span.type().name();
            }
        }
        return labels;
    }

    /** Entity spans of BIO labels; an {@code I-X} that does not continue an X starts a new X. */
    static List<LabeledSentence.TokenSpan> spans(String[] labels) {
        List<LabeledSentence.TokenSpan> spans = new ArrayList<>();
        int start = -1;
        EntityType open = null;
        for (int i = 0; i <= labels.length; i++) {
            String label = i < labels.length ? labels[i] : OUTSIDE;
            EntityType type = OUTSIDE.equals(label) ? null : EntityType.valueOf(label.substring(2).toUpperCase(Locale.ROOT));
            boolean continues = type != null && type == open && label.startsWith("I-");
            if (open != null && !continues) {
                spans.add(new LabeledSentence.TokenSpan(start, i, open));
                open = null;
            }
            if (type != null && !continues) {
                start = i;
                open = type;
            }
        }
        return spans;
    }
}
