package dev.newsflow.bench.jmh;

import dev.newsflow.dedupe.ArticleSketch;
import dev.newsflow.dedupe.DedupeConfig;
import dev.newsflow.dedupe.DedupeIndex;
import dev.newsflow.dedupe.Sketcher;
import dev.newsflow.dedupe.Verdict;
import dev.newsflow.events.Article;
import java.time.Duration;
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
 * Dedupe's per-article cost as the stage pays it: the signature (normalize, fingerprint, shingle, MinHash) and
 * the whole judge (signature + lookup + remember + expire) for a stream of new articles at a steady index of
 * {@code indexed} articles. The dedupe module's own JudgeBenchmark (dedupe/src/test/.../bench) measures the
 * same and near-duplicate copies in more detail; this one keeps the pipeline's hot paths side by side.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class DedupeBenchmark {
    @Param("")
    public String data;

    @Param("10000")
    public int indexed;

    private List<Article> articles;
    private Sketcher sketcher;
    private DedupeIndex index;
    private long tick;
    private int next;

    @Setup
    public void load() {
        articles = BenchData.reuters(data);
        DedupeConfig config = DedupeConfig.defaults();
        sketcher = new Sketcher(config);
        index = new DedupeIndex(config.withWindow(Duration.ofSeconds(indexed))); // one op = one second
    }

    @Benchmark
    public ArticleSketch signature() {
        return sketcher.sketch(articles.get(next++ % articles.size()).fullText());
    }

    @Benchmark
    public Verdict judgeStream() {
        Article a = articles.get(next++ % articles.size());
        Article fresh = new Article("s-" + tick, a.title(), a.body(), null, null, a.publishedAt(), null, null, null);
        Instant now = Instant.ofEpochSecond(1_800_000_000L + tick++);
        index.expire(now);
        return index.judge(fresh, now);
    }
}
