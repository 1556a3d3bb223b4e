package dev.newsflow.enrich.tools;

import dev.newsflow.enrich.ner.CrfEntityRecognizer;
import dev.newsflow.enrich.ner.CrfModel;
import dev.newsflow.enrich.ner.CrfTagger;
import dev.newsflow.enrich.ner.HashedFeatures;
import dev.newsflow.enrich.ner.LabeledSentence;
import dev.newsflow.enrich.ner.NameFinderModels;
import dev.newsflow.enrich.ner.NerDatasets;
import dev.newsflow.enrich.ner.NerScore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.crf.CRFModel;
import org.tribuo.classification.sgd.crf.CRFParameters;
import org.tribuo.classification.sgd.crf.CRFTrainer;
import org.tribuo.classification.sgd.protos.CRFModelProto;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.protos.ProtoUtil;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.sequence.MutableSequenceDataset;
import org.tribuo.sequence.SequenceExample;

/**
 * Trains linear-chain CRF NER models with Tribuo's {@link CRFTrainer} and exports them as {@link CrfTagger}s:
 * {@code TrainCrf <ner-data-dir> <model-dir> [--languages tr] [--epochs 3] [--cutoff 3] [--wikiann-cap 2000]
 * [--learning-rate 0.1] [--features descriptor.xml]}; without {@code --features} a language's own
 * {@code ner-features-crf-<lang>.xml} is used where there is one, else {@code ner-features-crf.xml}. Same training and held-apart sentences as {@link TrainNer}
 * ({@link NerDatasets}); features seen fewer than {@code cutoff} times in training are dropped. Writes
 * {@code <model-dir>/<lang>.crf} and {@code <lang>.LICENSE.txt}, checks that the exported tagger labels every
 * held-apart sentence exactly as Tribuo's model does, and prints entity F1 on those sentences.
 */
public final class TrainCrf {
    private static final String FEATURES_RESOURCE = NameFinderModels.RESOURCE_DIR + "ner-features-crf.xml";
    private static final LabelFactory LABELS = new LabelFactory();
    private static final long SEED = 12345;

