package dev.newsflow.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks of {@code dev.newsflow.bench.jmh} (JSON serde, dedupe signature and judge, enrichment
 * of one article) in a forked JVM, and returns the score of each: microseconds an operation, mean.
 */
final class MicroBenchmarks {
    private MicroBenchmarks() {
    }

    /** One benchmark's mean time an operation and its 99.9% confidence half-width. */
    record Score(String benchmark, double microsPerOp, double error) {
    }

    static List<Score> run(Path dataFolder, Path jsonOut, boolean quick) throws Exception {
        OptionsBuilder builder = new OptionsBuilder();
        builder.include("dev\\.newsflow\\.bench\\.jmh\\..*")
                .param("data", dataFolder.toAbsolutePath().toString())
                .resultFormat(ResultFormatType.JSON)
                .result(jsonOut.toString())
                .shouldFailOnError(true);
        if (quick) {
            builder.warmupIterations(1).measurementIterations(2);
        }
        Options options = builder.build();
        Collection<RunResult> results = new Runner(options).run();
        List<Score> scores = new ArrayList<>();
        for (RunResult result : results) {
            var primary = result.getPrimaryResult();
            String name = result.getParams().getBenchmark().replace("dev.newsflow.bench.jmh.", "");
            scores.add(new Score(name, PipelineRuns.round2(primary.getScore()), PipelineRuns.round2(primary.getScoreError())));
        }
        return scores;
    }

    static Map<String, Object> asMap(List<Score> scores) {
        Map<String, Object> map = new LinkedHashMap<>();
        scores.forEach(s -> map.put(s.benchmark(), Map.of("usPerOp", s.microsPerOp(), "error", s.error())));
        return map;
    }
}
