package dev.newsflow.enrich.ner;

import dev.newsflow.events.EntityType;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Entity-level precision, recall and F1 with exact span and type match, per type and overall (micro).
 * Not thread-safe: one instance per evaluation run.
 */
public final class NerScore {

    private final Map<EntityType, int[]> counts = new EnumMap<>(EntityType.class);

    public NerScore() {
        for (EntityType type : EntityType.values()) {
            counts.put(type, new int[3]); // true positives, false positives, false negatives
        }
    }

    /** Adds one sentence: the gold entities and the predicted ones. */
    public void add(List<LabeledSentence.TokenSpan> gold, List<LabeledSentence.TokenSpan> predicted) {
        Set<LabeledSentence.TokenSpan> goldSet = new HashSet<>(gold);
        Set<LabeledSentence.TokenSpan> predictedSet = new HashSet<>(predicted);
        for (LabeledSentence.TokenSpan span : predictedSet) {
            counts.get(span.type())[goldSet.contains(span) ? 0 : 1]++;
        }
        for (LabeledSentence.TokenSpan span : goldSet) {
            if (!predictedSet.contains(span)) {
                counts.get(span.type())[2]++;
            }
        }
    }

    public double precision(EntityType type) {
        int[] c = counts.get(type);
        return ratio(c[0], c[0] + c[1]);
    }

    public double recall(EntityType type) {
        int[] c = counts.get(type);
        return ratio(c[0], c[0] + c[2]);
    }

    public double f1(EntityType type) {
        return f1(precision(type), recall(type));
    }

    public double precision() {
        int[] c = total();
        return ratio(c[0], c[0] + c[1]);
    }

    public double recall() {
        int[] c = total();
        return ratio(c[0], c[0] + c[2]);
    }

    /** Micro-averaged F1 over all three types. */
    public double f1() {
        return f1(precision(), recall());
    }

    /** Gold entities seen. */
    public int goldCount() {
        int[] c = total();
        return c[0] + c[2];
    }

    private int[] total() {
        int[] sum = new int[3];
        for (int[] c : counts.values()) {
            for (int i = 0; i < 3; i++) {
                sum[i] += c[i];
            }
        }
        return sum;
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0.0 : (double) a / b;
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    /** One line: overall P/R/F1, then F1 per type. */
    public String summary() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "P %.3f R %.3f F1 %.3f", precision(), recall(), f1()));
        for (EntityType type : EntityType.values()) {
            line.append(String.format(Locale.ROOT, " | %s P %.3f R %.3f F1 %.3f", type.name().substring(0, 3),
                    precision(type), recall(type), f1(type)));
        }
        return line.append(" | gold ").append(goldCount()).toString();
    }
}
