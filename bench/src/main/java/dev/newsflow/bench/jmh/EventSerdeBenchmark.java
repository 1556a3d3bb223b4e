package dev.newsflow.bench.jmh;

import dev.newsflow.enrich.Enrichers;
import dev.newsflow.events.Article;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.EventJson;
import java.time.Instant;
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

/**
 * JSON serde of the events every stage decodes and encodes, on real Reuters articles: an {@link Article} to bytes
 * (producer, dedupe), bytes to an Article (dedupe, enrich), and bytes to an {@link EnrichedArticle} (store).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class EventSerdeBenchmark {
    private static final int SAMPLE = 500;

    @Param("")
    public String data;

    private List<Article> articles;
    private byte[][] articleJson;
    private byte[][] enrichedJson;
    private int next;

    @Setup
    public void load() {
        articles = BenchData.reuters(data).subList(0, SAMPLE);
        articleJson = articles.stream().map(EventJson::toBytes).toArray(byte[][]::new);
        var enricher = Enrichers.createDefault();
        enrichedJson = articles.stream().map(a -> EventJson.toBytes(new EnrichedArticle(a, enricher.enrich(a), Instant.now())))
                .toArray(byte[][]::new);
    }

    @Benchmark
    public byte[] articleToBytes() {
        return EventJson.toBytes(articles.get(next++ % SAMPLE));
    }

    @Benchmark
    public Article articleFromBytes() {
        return EventJson.fromBytes(articleJson[next++ % SAMPLE], Article.class);
    }

    @Benchmark
    public EnrichedArticle enrichedFromBytes() {
        return EventJson.fromBytes(enrichedJson[next++ % SAMPLE], EnrichedArticle.class);
    }
}
