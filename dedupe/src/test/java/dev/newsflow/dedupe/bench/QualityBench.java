package dev.newsflow.dedupe.bench;

import dev.newsflow.dedupe.DedupeConfig;
import dev.newsflow.dedupe.DedupeIndex;
import dev.newsflow.dedupe.IndexEntry;
import dev.newsflow.dedupe.Similarity;
import dev.newsflow.dedupe.Sketcher;
import dev.newsflow.dedupe.Verdict;
import dev.newsflow.dedupe.bench.Corpus.Doc;
import dev.newsflow.dedupe.bench.SyndicationEdits.Kind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Quality of the verdicts on real news: derived reproductions and hard negatives from Reuters-21578, natural
 * identical-body groups, natural cross-posts of Russian Telegram channels, and the recall of the LSH
 * candidate step against exact all-pairs similarity. Not a unit test: run it on the shared data folder
 * (see the module README). Extra {@code key=value} arguments override dedupe settings.
 */
public final class QualityBench {

    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private static final int POSITIVES = 4000;
    private static final int MIN_WORDS = 60;

    private final DedupeConfig config;
    private final Sketcher sketcher;
    private final Map<String, long[]> shingleCache = new HashMap<>();

    private QualityBench(DedupeConfig config) {
        this.config = config;
        this.sketcher = new Sketcher(config);
    }

    public static void main(String[] args) {
        Path data = Corpus.dataFolder(args);
        Map<String, String> overrides = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            overrides.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        DedupeConfig config = DedupeConfig.fromMap(overrides);
        System.out.printf(Locale.ROOT, "config: %s%n  LSH threshold (1/b)^(1/r) = %.3f%n", config, config.lshThreshold());
        QualityBench bench = new QualityBench(config);
        List<Doc> reuters = Corpus.reuters(data);
        List<Doc> telegram = Corpus.telegram(data);
        System.out.printf(Locale.ROOT, "loaded %d Reuters documents with title and body, %d Telegram posts%n",
                reuters.size(), telegram.size());
        bench.reutersDerived(reuters);
        bench.telegramNatural(telegram);
    }

    private long[] shingles(Doc doc) {
        return shingleCache.computeIfAbsent(doc.id(), id -> sketcher.shingleHashes(doc.article().fullText()));
    }

    private static int words(Doc doc) {
        return doc.body().split("\\s+").length;
    }

    // ---------------------------------------------------------------------------------------------------------
    private void reutersDerived(List<Doc> all) {
        System.out.println("\n== Reuters-21578: derived reproductions and hard negatives ==");
        List<Doc> indexed = new ArrayList<>();
        List<Doc> negativePool = new ArrayList<>();
        List<Doc> followUpPool = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            switch (i % 8) {
                case 3 -> negativePool.add(all.get(i));
                case 7 -> followUpPool.add(all.get(i));
                default -> indexed.add(all.get(i));
            }
        }
        DedupeIndex index = new DedupeIndex(config.withWindow(Duration.ofDays(36500)));
        Map<String, String> rootOf = new HashMap<>();
        int tick = 0;
        int naturalDuplicates = 0;
        for (Doc doc : indexed) {
            Verdict v = index.judge(doc.article(), BASE.plusSeconds(tick++));
            if (v instanceof Verdict.Duplicate d) {
                rootOf.put(doc.id(), d.duplicateOf());
                naturalDuplicates++;
            } else {
                rootOf.put(doc.id(), doc.id());
            }
        }
        System.out.printf(Locale.ROOT, "indexed %d documents; %d judged duplicates of earlier ones%n",
                indexed.size(), naturalDuplicates);
        naturalIdenticalBodies(indexed, rootOf);

