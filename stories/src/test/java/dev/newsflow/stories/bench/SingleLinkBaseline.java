package dev.newsflow.stories.bench;

import dev.newsflow.stories.TermAnalyzer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain baseline: TF-IDF of the same stems over the whole part, every pair compared, pairs at cosine >= the
 * threshold linked, clusters = connected components (single link). Offline and quadratic: a yardstick, not a
 * stream algorithm.
 */
final class SingleLinkBaseline {

    private SingleLinkBaseline() {
    }

    static List<String> cluster(List<String> texts, String language, double threshold) {
        TermAnalyzer analyzer = new TermAnalyzer();
        List<Map<String, Double>> tfs = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        for (String text : texts) {
            Map<String, Double> tf = new HashMap<>();
            analyzer.stems(text, language).forEach(s -> tf.merge(s, 1.0, Double::sum));
            tf.keySet().forEach(s -> df.merge(s, 1, Integer::sum));
            tfs.add(tf);
        }
        int n = texts.size();
        List<Map<String, Double>> vectors = new ArrayList<>();
        for (Map<String, Double> tf : tfs) {
            Map<String, Double> v = new HashMap<>();
            double norm = 0;
            for (var e : tf.entrySet()) {
                double w = (1 + Math.log(e.getValue())) * (Math.log((n + 1.0) / (df.get(e.getKey()) + 1.0)) + 1);
                v.put(e.getKey(), w);
                norm += w * w;
            }
            double inv = norm == 0 ? 0 : 1 / Math.sqrt(norm);
            v.replaceAll((k, w) -> w * inv);
            vectors.add(v);
        }
        Map<String, List<Integer>> postings = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (String term : vectors.get(i).keySet()) {
                postings.computeIfAbsent(term, t -> new ArrayList<>()).add(i);
            }
        }
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            Map<Integer, Double> dots = new HashMap<>();
            for (var e : vectors.get(i).entrySet()) {
                for (int j : postings.get(e.getKey())) {
                    if (j > i) {
                        dots.merge(j, e.getValue() * vectors.get(j).get(e.getKey()), Double::sum);
                    }
                }
            }
            for (var d : dots.entrySet()) {
                if (d.getValue() >= threshold) {
                    parent[find(parent, i)] = find(parent, d.getKey());
                }
            }
        }
        List<String> labels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            labels.add("c" + find(parent, i));
        }
        return labels;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
