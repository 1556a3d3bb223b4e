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

    private static PipelineRuns.Backfill backfill(int enrichInstances, double articlesPerSecond, double peakRssMiB) {
        return new PipelineRuns.Backfill("b", 6_000, enrichInstances, 0.2, 6_000 / articlesPerSecond, articlesPerSecond, 271, 0,
                peakRssMiB, Map.of(), Map.of("total", 5.0), Map.of("dedupe", 2.0), List.of());
    }
}
