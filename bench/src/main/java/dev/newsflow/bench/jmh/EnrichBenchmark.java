package dev.newsflow.bench.jmh;

import dev.newsflow.enrich.Enricher;
import dev.newsflow.enrich.Enrichers;
import dev.newsflow.events.Article;
import dev.newsflow.events.Enrichment;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Enrichment of one article (language, entities, countries, keywords, summary, counts) with the shipped models. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class EnrichBenchmark {
    @Param("")
    public String data;

    private List<Article> articles;
    private Enricher enricher;
    private int next;

    @Setup
    public void load() {
        articles = BenchData.reuters(data);
        enricher = Enrichers.createDefault();
    }

    @Benchmark
    public Enrichment enrichOne() {
        return enricher.enrich(articles.get(next++ % articles.size()));
    }
}
