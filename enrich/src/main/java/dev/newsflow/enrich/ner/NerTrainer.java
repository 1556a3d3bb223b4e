package dev.newsflow.enrich.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import opennlp.tools.ml.BeamSearch;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains one OpenNLP name-finder model per language from labelled sentences. Not thread-safe (OpenNLP
 * training is single-threaded here on purpose: the machine is shared).
 */
public final class NerTrainer {

    /** Training settings; validated on construction. */
    public record Settings(int iterations, int cutoff, int beamSize, boolean defaultFeatures) {
        public Settings {
            if (beamSize < 1) {
                throw new IllegalArgumentException("beam size must be at least 1, was " + beamSize);
            }
            if (iterations < 1) {
                throw new IllegalArgumentException("iterations must be at least 1, was " + iterations);
            }
            if (cutoff < 0) {
                throw new IllegalArgumentException("cutoff must not be negative, was " + cutoff);
            }
        }
    }

    private final Settings settings;
    private final byte[] features;

    /** A trainer with the shipped feature descriptor ({@code ner-features.xml}). */
    public NerTrainer(Settings settings) {
        this(settings, featureDescriptor());
    }

    /** A trainer with another OpenNLP feature-generator descriptor (XML bytes). */
    public NerTrainer(Settings settings, byte[] features) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.features = features.clone();
    }

    /** Trains a model over the given sentences. */
    public TokenNameFinderModel train(String language, List<LabeledSentence> sentences) throws IOException {
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        params.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
        params.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
        params.put(TrainingParameters.THREADS_PARAM, 1);
        params.put(BeamSearch.BEAM_SIZE_PARAMETER, settings.beamSize());
        TokenNameFinderFactory factory = TokenNameFinderFactory.create(null,
                settings.defaultFeatures() ? null : features, Collections.emptyMap(), new BioCodec());
        List<NameSample> samples = sentences.stream().map(NameFinderModels::toSample).toList();
        try (ObjectStream<NameSample> stream = ObjectStreamUtils.createObjectStream(samples)) {
            return NameFinderME.train(language, null, stream, params, factory);
        }
    }

    /** The XML feature descriptor shipped with the models. */
    public static byte[] featureDescriptor() {
        try (InputStream in = NerTrainer.class.getResourceAsStream(NameFinderModels.FEATURES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + NameFinderModels.FEATURES_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
