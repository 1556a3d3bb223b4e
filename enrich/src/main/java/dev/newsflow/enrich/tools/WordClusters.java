package dev.newsflow.enrich.tools;

import dev.newsflow.enrich.ner.LabeledSentence;
import dev.newsflow.enrich.ner.NerDatasets;
import dev.newsflow.enrich.ner.WordClusterFeatureGeneratorFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Learns word clusters from unlabelled text for {@link WordClusterFeatureGeneratorFactory}:
 * {@code WordClusters <out.tsv> <language> <corpus-file>... [--ner-dir DIR] [--clusters 64,256,1000] [--min-count 3]}.
 * Corpus files have a token a line (CoNLL/IOB: the first column), a blank line between sentences; {@code --ner-dir}
 * adds the text of the language's labelled training and tuning sentences ({@link NerDatasets}), never its test ones. Each word seen at least
 * {@code min-count} times is described by its left and right neighbours among the 2,000 most frequent words
 * (square-rooted counts, unit length) and grouped by spherical k-means (8 rounds, deterministic start) once for
 * each cluster count. Writes {@code word<TAB>cluster...}, one line a word, in the feature generator's
 * normalization (lower case, stem before a suffix apostrophe).
 */
public final class WordClusters {
    private static final int CONTEXTS = 2000;
    private static final int ROUNDS = 8;

