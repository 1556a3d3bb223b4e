package dev.newsflow.enrich.ner;

import dev.newsflow.enrich.text.FeatureHashes;
import dev.newsflow.enrich.text.WordCache;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained linear-chain CRF over string features, decoded with Viterbi: the score of label {@code y} at a
 * token is {@code bias[y]} plus the weights of the token's features for {@code y}, and moving from label
 * {@code a} to label {@code b} adds {@code transition[a][b]}. The model carries the OpenNLP feature descriptor
 * its features were generated with. Features are found by a hash of their names ({@link FeatureHashes}); the
 * names are not kept, so a tagger cannot be written back: {@link CrfModel} is the form that can. Immutable and
 * thread-safe.
 */
public final class CrfTagger {
    private final byte[] featureDescriptor;
    private final String[] labels;
    private final FeatureHashes features;
    private final float[] weights; // feature-major: weights[row * labels + label]
    private final float[] biases;
    private final float[] transitions; // transitions[from * labels + to]
    private final double[] expTransitions; // exp of each transition, for forward-backward
    private final boolean[] continuesName; // per label: an I- label

    private CrfTagger(Builder builder, float[] biases, float[][] transitions) {
        this.featureDescriptor = builder.featureDescriptor.clone();
        this.labels = builder.labels.toArray(String[]::new);
        this.continuesName = new boolean[labels.length];
        for (int y = 0; y < labels.length; y++) {
            continuesName[y] = labels[y].startsWith("I-");
        }
        this.features = builder.features;
        this.weights = builder.weights;
        this.biases = biases.clone();
        int n = labels.length;
        this.transitions = new float[n * n];
        for (int from = 0; from < n; from++) {
            System.arraycopy(transitions[from], 0, this.transitions, from * n, n);
        }
        this.expTransitions = new double[n * n];
        for (int i = 0; i < n * n; i++) {
            expTransitions[i] = Math.exp(this.transitions[i]);
        }
    }

    /** The OpenNLP feature-generator descriptor (XML) the features must be generated with. */
    public byte[] featureDescriptor() {
        return featureDescriptor.clone();
    }

    public List<String> labels() {
        return List.of(labels);
    }

    public int featureCount() {
        return features.size();
    }

    /**
     * The best label sequence for one sentence.
     *
     * @param tokenFeatures per token, its feature names (unknown names are ignored, a repeated one counts once)
     * @return one label per token
     */
    public String[] tag(List<String[]> tokenFeatures) {
        List<long[]> hashes = new ArrayList<>(tokenFeatures.size());
        for (String[] names : tokenFeatures) {
            long[] token = new long[names.length];
            for (int i = 0; i < names.length; i++) {
                token[i] = FeatureHashes.hash(names[i]);
            }
            hashes.add(token);
        }
        return tagHashed(hashes);
    }

    /**
     * The best label sequence for one sentence whose features are given as their {@link FeatureHashes#hash}
     * (as {@link HashedFeatures} makes them).
     */
    public String[] tagHashed(List<long[]> tokenFeatures) {
        return tagHashed(tokenFeatures, new boolean[tokenFeatures.size()]);
    }

    /**
     * The best label sequence for one sentence in which no name runs on past a token marked in {@code endsName}:
     * the token after it is labelled {@code O} or begins a name ({@code B-}), never continues one ({@code I-}).
     *
     * @param endsName per token, whether a name that includes it must end with it
     * @throws IllegalArgumentException when {@code endsName} does not have one place a token
     */
    public String[] tagHashed(List<long[]> tokenFeatures, boolean[] endsName) {
        int length = tokenFeatures.size();
        requireOnePlaceEach(endsName, length);
        int n = labels.length;
        float[] local = new float[length * n];
        Scratch scratch = new Scratch();
        for (int t = 0; t < length; t++) {
            System.arraycopy(biases, 0, local, t * n, n);
            addWeights(tokenFeatures.get(t), scratch, local, t * n);
        }
        return viterbi(local, endsName);
    }

    /**
     * As {@link #tagHashed(List, boolean[])} over {@code features.tokenFeatures(tokens)}, but the weights of the
     * features a word makes at each offset of the windows ({@link HashedFeatures#wordFeatures}) are summed once and
     * kept in {@code words}, for the next time the word comes (19 tokens in 20 of the Reuters set are words seen
     * before): a token then costs one lookup of {@code words} and those of its few other features, instead of
     * some forty lookups in the model's tables, which do not fit in the processor's caches. The scores are the
     * same sums added in another order, so they may differ in the last bits.
     *
     * @param words the weights of words seen, for this tagger (and its descriptor, which {@code features} makes)
     */
    String[] tagWords(HashedFeatures features, String[] tokens, boolean[] endsName, WordCache<float[]> words) {
        return viterbi(localScores(features, tokens, endsName, words), endsName);
    }

