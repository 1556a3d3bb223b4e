package dev.newsflow.enrich.ner;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * A trained linear-chain CRF as training produces it and its file keeps it: the weights by feature name. The
 * tagger that runs it is {@link #tagger()} (or {@link CrfTagger#read} from a file), which keeps only hashes of
 * the names. Immutable once built (its arrays are not copied: do not change them afterwards).
 *
 * @param featureDescriptor the OpenNLP feature-generator descriptor (XML) the features were generated with
 * @param labels            the labels, in the order of every weight row
 * @param featureWeights    per feature name, one weight per label
 * @param biases            one per label
 * @param transitions       {@code transitions[from][to]}
 */
public record CrfModel(byte[] featureDescriptor, List<String> labels, Map<String, float[]> featureWeights, float[] biases,
                       float[][] transitions) {
    static final String MAGIC = "newsflow-crf-1";

    public CrfModel {
        labels = List.copyOf(labels);
        int n = labels.size();
        if (biases.length != n || transitions.length != n) {
            throw new IllegalArgumentException("biases and transitions must have one entry per label (" + n + ")");
        }
        for (float[] row : transitions) {
            if (row.length != n) {
                throw new IllegalArgumentException("each transition row must have one entry per label (" + n + ")");
            }
        }
        featureWeights.forEach((name, row) -> {
            if (row.length != n) {
                throw new IllegalArgumentException("feature '" + name + "' has " + row.length + " weights for " + n + " labels");
            }
        });
    }

    /**
     * Reads a model written by {@link #write}.
     *
     * @throws IOException when the stream is not such a model
     */
    public static CrfModel read(InputStream in) throws IOException {
        return read(in, new Format<>() {
            private byte[] descriptor;
            private List<String> labels;
            private Map<String, float[]> weights;

            @Override
            public void start(byte[] descriptor, List<String> labels, int featureCount) {
                this.descriptor = descriptor;
                this.labels = labels;
                this.weights = new java.util.LinkedHashMap<>(featureCount * 2);
            }

            @Override
            public void feature(String name, float[] row) {
                weights.put(name, row.clone());
            }

            @Override
            public CrfModel finish(float[] biases, float[][] transitions) {
                return new CrfModel(descriptor, labels, weights, biases, transitions);
            }
        });
    }

    /** What a reader of the model file receives, in file order; one row array is reused for every feature. */
    interface Format<T> {
        void start(byte[] descriptor, List<String> labels, int featureCount);

        void feature(String name, float[] row);

        T finish(float[] biases, float[][] transitions);
    }

    /**
     * Reads a model file written by {@link #write}, handing its parts to {@code format}: the one reader of the format,
     * for this class and for {@link CrfTagger#read}.
     *
     * @throws IOException when the stream is not such a model
     */
    static <T> T read(InputStream in, Format<T> format) throws IOException {
        DataInputStream data = new DataInputStream(new java.util.zip.GZIPInputStream(in, 1 << 16));
        String magic = data.readUTF();
        if (!MAGIC.equals(magic)) {
            throw new IOException("not a newsflow CRF model (header '" + magic + "')");
        }
        byte[] descriptor = data.readNBytes(data.readInt());
        int n = data.readInt();
        List<String> labels = new java.util.ArrayList<>(n);
        for (int y = 0; y < n; y++) {
            labels.add(data.readUTF());
        }
        int featureCount = data.readInt();
        format.start(descriptor, labels, featureCount);
        float[] row = new float[n];
        for (int feature = 0; feature < featureCount; feature++) {
            String name = data.readUTF();
            for (int y = 0; y < n; y++) {
                row[y] = data.readFloat();
            }
            format.feature(name, row);
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
        return format.finish(biases, transitions);
    }

    /**
     * This model without the features whose every weight is smaller than {@code minimum} in magnitude: they hardly
     * move a score, and a smaller table is found faster (its lookups wait on memory).
     */
    public CrfModel pruned(float minimum) {
        Map<String, float[]> kept = new java.util.LinkedHashMap<>();
        featureWeights.forEach((name, row) -> {
            for (float weight : row) {
                if (Math.abs(weight) >= minimum) {
                    kept.put(name, row);
                    return;
                }
            }
        });
        return new CrfModel(featureDescriptor, labels, kept, biases, transitions);
    }

    /** The tagger that decodes with these weights. */
    public CrfTagger tagger() {
        CrfTagger.Builder builder = new CrfTagger.Builder(featureDescriptor, labels, featureWeights.size());
        featureWeights.forEach(builder::addFeature);
        return builder.build(biases, transitions);
    }

    /**
     * Writes the model in the format {@link CrfTagger#read} reads (gzip): magic, descriptor bytes, labels, per
     * feature its name and one float per label, biases, transitions.
     */
    public void write(OutputStream out) throws IOException {
        GZIPOutputStream zip = new GZIPOutputStream(out, 1 << 16);
        DataOutputStream data = new DataOutputStream(zip);
        data.writeUTF(MAGIC);
        data.writeInt(featureDescriptor.length);
        data.write(featureDescriptor);
        data.writeInt(labels.size());
        for (String label : labels) {
            data.writeUTF(label);
        }
        data.writeInt(featureWeights.size());
        for (Map.Entry<String, float[]> feature : featureWeights.entrySet()) {
            data.writeUTF(feature.getKey());
            for (float weight : feature.getValue()) {
                data.writeFloat(weight);
            }
        }
        for (float bias : biases) {
            data.writeFloat(bias);
        }
        for (float[] row : transitions) {
            for (float transition : row) {
                data.writeFloat(transition);
            }
        }
        data.flush();
        zip.finish();
    }
}
