package dev.newsflow.dedupe.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every pair of sets whose exact Jaccard similarity is at least {@code t}: the brute-force answer that LSH is
 * measured against, computed with the prefix filter of Bayardo et al. ("Scaling up all pairs similarity
 * search", WWW 2007) so it finishes in seconds. The filter is exact, not a heuristic: with the elements of
 * every set in one global order (rarest first), two sets of Jaccard >= t always share an element among the first
 * {@code |x| - ceil(t |x|) + 1} of each; every such candidate is then verified with the exact Jaccard.
 */
final class ExactAllPairs {

    /** A pair of set indexes {@code i < j} and their exact Jaccard similarity. */
    record Pair(int i, int j, double jaccard) {}

    private ExactAllPairs() {}

    static List<Pair> find(List<long[]> sets, double t) {
        int[][] ranked = rankByFrequency(sets);
        int tokens = 0;
        for (int[] s : ranked) {
            for (int v : s) {
                tokens = Math.max(tokens, v + 1);
            }
        }
        int[][] postings = new int[tokens][];
        int[] postingSize = new int[tokens];
        int[] lastProbe = new int[sets.size()];
        Arrays.fill(lastProbe, -1);
        List<Pair> pairs = new ArrayList<>();
        for (int x = 0; x < ranked.length; x++) {
            int[] set = ranked[x];
            int prefix = set.length - (int) Math.ceil(t * set.length) + 1;
            for (int k = 0; k < Math.min(prefix, set.length); k++) {
                int token = set[k];
                for (int n = 0; n < postingSize[token]; n++) {
                    int y = postings[token][n];
                    if (lastProbe[y] == x) {
                        continue;
                    }
                    lastProbe[y] = x;
                    double j = jaccard(set, ranked[y]);
                    if (j >= t) {
                        pairs.add(new Pair(y, x, j));
                    }
                }
            }
            for (int k = 0; k < Math.min(prefix, set.length); k++) {
                int token = set[k];
                if (postings[token] == null) {
                    postings[token] = new int[2];
                } else if (postingSize[token] == postings[token].length) {
                    postings[token] = Arrays.copyOf(postings[token], postingSize[token] * 2);
                }
                postings[token][postingSize[token]++] = x;
            }
        }
        return pairs;
    }

    /** Replaces each element by its rank in the global order (document frequency, then value), sorted. */
    private static int[][] rankByFrequency(List<long[]> sets) {
        int total = 0;
        for (long[] s : sets) {
            total += s.length;
        }
        long[] all = new long[total];
        int pos = 0;
        for (long[] s : sets) {
            System.arraycopy(s, 0, all, pos, s.length);
            pos += s.length;
        }
        Arrays.sort(all);
        int distinct = 0;
        int[] freq = new int[total];
        for (int i = 0; i < total; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[distinct++] = all[i];
            }
            freq[distinct - 1]++;
        }
        long[] values = Arrays.copyOf(all, distinct);
        // order distinct values by (frequency, value): encode as frequency << 32 | index
        long[] order = new long[distinct];
        for (int i = 0; i < distinct; i++) {
            order[i] = ((long) freq[i] << 32) | i;
        }
        Arrays.sort(order);
        int[] rankOfIndex = new int[distinct];
        for (int r = 0; r < distinct; r++) {
            rankOfIndex[(int) order[r]] = r;
        }
        int[][] ranked = new int[sets.size()][];
        for (int s = 0; s < sets.size(); s++) {
            long[] set = sets.get(s);
            int[] r = new int[set.length];
            for (int k = 0; k < set.length; k++) {
                r[k] = rankOfIndex[Arrays.binarySearch(values, set[k])];
            }
            Arrays.sort(r);
            ranked[s] = r;
        }
        return ranked;
    }

    private static double jaccard(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = a.length + b.length - shared;
        return union == 0 ? 0 : (double) shared / union;
    }
}
