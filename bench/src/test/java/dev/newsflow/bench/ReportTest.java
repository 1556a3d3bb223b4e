package dev.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the human-readable table says of each backfill. */
class ReportTest {

    @Test
    void shouldHoldOnlyTheInProcessBackfillToTheTargets() {
        Report report = new Report();
        report.backfill("backfill 1 (fresh JVM)", backfill(1, 1_000, 1_300));
        report.scaleOutBackfill("backfill, 2 enrich process(es)", backfill(2, 400, 2_000));

        String[] lines = report.text().split("\n");
        String inProcess = lines[1];
        String scaleOut = List.of(lines).stream().filter(l -> l.startsWith("backfill, 2")).findFirst().orElseThrow();
        assertThat(inProcess).contains("= 1000 articles/s (target >= 1000)", "peak RSS 1300 MiB (target < 1536)");
        assertThat(scaleOut).contains("= 400 articles/s;", "peak RSS 2000 MiB (this JVM and the enrich processes)")
                .doesNotContain("target");
    }

    @Test
    void shouldRateBackfillsTogetherByTheirSummedTimesNotTheMeanOfTheirRates() {
        // 6,000 articles in 10 s, then 6,000 in 2 s: 12,000 in 12 s = 1,000/s (the mean of 600/s and 3,000/s is 1,800/s)
        var together = PipelineRuns.Backfills.of(List.of(backfill(1, 600, 1_300), backfill(1, 3_000, 1_300)));
        Report report = new Report();
        report.backfillsTogether(together);

        assertThat(together.articlesPerSecond()).isEqualTo(1_000.0);
        assertThat(report.text()).contains("backfills 1-2 together, from a fresh JVM: 12000 articles in 12.0 s = 1000 articles/s");
    }

    private static PipelineRuns.Backfill backfill(int enrichInstances, double articlesPerSecond, double peakRssMiB) {
        return new PipelineRuns.Backfill("b", 6_000, enrichInstances, 0.2, 6_000 / articlesPerSecond, articlesPerSecond, 271, 0,
                peakRssMiB, Map.of(), Map.of("total", 5.0), Map.of("dedupe", 2.0), List.of());
    }
}