    /**
     * As {@link #tagWords}, with each token's marginal probability of each label (forward-backward over the same
     * scores and the same constraint: no name continues past a token marked in {@code endsName}).
     */
    Tagging tagWordsScored(HashedFeatures features, String[] tokens, boolean[] endsName, WordCache<float[]> words) {
        float[] local = localScores(features, tokens, endsName, words);
        return new Tagging(viterbi(local, endsName), local, endsName);
    }

    /**
     * The labels of a sentence and every token's marginal probability of every label, computed the first time one is
     * asked for (a sentence without names never needs them). Not thread-safe: one per sentence and caller.
     */
    final class Tagging {
        private final String[] path;
        private final float[] local;
        private final boolean[] endsName;
        private float[] marginals; // marginals[t * labels + y], once asked for

        private Tagging(String[] path, float[] local, boolean[] endsName) {
            this.path = path;
            this.local = local;
            this.endsName = endsName;
        }

        String[] labels() {
            return path;
        }

        /** The probability that token {@code t} has {@code label}, 0 for a label the model does not know. */
        double probability(int t, String label) {
            if (marginals == null) {
                marginals = marginals(local, endsName);
            }
            for (int y = 0; y < labels.length; y++) {
                if (labels[y].equals(label)) {
                    return marginals[t * labels.length + y];
                }
            }
            return 0.0;
        }
    }

    private float[] localScores(HashedFeatures features, String[] tokens, boolean[] endsName, WordCache<float[]> words) {
        requireOnePlaceEach(endsName, tokens.length);
        int n = labels.length;
        int reach = features.windowReach();
        features.startSentence(tokens);
        Scratch scratch = new Scratch();
        float[][] summed = new float[tokens.length][];
        for (int word = 0; word < tokens.length; word++) {
            summed[word] = words.get(tokens[word]);
            if (summed[word] == null) {
                summed[word] = sumWordFeatures(features, word, reach, scratch);
                words.put(tokens[word], summed[word]);
            }
        }
        float[] local = new float[tokens.length * n];
        for (int t = 0; t < tokens.length; t++) {
            int at = t * n;
            System.arraycopy(biases, 0, local, at, n);
            for (int offset = Math.max(-reach, -t); offset <= Math.min(reach, tokens.length - 1 - t); offset++) {
                float[] word = summed[t + offset];
                int from = (offset + reach) * n;
                for (int y = 0; y < n; y++) {
                    local[at + y] += word[from + y];
                }
            }
            addWeights(features.otherFeatures(t), scratch, local, at);
        }
        return local;
    }

    /**
     * Forward-backward in probability space, each step rescaled to sum 1 (so nothing overflows): one {@code exp}
     * a token and label, the transitions' exponentials made once.
     */
    private float[] marginals(float[] local, boolean[] endsName) {
        int n = labels.length;
        int length = local.length / n;
        double[] alpha = new double[length * n];
        double[] beta = new double[length * n];
        double[] emission = new double[length * n];
        for (int t = 0; t < length; t++) {
            float top = Float.NEGATIVE_INFINITY;
            for (int y = 0; y < n; y++) {
                top = Math.max(top, local[t * n + y]);
            }
            for (int y = 0; y < n; y++) {
                emission[t * n + y] = Math.exp(local[t * n + y] - top);
            }
        }
        for (int t = 0; t < length; t++) {
            double sum = 0;
            for (int y = 0; y < n; y++) {
                double inflow = 1.0;
                if (t > 0) {
                    inflow = 0;
                    if (!(endsName[t - 1] && continuesName[y])) {
                        for (int previous = 0; previous < n; previous++) {
                            inflow += alpha[(t - 1) * n + previous] * expTransitions[previous * n + y];
                        }
                    }
                }
                alpha[t * n + y] = inflow * emission[t * n + y];
                sum += alpha[t * n + y];
            }
            for (int y = 0; y < n; y++) {
                alpha[t * n + y] /= sum;
            }
        }
        for (int t = length - 1; t >= 0; t--) {
            double sum = 0;
            for (int y = 0; y < n; y++) {
                double outflow = 1.0;
                if (t < length - 1) {
                    outflow = 0;
                    for (int next = 0; next < n; next++) {
                        if (!(endsName[t] && continuesName[next])) {
                            outflow += expTransitions[y * n + next] * emission[(t + 1) * n + next] * beta[(t + 1) * n + next];
                        }
                    }
                }
                beta[t * n + y] = outflow;
                sum += outflow;
            }
            for (int y = 0; y < n; y++) {
                beta[t * n + y] /= sum;
            }
        }
        float[] marginals = new float[length * n];
        for (int t = 0; t < length; t++) {
            double sum = 0;
            for (int y = 0; y < n; y++) {
                sum += alpha[t * n + y] * beta[t * n + y];
            }
            for (int y = 0; y < n; y++) {
                marginals[t * n + y] = (float) (alpha[t * n + y] * beta[t * n + y] / sum);
            }
        }
        return marginals;
    }

