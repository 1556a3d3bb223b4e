package dev.newsflow.enrich.ner;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained linear-chain CRF over string features, decoded with Viterbi: the score of label {@code y} at a
 * token is {@code bias[y]} plus the weights of the token's features for {@code y}, and moving from label
 * {@code a} to label {@code b} adds {@code transition[a][b]}. The model carries the OpenNLP feature descriptor
 * its features were generated with. Immutable and thread-safe.
 *
 * <p>File format (gzip): magic, descriptor bytes, labels, per feature its name and one float per label,
 * biases, transitions. Written by {@link #write}, read by {@link #read}.
 */
public final class CrfTagger {
    private static final String MAGIC = "newsflow-crf-1";

    private final byte[] featureDescriptor;
    private final String[] labels;
    private final Map<String, Integer> featureIndex;
    private final float[] weights; // feature-major: weights[feature * labels + label]
    private final float[] biases;
    private final float[] transitions; // transitions[from * labels + to]

    /**
     * @param featureWeights per feature name, one weight per label (in {@code labels} order)
     * @param transitions    {@code transitions[from][to]}
     */
    public CrfTagger(byte[] featureDescriptor, List<String> labels, Map<String, float[]> featureWeights, float[] biases,
                     float[][] transitions) {
        this.featureDescriptor = featureDescriptor.clone();
        this.labels = labels.toArray(String[]::new);
        int n = this.labels.length;
        if (biases.length != n || transitions.length != n) {
            throw new IllegalArgumentException("biases and transitions must have one entry per label (" + n + ")");
        }
        this.featureIndex = new HashMap<>(featureWeights.size() * 2);
        this.weights = new float[featureWeights.size() * n];
        int feature = 0;
        for (Map.Entry<String, float[]> entry : featureWeights.entrySet()) {
            if (entry.getValue().length != n) {
                throw new IllegalArgumentException("feature '" + entry.getKey() + "' has " + entry.getValue().length
                        + " weights for " + n + " labels");
            }
            featureIndex.put(entry.getKey(), feature);
            System.arraycopy(entry.getValue(), 0, weights, feature * n, n);
            feature++;
        }
        this.biases = biases.clone();
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
        return featureIndex.size();
    }

    /**
     * The best label sequence for one sentence.
     *
     * @param tokenFeatures per token, its feature names (unknown names are ignored, a repeated one counts once)
     * @return one label per token
     */
    public String[] tag(List<String[]> tokenFeatures) {
        int length = tokenFeatures.size();
        int n = labels.length;
        if (length == 0) {
            return new String[0];
        }
        float[] best = new float[length * n];
        int[] from = new int[length * n];
        for (int t = 0; t < length; t++) {
            float[] local = localScores(tokenFeatures.get(t));
            for (int y = 0; y < n; y++) {
                if (t == 0) {
                    best[y] = local[y];
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

    /** Each distinct known feature counts once, however often the generators emitted it. */
    private float[] localScores(String[] features) {
        int[] indexes = new int[features.length];
        int known = 0;
        for (String feature : features) {
            Integer index = featureIndex.get(feature);
            if (index != null) {
                indexes[known++] = index;
            }
        }
        Arrays.sort(indexes, 0, known);
        int n = labels.length;
        float[] scores = biases.clone();
        for (int i = 0; i < known; i++) {
            if (i > 0 && indexes[i] == indexes[i - 1]) {
                continue;
            }
            int offset = indexes[i] * n;
            for (int y = 0; y < n; y++) {
                scores[y] += weights[offset + y];
            }
        }
        return scores;
    }

    /** Writes the model in the format {@link #read} reads. */
    public void write(OutputStream out) throws IOException {
        int n = labels.length;
        String[] names = new String[featureIndex.size()];
        featureIndex.forEach((name, index) -> names[index] = name);
        GZIPOutputStream zip = new GZIPOutputStream(out, 1 << 16);
        DataOutputStream data = new DataOutputStream(zip);
        data.writeUTF(MAGIC);
        data.writeInt(featureDescriptor.length);
        data.write(featureDescriptor);
        data.writeInt(n);
        for (String label : labels) {
            data.writeUTF(label);
        }
        data.writeInt(names.length);
        for (int feature = 0; feature < names.length; feature++) {
            data.writeUTF(names[feature]);
            for (int y = 0; y < n; y++) {
                data.writeFloat(weights[feature * n + y]);
            }
        }
        for (float bias : biases) {
            data.writeFloat(bias);
        }
        for (float transition : transitions) {
            data.writeFloat(transition);
        }
        data.flush();
        zip.finish();
    }

    /**
     * Reads a model written by {@link #write}.
     *
     * @throws IOException when the stream is not such a model
     */
    public static CrfTagger read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new GZIPInputStream(in, 1 << 16));
        String magic = data.readUTF();
        if (!MAGIC.equals(magic)) {
            throw new IOException("not a newsflow CRF model (header '" + magic + "')");
        }
        byte[] descriptor = data.readNBytes(data.readInt());
        int n = data.readInt();
        List<String> labels = new ArrayList<>(n);
        for (int y = 0; y < n; y++) {
            labels.add(data.readUTF());
        }
        int features = data.readInt();
        Map<String, float[]> weights = new LinkedHashMap<>(features * 2);
        for (int feature = 0; feature < features; feature++) {
            String name = data.readUTF();
            float[] row = new float[n];
            for (int y = 0; y < n; y++) {
                row[y] = data.readFloat();
            }
            weights.put(name, row);
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
        return new CrfTagger(descriptor, labels, weights, biases, transitions);
    }
}