        // positives: one derived reproduction per sampled source, the edit kinds in turn
        List<Doc> sources = new ArrayList<>(indexed.stream().filter(d -> words(d) >= MIN_WORDS).toList());
        Random random = new Random(20261129L);
        Collections.shuffle(sources, random);
        sources = sources.subList(0, Math.min(POSITIVES, sources.size()));
        Map<Kind, int[]> byKind = new EnumMap<>(Kind.class); // {tp, fn, wrongTarget}
        int tp = 0;
        int fn = 0;
        int fp = 0;
        List<Doc> copies = new ArrayList<>();
        List<Doc> copySources = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Kind kind = Kind.values()[i % Kind.values().length];
            Doc source = sources.get(i);
            Doc copy = SyndicationEdits.apply(kind, source, "copy-" + i, random);
            copies.add(copy);
            copySources.add(source);
            int[] k = byKind.computeIfAbsent(kind, x -> new int[3]);
            Verdict v = index.judge(copy.article(), BASE.plusSeconds(tick++));
            if (v instanceof Verdict.Duplicate d && d.duplicateOf().equals(rootOf.get(source.id()))) {
                tp++;
                k[0]++;
            } else if (v instanceof Verdict.Duplicate) {
                fp++;
                fn++;
                k[2]++;
            } else {
                fn++;
                k[1]++;
            }
        }
        System.out.printf(Locale.ROOT, "%-14s %6s %6s %6s %8s%n", "edit", "copies", "found", "wrong", "recall");
        byKind.forEach((kind, k) -> System.out.printf(Locale.ROOT, "%-14s %6d %6d %6d %8.4f%n", kind,
                k[0] + k[1] + k[2], k[0], k[2], (double) k[0] / (k[0] + k[1] + k[2])));

        // hard negatives 1: held-out stories with a same-day same-topic story in the index, and no real duplicate
        List<Doc> reference = all; // a negative must differ from every other document, held-out ones included
        Map<String, Set<String>> dayTopics = new HashMap<>();
        for (Doc d : indexed) {
            if (!d.topics().isBlank()) {
                dayTopics.computeIfAbsent(d.day(), x -> new HashSet<>()).add(d.topics());
            }
        }
        int sameTopic = 0;
        int sameTopicFp = 0;
        for (Doc d : negativePool) {
            if (d.topics().isBlank() || !dayTopics.getOrDefault(d.day(), Set.of()).contains(d.topics())
                    || !clearlyDifferent(d, reference)) {
                continue;
            }
            sameTopic++;
            if (index.judge(d.article(), BASE.plusSeconds(tick++)) instanceof Verdict.Duplicate dup) {
                sameTopicFp++;
                System.out.printf(Locale.ROOT, "  false positive (same topic): %s -> %s %.3f %s%n", d.id(),
                        dup.duplicateOf(), dup.similarity(), dup.method());
            }
        }
        // hard negatives 2: follow-ups = lead paragraph of an indexed story + the body of an unseen story
        List<Doc> leads = indexed.stream().filter(d -> d.paragraphs().size() >= 3
                && d.paragraphs().get(0).split(" ").length >= 15).toList();
        List<Doc> bodies = followUpPool.stream().filter(d -> d.paragraphs().size() >= 3 && words(d) >= MIN_WORDS)
                .filter(d -> clearlyDifferent(d, reference)).toList();
        int followUps = 0;
        int followUpFp = 0;
        for (int i = 0; i < bodies.size() && i < leads.size(); i++) {
            Doc lead = leads.get((int) ((i * 7919L) % leads.size()));
            Doc body = bodies.get(i);
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add(lead.paragraphs().get(0));
            paragraphs.addAll(body.paragraphs());
            Doc followUp = new Doc("followup-" + i, body.title(), paragraphs, body.published(), body.topics());
            followUps++;
            if (index.judge(followUp.article(), BASE.plusSeconds(tick++)) instanceof Verdict.Duplicate dup) {
                followUpFp++;
                System.out.printf(Locale.ROOT, "  false positive (follow-up): %s (lead of %s) -> %s %.3f %s%n",
                        followUp.id(), lead.id(), dup.duplicateOf(), dup.similarity(), dup.method());
            }
        }
        fp += sameTopicFp + followUpFp;
        System.out.printf(Locale.ROOT, "hard negatives: %d same-day same-topic stories, %d judged duplicate;"
                + " %d follow-ups sharing a lead paragraph, %d judged duplicate%n", sameTopic, sameTopicFp,
                followUps, followUpFp);
        report("derived reproductions + hard negatives", tp, fp, fn);

        lshRecall("Reuters documents + derived copies", concat(all, copies));
    }

    /** True when {@code doc} has exact Jaccard < 0.3 and containment < 0.5 with every other reference doc. */
    private boolean clearlyDifferent(Doc doc, List<Doc> reference) {
        long[] s = shingles(doc);
        for (Doc other : reference) {
            if (other.id().equals(doc.id())) {
                continue;
            }
            long[] o = shingles(other);
            if (Similarity.exactJaccard(s, o) >= 0.3 || Similarity.exactContainment(s, o) >= 0.5) {
                return false;
            }
        }
        return true;
    }

    private void naturalIdenticalBodies(List<Doc> indexed, Map<String, String> rootOf) {
        Map<String, List<Doc>> byBody = new LinkedHashMap<>();
        for (Doc d : indexed) {
            byBody.computeIfAbsent(d.body(), x -> new ArrayList<>()).add(d);
        }
        int groups = 0;
        int later = 0;
        int found = 0;
        for (List<Doc> group : byBody.values()) {
            if (group.size() < 2) {
                continue;
            }
            groups++;
            for (Doc d : group.subList(1, group.size())) {
                later++;
                if (!rootOf.get(d.id()).equals(d.id())) {
                    found++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "natural identical-body groups among them: %d groups, %d later members,"
                + " %d judged duplicate (recall %.4f)%n", groups, later, found, (double) found / later);
    }

    // ---------------------------------------------------------------------------------------------------------
    private void telegramNatural(List<Doc> posts) {
        System.out.println("\n== Telegram (Russian channels): natural cross-posts, real times, window "
                + config.window() + " ==");
        DedupeIndex index = new DedupeIndex(config);
        Map<String, Doc> byId = new HashMap<>();
        Map<String, Verdict> verdicts = new HashMap<>();
        for (Doc p : posts) {
            byId.put(p.id(), p);
            Instant seen = p.published().toInstant();
            index.expire(seen);
            verdicts.put(p.id(), index.judge(p.article(), seen));
        }
        // ground truth: exact Jaccard >= threshold to an earlier post within the window
        List<long[]> sets = posts.stream().map(this::shingles).toList();
        Set<String> shouldBeDuplicate = new HashSet<>();
        Map<String, List<String>> earlierSimilar = new HashMap<>();
        long window = config.window().toMillis();
        for (ExactAllPairs.Pair pair : ExactAllPairs.find(sets, config.jaccardThreshold())) {
            Doc a = posts.get(pair.i());
            Doc b = posts.get(pair.j());
            Doc later = a.published().isAfter(b.published()) ? a : b;
            Doc earlier = later == a ? b : a;
            if (later.published().toInstant().toEpochMilli() - earlier.published().toInstant().toEpochMilli()
                    <= window) {
                shouldBeDuplicate.add(later.id());
                earlierSimilar.computeIfAbsent(later.id(), x -> new ArrayList<>()).add(earlier.id());
            }
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int fnIndexedPartner = 0;
        for (Doc p : posts) {
            Verdict v = verdicts.get(p.id());
            boolean expected = shouldBeDuplicate.contains(p.id());
            if (v instanceof Verdict.Duplicate d) {
                Doc original = byId.get(d.duplicateOf());
                long[] a = shingles(p);
                long[] b = shingles(original);
                boolean similar = d.duplicateOf().equals(p.id())
                        || Similarity.exactJaccard(a, b) >= config.jaccardThreshold()
                        || (Math.min(a.length, b.length) >= config.containmentMinShingles()
                                && Similarity.exactContainment(a, b) >= config.containmentThreshold());
                if (similar) {
                    tp++;
                } else {
                    fp++;
                    System.out.printf(Locale.ROOT, "  false positive by exact sets: %s -> %s (J %.3f, C %.3f)%n",
                            p.id(), d.duplicateOf(), Similarity.exactJaccard(a, b), Similarity.exactContainment(a, b));
                }
            } else if (expected) {
                fn++;
                boolean partnerIndexed = earlierSimilar.get(p.id()).stream()
                        .anyMatch(e -> verdicts.get(e) instanceof Verdict.Unique);
                if (partnerIndexed) {
                    fnIndexedPartner++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "missed: %d posts; %d of them have an indexed (unique) earlier post of exact"
                + " Jaccard >= threshold, the other %d only resemble posts that were themselves duplicates%n",
                fn, fnIndexedPartner, fn - fnIndexedPartner);
        System.out.printf(Locale.ROOT, "posts %d, judged duplicate %d, should be duplicate by exact Jaccard"
                + " >= %.2f within the window: %d%n", posts.size(), tp + fp, config.jaccardThreshold(),
                shouldBeDuplicate.size());
        report("Telegram natural (precision: verdict confirmed by exact sets; recall: exact-Jaccard pairs)",
                tp, fp, fn);
        lshRecall("Telegram posts", posts);
    }

    // ---------------------------------------------------------------------------------------------------------
    /** LSH candidate recall against exact all-pairs Jaccard at the confirmation threshold. */
    private void lshRecall(String what, List<Doc> docs) {
        List<long[]> sets = docs.stream().map(this::shingles).toList();
        long start = System.nanoTime();
        List<ExactAllPairs.Pair> pairs = ExactAllPairs.find(sets, config.jaccardThreshold());
        long exactMs = (System.nanoTime() - start) / 1_000_000;
        DedupeIndex index = new DedupeIndex(config);
        for (Doc d : docs) {
            var sketch = sketcher.sketch(d.article().fullText());
            index.restore(new IndexEntry(d.id(), sketch.fingerprint(), BASE, config.shingleSize(),
                    sketch.shingleCount(), sketch.signature()));
        }
        Map<Integer, Set<String>> candidates = new HashMap<>();
        int found = 0;
        int nonIdentical = 0;
        int nonIdenticalFound = 0;
        double expected = 0;
        for (ExactAllPairs.Pair pair : pairs) {
            Doc a = docs.get(pair.j());
            Set<String> c = candidates.computeIfAbsent(pair.j(),
                    j -> new HashSet<>(index.candidates(a.article(), BASE)));
            boolean hit = c.contains(docs.get(pair.i()).id());
            if (hit) {
                found++;
            }
            if (pair.jaccard() < 1.0) {
                nonIdentical++;
                if (hit) {
                    nonIdenticalFound++;
                }
            }
            expected += config.candidateProbability(pair.jaccard());
        }
        System.out.printf(Locale.ROOT, "LSH candidate recall, %s: %d pairs with exact Jaccard >= %.2f (all-pairs in"
                + " %d ms); %d are LSH candidates: recall %.4f (theory 1-(1-s^r)^b: %.4f); on the %d pairs with"
                + " Jaccard < 1: %.4f%n", what, pairs.size(), config.jaccardThreshold(), exactMs, found,
                (double) found / pairs.size(), expected / pairs.size(), nonIdentical,
                (double) nonIdenticalFound / Math.max(1, nonIdentical));
    }

    private static void report(String what, int tp, int fp, int fn) {
        double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        System.out.printf(Locale.ROOT, "%s: TP %d, FP %d, FN %d -> precision %.4f, recall %.4f, F1 %.4f%n",
                what, tp, fp, fn, precision, recall, f1);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
