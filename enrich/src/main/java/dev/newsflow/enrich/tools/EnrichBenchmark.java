package dev.newsflow.enrich.tools;

import dev.newsflow.enrich.Enricher;
import dev.newsflow.enrich.Enrichers;
import dev.newsflow.events.Article;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Per-article latency of the whole enrichment, models loaded once:
 * {@code EnrichBenchmark <data-dir> [articles-per-set, default 300] [rounds, default 5]}. Prints the load time
 * and heap of {@link Enrichers#createDefault()}, then, per set of real articles (Reuters English of 2.5-3.5 KB,
 * all Reuters, Telegram Russian), the median and p99 latency on one thread after a warm-up round, as wall time
 * and as the thread's CPU time (which a busy shared machine inflates less).
 */
public final class EnrichBenchmark {

    private EnrichBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: EnrichBenchmark <data-dir> [articles-per-set, default 300] [rounds, default 5]");
            System.exit(2);
        }
        Path data = RealNews.requireDataDir(args[0]);
        int perSet = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;

        long heapBefore = usedHeap();
        long started = System.nanoTime();
        Enricher enricher = Enrichers.createDefault();
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        long heapAfter = usedHeap();
        System.out.printf(Locale.ROOT, "load: %.2f s, heap retained %.0f MB%n", loadSeconds, (heapAfter - heapBefore) / 1e6);

        List<Article> reuters = RealNews.reuters(data, 20_000, 0);
        List<Article> threeKb = reuters.stream()
                .filter(a -> a.fullText().length() >= 2500 && a.fullText().length() <= 3500).limit(perSet).toList();
        report(enricher, "Reuters en 2.5-3.5 KB", threeKb, rounds);
        report(enricher, "Reuters en, any size", reuters.stream().filter(a -> a.body().length() >= 200).limit(perSet).toList(), rounds);
        report(enricher, "Telegram ru", RealNews.telegram(data, perSet, 200), rounds);
    }

    private static void report(Enricher enricher, String name, List<Article> articles, int rounds) {
        for (Article article : articles) {
            enricher.enrich(article); // warm-up round
        }
        double[] millis = new double[articles.size() * rounds];
        double[] cpuMillis = new double[millis.length];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int i = 0;
        for (int round = 0; round < rounds; round++) {
            for (Article article : articles) {
                long cpu = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                enricher.enrich(article);
                millis[i] = (System.nanoTime() - start) / 1e6;
                cpuMillis[i++] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
            }
        }
        Arrays.sort(millis);
        Arrays.sort(cpuMillis);
        double meanChars = articles.stream().mapToInt(a -> a.fullText().length()).average().orElse(0);
        System.out.printf(Locale.ROOT, "%-24s %4d articles, mean %5.0f chars: wall median %.2f ms, p99 %.2f ms;"
                        + " CPU median %.2f ms, p99 %.2f ms%n",
                name, articles.size(), meanChars, millis[millis.length / 2], millis[(int) (millis.length * 0.99)],
                cpuMillis[cpuMillis.length / 2], cpuMillis[(int) (cpuMillis.length * 0.99)]);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