    private TrainCrf() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: TrainCrf <ner-data-dir> <model-dir> [--languages tr] [--epochs 3] [--cutoff 3]"
                    + " [--wikiann-cap 2000] [--learning-rate 0.1] [--features ner-features-crf.xml]");
            System.exit(2);
        }
        NerDatasets datasets = new NerDatasets(Path.of(args[0]));
        Path out = Path.of(args[1]);
        List<String> languages = List.of("tr");
        int epochs = 3;
        int cutoff = 3;
        int cap = 2000;
        double learningRate = 0.1;
        byte[] features = null;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--languages" -> languages = Arrays.asList(args[++i].split(","));
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--cutoff" -> cutoff = Integer.parseInt(args[++i]);
                case "--wikiann-cap" -> cap = Integer.parseInt(args[++i]);
                case "--learning-rate" -> learningRate = Double.parseDouble(args[++i]);
                case "--features" -> features = Files.readAllBytes(Path.of(args[++i]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Files.createDirectories(out);
        for (String language : languages) {
            NerDatasets.Split split = datasets.split(language, cap);
            byte[] descriptor = features != null ? features : shippedDescriptor(language);
            long started = System.nanoTime();
            AdaptiveFeatureGenerator generator = CrfEntityRecognizer.generator(descriptor);
            CRFModel model = new CRFTrainer(new AdaGrad(learningRate, 0.1), epochs, Integer.MAX_VALUE, 1, SEED)
                    .train(dataset(language, split.train(), generator, cutoff), Map.of());
            double seconds = (System.nanoTime() - started) / 1e9;
            Path file = out.resolve(language + ".crf");
            try (OutputStream stream = Files.newOutputStream(file)) {
                export(model, descriptor).write(stream);
            }
            CrfTagger tagger; // the tagger as it will ship, read back from the file
            try (InputStream stream = Files.newInputStream(file)) {
                tagger = CrfTagger.read(stream);
            }
            int disagreements = disagreements(model, tagger, generator, HashedFeatures.compile(descriptor), split.tune().sentences());
            NerScore score = new NerScore();
            CrfEntityRecognizer recognizer = new CrfEntityRecognizer(Map.of(language, tagger));
            for (LabeledSentence sentence : split.tune().sentences()) {
                score.add(sentence.entities(), recognizer.recognize(language, sentence.tokens()));
            }
            writeLicence(out.resolve(language + ".LICENSE.txt"), language, split, epochs, cutoff, cap, learningRate);
            System.out.printf(Locale.ROOT, "%s CRF trained on %d sentences in %.0f s, %d features, %.2f MB; %s (%d sentences): %s;"
                            + " exported tagger differs from Tribuo on %d of them%n",
                    language, split.train().size(), seconds, tagger.featureCount(), Files.size(file) / 1e6, split.tune().name(),
                    split.tune().sentences().size(), score.summary(), disagreements);
            if (disagreements > 0) {
                throw new IllegalStateException("the exported " + language + " tagger does not reproduce Tribuo's labels");
            }
        }
    }

    private static MutableSequenceDataset<Label> dataset(String language, List<LabeledSentence> sentences,
                                                         AdaptiveFeatureGenerator generator, int cutoff) {
        List<List<String[]>> features = new ArrayList<>(sentences.size());
        Map<String, Integer> counts = new HashMap<>();
        for (LabeledSentence sentence : sentences) {
            List<String[]> sentenceFeatures = CrfEntityRecognizer.tokenFeatures(generator, sentence.tokens().toArray(String[]::new))
                    .stream().map(TrainCrf::distinct).toList();
            features.add(sentenceFeatures);
            for (String[] token : sentenceFeatures) {
                for (String feature : token) {
                    counts.merge(feature, 1, Integer::sum);
                }
            }
        }
        MutableSequenceDataset<Label> dataset = new MutableSequenceDataset<>(
                new SimpleDataSourceProvenance(language + " NER training sentences", LABELS), LABELS);
        for (int i = 0; i < sentences.size(); i++) {
            String[] labels = CrfEntityRecognizer.labels(sentences.get(i));
            List<Example<Label>> tokens = new ArrayList<>(labels.length);
            for (int t = 0; t < labels.length; t++) {
                String[] kept = Arrays.stream(features.get(i).get(t)).filter(f -> counts.get(f) >= cutoff).toArray(String[]::new);
                tokens.add(example(new Label(labels[t]), kept));
            }
            dataset.add(new SequenceExample<>(tokens));
        }
        return dataset;
    }

    private static Example<Label> example(Label label, String[] features) {
        // Each distinct feature once, as CrfTagger counts them; Tribuo wants at least one feature a token, and
        // "bias" is never generated by OpenNLP's generators.
        String[] names = features.length == 0 ? new String[] {"bias"} : distinct(features);
        double[] values = new double[names.length];
        Arrays.fill(values, 1.0);
        return new ArrayExample<>(label, names, values);
    }

    private static String[] distinct(String[] features) {
        return new LinkedHashSet<>(Arrays.asList(features)).toArray(String[]::new);
    }

    /** The model's weights as a {@link CrfModel}: labels in id order, feature weights, biases, transitions. */
    private static CrfModel export(CRFModel model, byte[] descriptor) throws IOException {
        ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
        List<String> labels = new ArrayList<>();
        for (int id = 0; id < outputs.size(); id++) {
            labels.add(outputs.getOutput(id).getLabel());
        }
        Map<String, float[]> weights = new LinkedHashMap<>();
        for (VariableInfo feature : model.getFeatureIDMap()) {
            DenseVector vector = model.getFeatureWeights(feature.getName());
            float[] row = new float[labels.size()];
            for (int y = 0; y < row.length; y++) {
                row[y] = (float) vector.get(y);
            }
            weights.put(feature.getName(), row);
        }
        CRFParameters parameters = ProtoUtil.deserialize(
                model.serialize().getSerializedData().unpack(CRFModelProto.class).getParams());
        Tensor[] tensors = parameters.get(); // biases, feature-label weights, label-label weights
        DenseMatrix labelLabel = (DenseMatrix) tensors[2];
        float[] biases = new float[labels.size()];
        float[][] transitions = new float[labels.size()][labels.size()];
        for (int a = 0; a < labels.size(); a++) {
            biases[a] = (float) parameters.getBias(a);
            for (int b = 0; b < labels.size(); b++) {
                transitions[a][b] = (float) labelLabel.get(a, b);
            }
        }
        return new CrfModel(descriptor, labels, weights, biases, transitions);
    }

    /**
     * Sentences where our tagger, on the features {@link HashedFeatures} makes as it will at run time, labels a
     * token otherwise than Tribuo's model on the features OpenNLP's generators make.
     */
    private static int disagreements(CRFModel model, CrfTagger tagger, AdaptiveFeatureGenerator generator,
                                     HashedFeatures hashed, List<LabeledSentence> sentences) {
        int differing = 0;
        for (LabeledSentence sentence : sentences) {
            String[] words = sentence.tokens().toArray(String[]::new);
            List<String[]> features = CrfEntityRecognizer.tokenFeatures(generator, words);
            List<Example<Label>> tokens = new ArrayList<>();
            for (String[] token : features) {
                tokens.add(example(LabelFactory.UNKNOWN_LABEL, token));
            }
            List<Prediction<Label>> predictions = model.predict(new SequenceExample<>(tokens));
            String[] ours = tagger.tagHashed(hashed.tokenFeatures(words));
            for (int t = 0; t < ours.length; t++) {
                if (!ours[t].equals(predictions.get(t).getOutput().getLabel())) {
                    differing++;
                    break;
                }
            }
        }
        return differing;
    }

    /** {@code ner-features-crf-<lang>.xml} where a language has its own, else {@code ner-features-crf.xml}. */
    private static byte[] shippedDescriptor(String language) throws IOException {
        InputStream own = TrainCrf.class.getResourceAsStream(NameFinderModels.RESOURCE_DIR + "ner-features-crf-" + language + ".xml");
        try (InputStream in = own != null ? own : TrainCrf.class.getResourceAsStream(FEATURES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + FEATURES_RESOURCE);
            }
            return in.readAllBytes();
        }
    }

    private static void writeLicence(Path file, String language, NerDatasets.Split split, int epochs, int cutoff, int cap,
                                     double learningRate) throws IOException {
        List<String> lines = List.of(
                "newsflow NER model for '" + language + "' (" + language + ".crf), a linear-chain CRF trained with Tribuo"
                        + " (org.tribuo:tribuo-classification-sgd, Apache-2.0) and exported to newsflow's own format.",
                "Trained from: " + TrainNer.SOURCES.get(language) + ".",
                "The model is derived from these data sets and carries their licence terms (attribution;",
                "share-alike where a source is CC BY-SA). Held apart, never trained on: " + split.tune().name()
                        + " (tuning) and " + split.testName() + " (test).",
                "Training: " + split.train().size() + " sentences, AdaGrad learning rate " + learningRate + ", " + epochs
                        + " epochs, seed " + SEED + ", features seen at least " + cutoff + " times, at most " + cap
                        + " WikiANN sentences; its feature descriptor is inside the model.",
                "Retrain: see enrich/README.md (TrainCrf).");
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