    /** Per offset from {@code -reach} to {@code reach}, the summed weights of the features word {@code index} makes there. */
    private float[] sumWordFeatures(HashedFeatures features, int index, int reach, Scratch scratch) {
        float[] summed = new float[(2 * reach + 1) * labels.length];
        for (int offset = -reach; offset <= reach; offset++) {
            addWeights(features.wordFeatures(index, offset), scratch, summed, (offset + reach) * labels.length);
        }
        return summed;
    }

    private static void requireOnePlaceEach(boolean[] endsName, int tokens) {
        if (endsName.length != tokens) {
            throw new IllegalArgumentException("endsName has " + endsName.length + " places for " + tokens + " tokens");
        }
    }

    /** The best label sequence given each token's local scores ({@code local[t * labels + y]}). */
    private String[] viterbi(float[] local, boolean[] endsName) {
        int n = labels.length;
        int length = local.length / n;
        if (length == 0) {
            return new String[0];
        }
        float[] best = new float[length * n];
        int[] from = new int[length * n];
        System.arraycopy(local, 0, best, 0, n);
        for (int t = 1; t < length; t++) {
            for (int y = 0; y < n; y++) {
                if (endsName[t - 1] && continuesName[y]) {
                    best[t * n + y] = Float.NEGATIVE_INFINITY;
                    continue;
                }
                float top = Float.NEGATIVE_INFINITY;
                int arg = 0;
                for (int previous = 0; previous < n; previous++) {
                    float score = best[(t - 1) * n + previous] + transitions[previous * n + y];
                    if (score > top) {
                        top = score;
                        arg = previous;
                    }
                }
                best[t * n + y] = top + local[t * n + y];
                from[t * n + y] = arg;
            }
        }
        int y = 0;
        for (int candidate = 1; candidate < n; candidate++) {
            if (best[(length - 1) * n + candidate] > best[(length - 1) * n + y]) {
                y = candidate;
            }
        }
        String[] path = new String[length];
        for (int t = length - 1; t >= 0; t--) {
            path[t] = labels[y];
            y = from[t * n + y];
        }
        return path;
    }

    /**
     * Adds the weights of the distinct known features among {@code hashes} to {@code scores[at ..]}: each counts
     * once, however often the generators emitted it. Rows are found for all names before any weight is read: the
     * lookups do not depend on each other, so the processor overlaps their cache misses instead of waiting for one
     * at a time (the table and the weights do not fit in its caches).
     */
    private void addWeights(long[] hashes, Scratch scratch, float[] scores, int at) {
        int n = labels.length;
        int[] rows = scratch.rows(hashes.length);
        features.rows(hashes, rows);
        int known = FeatureHashes.distinctKnown(rows, hashes.length, scratch.seen(hashes.length));
        for (int i = 0; i < known; i++) {
            int offset = rows[i] * n;
            for (int y = 0; y < n; y++) {
                scores[at + y] += weights[offset + y];
            }
        }
    }

    /** Arrays reused from one token to the next of a sentence: a 3 KB article has some 500 tokens of some 40 features. */
    private static final class Scratch {
        private int[] rows = new int[64];
        private int[] seen = new int[FeatureHashes.seenTableSize(64)];

        int[] rows(int count) {
            if (rows.length < count) {
                rows = new int[count];
            }
            return rows;
        }

        int[] seen(int count) {
            if (seen.length < FeatureHashes.seenTableSize(count)) {
                seen = new int[FeatureHashes.seenTableSize(count)];
            }
            return seen;
        }
    }

    /**
     * Reads a model written by {@link CrfModel#write}.
     *
     * @throws IOException when the stream is not such a model
     */
    public static CrfTagger read(InputStream in) throws IOException {
        return CrfModel.read(in, new CrfModel.Format<>() {
            private Builder builder;

            @Override
            public void start(byte[] descriptor, List<String> labels, int featureCount) {
                builder = new Builder(descriptor, labels, featureCount);
            }

            @Override
            public void feature(String name, float[] row) {
                builder.addFeature(name, row);
            }

            @Override
            public CrfTagger finish(float[] biases, float[][] transitions) {
                return builder.build(biases, transitions);
            }
        });
    }

    /** Collects the feature rows of a tagger being built; used once, by one thread. */
    static final class Builder {
        private final byte[] featureDescriptor;
        private final List<String> labels;
        private final FeatureHashes features;
        private final float[] weights;

        Builder(byte[] featureDescriptor, List<String> labels, int featureCount) {
            this.featureDescriptor = featureDescriptor;
            this.labels = labels;
            this.features = new FeatureHashes(featureCount);
            this.weights = new float[featureCount * labels.size()];
        }

        void addFeature(String name, float[] labelWeights) {
            int row = features.size();
            features.put(name, row);
            System.arraycopy(labelWeights, 0, weights, row * labels.size(), labels.size());
        }

        CrfTagger build(float[] biases, float[][] transitions) {
            return new CrfTagger(this, biases, transitions);
        }
    }
}
