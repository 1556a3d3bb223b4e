package dev.newsflow.enrich.ner;

import dev.newsflow.enrich.text.FeatureHashes;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

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
        if (endsName.length != length) {
            throw new IllegalArgumentException("endsName has " + endsName.length + " places for " + length + " tokens");
        }
        int n = labels.length;
        if (length == 0) {
            return new String[0];
        }
        float[] best = new float[length * n];
        int[] from = new int[length * n];
        int most = 0;
        for (long[] token : tokenFeatures) {
            most = Math.max(most, token.length);
        }
        int[] rows = new int[most];
        int[] seen = new int[FeatureHashes.seenTableSize(most)];
        float[] local = new float[n];
        for (int t = 0; t < length; t++) {
            localScores(tokenFeatures.get(t), rows, seen, local);
            for (int y = 0; y < n; y++) {
                if (t == 0) {
                    best[y] = local[y];
                    continue;
                }
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
                best[t * n + y] = top + local[y];
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
     * Each distinct known feature counts once, however often the generators emitted it. Rows are found for all
     * names before any weight is read: the lookups do not depend on each other, so the processor overlaps their
     * cache misses instead of waiting for one at a time (the table and the weights do not fit in its caches).
     * {@code rows} and {@code seen} are scratch for one token, reused for the next: a 3 KB article has some 500
     * tokens of some 60 features each.
     */
    private void localScores(long[] hashes, int[] rows, int[] seen, float[] scores) {
        int n = labels.length;
        System.arraycopy(biases, 0, scores, 0, n);
        features.rows(hashes, rows);
        int known = FeatureHashes.distinctKnown(rows, hashes.length, seen);
        for (int i = 0; i < known; i++) {
            int offset = rows[i] * n;
            for (int y = 0; y < n; y++) {
                scores[y] += weights[offset + y];
            }
        }
    }

    /**
     * Reads a model written by {@link CrfModel#write}.
     *
     * @throws IOException when the stream is not such a model
     */
    public static CrfTagger read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new GZIPInputStream(in, 1 << 16));
        String magic = data.readUTF();
        if (!CrfModel.MAGIC.equals(magic)) {
            throw new IOException("not a newsflow CRF model (header '" + magic + "')");
        }
        byte[] descriptor = data.readNBytes(data.readInt());
        int n = data.readInt();
        List<String> labels = new ArrayList<>(n);
        for (int y = 0; y < n; y++) {
            labels.add(data.readUTF());
        }
        int featureCount = data.readInt();
        Builder builder = new Builder(descriptor, labels, featureCount);
        float[] row = new float[n];
        for (int feature = 0; feature < featureCount; feature++) {
            String name = data.readUTF();
            for (int y = 0; y < n; y++) {
                row[y] = data.readFloat();
            }
            builder.addFeature(name, row);
        }
        float[] biases = new float[n];
        for (int y = 0; y < n; y++) {
            biases[y] = data.readFloat();
        }
        float[][] transitions = new float[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                transitions[a][b] = data.readFloat();
            }
        }
        return builder.build(biases, transitions);
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
