package dev.newsflow.stories.bench;

import dev.newsflow.events.EnrichedArticle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Arrays;

/**
 * The per-article decision of {@link AssignBenchmark} (the same week of news, the same probes) timed one decision at a
 * time in thread CPU time beside wall time: on a shared machine the wall-clock tail is mostly the scheduler and the
 * collector, the CPU-time tail is the work. Four passes over the 2,000 probes, the last one measured (the first three
 * warm the JIT). A profiling aid, not a gate.
 *
 * <pre>java -cp $CP dev.newsflow.stories.bench.AssignCpuProfile ../shared/data</pre>
 */
public final class AssignCpuProfile {
    private static final int PASSES = 4;

    private AssignCpuProfile() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: AssignCpuProfile DATA_DIR (the folder holding reuters21578/ and telegram_ru_news/)");
            System.exit(2);
        }
        AssignBenchmark.Week week = AssignBenchmark.Week.load(args[0]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int probes = week.probes().size();
        long[] cpu = new long[probes];
        long[] wall = new long[probes];
        Instant clock = week.end();
        for (int pass = 0; pass < PASSES; pass++) {
            for (int i = 0; i < probes; i++) {
                EnrichedArticle probe = week.probes().get(i);
                clock = clock.plusSeconds(1);
                long cpuStart = threads.getCurrentThreadCpuTime();
                long wallStart = System.nanoTime();
                AssignBenchmark.judge(week.index(), probe, pass * probes + i, clock);
                cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
                wall[i] = System.nanoTime() - wallStart;
            }
        }
        System.out.println("per decision, last pass of " + probes + ": CPU time " + percentiles(cpu) + "; wall time " + percentiles(wall));
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms", at(sorted, 0.50), at(sorted, 0.90),
                at(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }
}
