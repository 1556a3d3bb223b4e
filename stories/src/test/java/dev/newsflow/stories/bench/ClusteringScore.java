package dev.newsflow.stories.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Agreement of a clustering with the gold one: B-cubed precision, recall and F1 (Bagga and Baldwin 1998: per item,
 * the share of its predicted cluster that is in its gold cluster, and the reverse, averaged over items) and the
 * adjusted Rand index (Hubert and Arabie 1985). Items are given as parallel lists of labels.
 *
 * @param precision B-cubed precision
 * @param recall    B-cubed recall
 * @param f1        their harmonic mean
 * @param ari       adjusted Rand index
 * @param items     items scored
 * @param predicted clusters predicted
 * @param gold      gold clusters
 */
record ClusteringScore(double precision, double recall, double f1, double ari, int items, int predicted, int gold) {

    static ClusteringScore of(List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size() || gold.isEmpty()) {
            throw new IllegalArgumentException("need the same, non-zero number of gold and predicted labels");
        }
        int n = gold.size();
        Map<String, Integer> goldSize = sizes(gold);
        Map<String, Integer> predSize = sizes(predicted);
        Map<String, Integer> pairSize = new HashMap<>();
        for (int i = 0; i < n; i++) {
            pairSize.merge(gold.get(i) + "\u0000" + predicted.get(i), 1, Integer::sum);
        }
        double precision = 0;
        double recall = 0;
        for (int i = 0; i < n; i++) {
            double both = pairSize.get(gold.get(i) + "\u0000" + predicted.get(i));
            precision += both / predSize.get(predicted.get(i));
            recall += both / goldSize.get(gold.get(i));
        }
        precision /= n;
        recall /= n;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        double index = pairSize.values().stream().mapToDouble(ClusteringScore::pairs).sum();
        double goldPairs = goldSize.values().stream().mapToDouble(ClusteringScore::pairs).sum();
        double predPairs = predSize.values().stream().mapToDouble(ClusteringScore::pairs).sum();
        double expected = goldPairs * predPairs / pairs(n);
        double maxIndex = (goldPairs + predPairs) / 2;
        double ari = maxIndex == expected ? 1.0 : (index - expected) / (maxIndex - expected);
        return new ClusteringScore(precision, recall, f1, ari, n, predSize.size(), goldSize.size());
    }

    private static Map<String, Integer> sizes(List<String> labels) {
        Map<String, Integer> sizes = new HashMap<>();
        labels.forEach(l -> sizes.merge(l, 1, Integer::sum));
        return sizes;
    }

    private static double pairs(double n) {
        return n * (n - 1) / 2;
    }

    String row(String name) {
        return String.format("| %s | %.3f | %.3f | **%.3f** | %.3f | %d | %d |", name, precision, recall, f1, ari, predicted, gold);
    }
}
