package dev.newsflow.bench;

import java.util.List;

/** The short human-readable table of a bench run, built part by part. Not thread-safe. */
final class Report {
    private final StringBuilder text = new StringBuilder("newsflow bench\n");

    void line(String line) {
        text.append(line).append('\n');
    }

    void producer(ProducerComparison.Result result) {
        line(String.format("producer, %d records x %d B, %d partitions, settings %s:", result.records(),
                result.meanValueBytes(), result.partitions(), result.producerSettings()));
        for (ProducerComparison.Run run : result.runs()) {
            line(String.format("  round %d  %-20s %9.0f records/s  %6.1f MB/s", run.round(), run.side(),
                    run.recordsPerSecond(), run.megabytesPerSecond()));
        }
        line(String.format("  median: newsflow %.0f/s, ProducerPerformance %.0f/s, ratio %.2f (target >= 0.90)",
                result.newsflowMedian(), result.producerPerformanceMedian(), result.ratio()));
    }

    /** A backfill with every stage in this JVM, the case the targets are set for. */
    void backfill(String title, PipelineRuns.Backfill run) {
        backfill(title, run, " (target >= 1000)", " MiB (target < 1536)");
    }

    /**
     * A backfill with enrich in other processes: its memory is this JVM's and theirs together, and neither target
     * (one {@code newsflow run} process, the whole Reuters set) is what it measures.
     */
    void scaleOutBackfill(String title, PipelineRuns.Backfill run) {
        backfill(title, run, "", " MiB (this JVM and the enrich processes)");
    }

    private void backfill(String title, PipelineRuns.Backfill run, String rateTarget, String rssNote) {
        line(String.format("%s: %d articles in %.1f s = %.0f articles/s%s; published in %.1f s;"
                        + " duplicates %d, dead letters %d; peak RSS %.0f%s", title, run.articles(), run.totalSeconds(),
                run.articlesPerSecond(), rateTarget, run.publishSeconds(), run.duplicates(), run.deadLetters(),
                run.peakRssMiB(), rssNote));
        if (!run.busySeconds().isEmpty()) {
            line("  busy seconds by in-process stage (poll to commit): " + run.busySeconds());
        }
        line("  CPU seconds of this process by thread group (2 cores: at most 2 a second): " + run.cpuSeconds());
        line("  lag drained at (s): " + run.drainedAtSeconds());
        List<LagSampler.Sample> samples = run.samples();
        int step = Math.max(1, samples.size() / 12);
        for (int i = 0; i < samples.size(); i += step) {
            LagSampler.Sample s = samples.get(i);
            line(String.format("  t=%5.1fs lag %s stored %d rss %.0f+%.0f MiB", s.t(), s.lag(), s.stored(), s.rssMiB(),
                    s.childrenRssMiB()));
        }
    }

    /**
     * The backfills of one JVM taken together, the first one's JIT warm-up included: what a backfill several
     * times the corpus averages from a cold start, where each single backfill shows how fast the code was then.
     */
    void backfillsTogether(PipelineRuns.Backfills together) {
        line(String.format("backfills 1-%d together, from a fresh JVM: %d articles in %.1f s = %.0f articles/s",
                together.runs(), together.articles(), together.totalSeconds(), together.articlesPerSecond()));
    }

    void latency(PipelineRuns.Latency latency) {
        line(String.format("latency publish -> stored at %d/s for %d s (%d articles, achieved %.1f/s): p50 %d ms, p99 %d ms"
                        + " (target <= 250), max %d ms, not stored %d", latency.ratePerSecond(), latency.seconds(),
                latency.articles(), latency.achievedRate(), latency.p50Millis(), latency.p99Millis(), latency.maxMillis(),
                latency.missing()));
        line(String.format("latency publish -> visible on the SSE stream (GET /api/stream, %d articles; %d duplicates are"
                        + " stored, never streamed): p50 %d ms, p99 %d ms, max %d ms, never seen %d",
                latency.articles() - latency.duplicates(), latency.duplicates(), latency.sseP50Millis(),
                latency.sseP99Millis(), latency.sseMaxMillis(), latency.sseMissing()));
        line("  a batch's commit, mean by stage (ms; a sink's write included): " + latency.meanCommitMillis());
        for (PipelineRuns.Hop hop : latency.hops()) {
            line(String.format("  %s: p50 %d ms, p99 %d ms, max %d ms", hop.name(), hop.p50Millis(), hop.p99Millis(),
                    hop.maxMillis()));
        }
    }

    void jmh(List<MicroBenchmarks.Score> scores) {
        line("JMH (us/op, mean +- 99.9% half-width):");
        for (MicroBenchmarks.Score score : scores) {
            line(String.format("  %-45s %10.2f +- %.2f", score.benchmark(), score.microsPerOp(), score.error()));
        }
    }

    String text() {
        return text.toString();
    }
}