    private WordClusters() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: WordClusters <out.tsv> <language> <corpus-file>... [--clusters 64,256,1000] [--min-count 3]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Locale locale = Locale.forLanguageTag(args[1]);
        List<Path> corpora = new ArrayList<>();
        int[] counts = {64, 256, 1000};
        int minCount = 3;
        Path nerDir = null;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--clusters" -> counts = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--min-count" -> minCount = Integer.parseInt(args[++i]);
                case "--ner-dir" -> nerDir = Path.of(args[++i]);
                default -> corpora.add(Path.of(args[i]));
            }
        }
        List<String[]> sentences = new ArrayList<>();
        for (Path corpus : corpora) {
            sentences.addAll(read(corpus, locale));
        }
        if (nerDir != null) {
            // the language's labelled training and tuning sentences, as text: never its test sentences
            NerDatasets.Split split = new NerDatasets(nerDir).split(args[1], Integer.MAX_VALUE);
            for (LabeledSentence sentence : concat(split.train(), split.tune().sentences())) {
                sentences.add(sentence.tokens().stream().map(t -> WordClusterFeatureGeneratorFactory.normalize(t, locale))
                        .toArray(String[]::new));
            }
        }
        Map<String, Integer> frequency = new HashMap<>();
        for (String[] sentence : sentences) {
            for (String word : sentence) {
                frequency.merge(word, 1, Integer::sum);
            }
        }
        List<String> byFrequency = new ArrayList<>(frequency.keySet());
        byFrequency.sort((a, b) -> frequency.get(b) - frequency.get(a) != 0 ? frequency.get(b) - frequency.get(a) : a.compareTo(b));
        int minimum = minCount;
        List<String> vocabulary = byFrequency.stream().filter(w -> frequency.get(w) >= minimum).toList();
        List<String> contexts = byFrequency.subList(0, Math.min(CONTEXTS, byFrequency.size()));
        Sparse[] vectors = contextVectors(sentences, vocabulary, contexts);
        int[][] clusters = new int[counts.length][];
        for (int level = 0; level < counts.length; level++) {
            clusters[level] = kMeans(vectors, 2 * contexts.size() + 2, counts[level]);
        }
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            for (int w = 0; w < vocabulary.size(); w++) {
                StringBuilder line = new StringBuilder(vocabulary.get(w));
                for (int[] level : clusters) {
                    line.append('\t').append(level[w]);
                }
                writer.println(line);
            }
        }
        System.out.printf(Locale.ROOT, "%d sentences, %d words clustered into %s: %s%n", sentences.size(), vocabulary.size(),
                Arrays.toString(counts), out);
    }

    private static List<LabeledSentence> concat(List<LabeledSentence> a, List<LabeledSentence> b) {
        List<LabeledSentence> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String[]> read(Path corpus, Locale locale) throws IOException {
        List<String[]> sentences = new ArrayList<>();
        List<String> sentence = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                String token = line.strip().split("[\t ]", 2)[0];
                if (token.isEmpty()) {
                    if (!sentence.isEmpty()) {
                        sentences.add(sentence.toArray(String[]::new));
                        sentence.clear();
                    }
                } else {
                    sentence.add(WordClusterFeatureGeneratorFactory.normalize(token, locale));
                }
            }
        }
        if (!sentence.isEmpty()) {
            sentences.add(sentence.toArray(String[]::new));
        }
        return sentences;
    }

    /** A word's context vector: sparse, as dimension indexes and values. */
    private record Sparse(int[] dimensions, float[] values) {
    }

    /**
     * Per word, its left neighbours (dimensions 0..C-1), right neighbours (C..2C-1), sentence start (2C) and end
     * (2C+1), counts square-rooted, unit length.
     */
    private static Sparse[] contextVectors(List<String[]> sentences, List<String> vocabulary, List<String> contexts) {
        Map<String, Integer> wordIndex = index(vocabulary);
        Map<String, Integer> contextIndex = index(contexts);
        int c = contexts.size();
        List<Map<Integer, Float>> counts = new ArrayList<>(vocabulary.size());
        for (int w = 0; w < vocabulary.size(); w++) {
            counts.add(new HashMap<>());
        }
        for (String[] sentence : sentences) {
            for (int i = 0; i < sentence.length; i++) {
                Integer word = wordIndex.get(sentence[i]);
                if (word == null) {
                    continue;
                }
                int left = i == 0 ? 2 * c : contextIndex.getOrDefault(sentence[i - 1], -1);
                int right = i + 1 == sentence.length ? 2 * c + 1 : c + contextIndex.getOrDefault(sentence[i + 1], -1 - c);
                if (left >= 0) {
                    counts.get(word).merge(left, 1f, Float::sum);
                }
                if (right >= 0) {
                    counts.get(word).merge(right, 1f, Float::sum);
                }
            }
        }
        Sparse[] vectors = new Sparse[vocabulary.size()];
        for (int w = 0; w < vectors.length; w++) {
            int[] dimensions = counts.get(w).keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            float[] values = new float[dimensions.length];
            double norm = 0;
            for (int j = 0; j < dimensions.length; j++) {
                values[j] = (float) Math.sqrt(counts.get(w).get(dimensions[j]));
                norm += values[j] * values[j];
            }
            for (int j = 0; j < values.length; j++) {
                values[j] /= (float) Math.sqrt(norm);
            }
            vectors[w] = new Sparse(dimensions, values);
        }
        return vectors;
    }

    /** Spherical k-means; the starting centres are words spread evenly over the frequency order. */
    private static int[] kMeans(Sparse[] vectors, int dimensions, int k) {
        float[][] centres = new float[k][dimensions];
        for (int c = 0; c < k; c++) {
            Sparse start = vectors[(int) ((long) c * vectors.length / k)];
            for (int j = 0; j < start.dimensions().length; j++) {
                centres[c][start.dimensions()[j]] = start.values()[j];
            }
        }
        int[] assignment = new int[vectors.length];
        for (int round = 0; round < ROUNDS; round++) {
            for (int w = 0; w < vectors.length; w++) {
                int[] dims = vectors[w].dimensions();
                float[] values = vectors[w].values();
                float best = Float.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    float similarity = 0;
                    for (int j = 0; j < dims.length; j++) {
                        similarity += centres[c][dims[j]] * values[j];
                    }
                    if (similarity > best) {
                        best = similarity;
                        assignment[w] = c;
                    }
                }
            }
            for (float[] centre : centres) {
                Arrays.fill(centre, 0);
            }
            for (int w = 0; w < vectors.length; w++) {
                for (int j = 0; j < vectors[w].dimensions().length; j++) {
                    centres[assignment[w]][vectors[w].dimensions()[j]] += vectors[w].values()[j];
                }
            }
            for (float[] centre : centres) {
                double norm = 0;
                for (float value : centre) {
                    norm += value * value;
                }
                for (int d = 0; norm > 0 && d < dimensions; d++) {
                    centre[d] /= (float) Math.sqrt(norm);
                }
            }
        }
        return assignment;
    }

    private static Map<String, Integer> index(List<String> words) {
        Map<String, Integer> index = new HashMap<>(words.size() * 2);
        for (int i = 0; i < words.size(); i++) {
            index.put(words.get(i), i);
        }
        return index;
    }
}
