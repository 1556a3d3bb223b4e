package dev.newsflow.dedupe.bench;

import dev.newsflow.dedupe.ArticleSketch;
import dev.newsflow.dedupe.DedupeConfig;
import dev.newsflow.dedupe.DedupeIndex;
import dev.newsflow.dedupe.Sketcher;
import dev.newsflow.dedupe.Verdict;
import dev.newsflow.dedupe.bench.Corpus.Doc;
import dev.newsflow.events.Article;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-article cost of dedupe on real Reuters articles: normalize + fingerprint + shingle + MinHash
 * ({@code sketch}), and the whole {@link DedupeIndex#judge} for a stream of new articles (with expiry keeping
 * the index at a steady {@code indexed} articles) and for near-duplicate copies. Run with
 * {@code -p data=<shared data folder>} (see the module README).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class JudgeBenchmark {

    @Param("")
    public String data;

    /** Articles kept in the index in the steady state (the window, counted in articles). */
    @Param("10000")
    public int indexed;

    private final DedupeConfig config = DedupeConfig.defaults();
    private List<Article> articles;
    private List<Article> copies;
    private Sketcher sketcher;
    private DedupeIndex stream;
    private DedupeIndex filled;
    private long tick;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        Path folder = Path.of(data);
        if (data.isBlank() || !Files.isDirectory(folder.resolve("reuters21578"))) {
            throw new IllegalStateException("pass the shared data folder with -p data=<folder holding"
                    + " reuters21578/>; got '" + data + "'");
        }
        List<Doc> docs = Corpus.reuters(folder);
        articles = docs.stream().map(Doc::article).toList();
        Random random = new Random(7);
        copies = new ArrayList<>();
        SyndicationEdits.Kind[] kinds = SyndicationEdits.Kind.values();
        for (int i = 0; i < indexed && i < docs.size(); i++) {
            copies.add(SyndicationEdits.apply(kinds[i % kinds.length], docs.get(i), "copy-" + i, random).article());
        }
        sketcher = new Sketcher(config);
        // each op is one second; the window holds `indexed` of them
        stream = new DedupeIndex(config.withWindow(Duration.ofSeconds(indexed)));
        filled = new DedupeIndex(config);
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < indexed && i < articles.size(); i++) {
            filled.judge(articles.get(i), t);
        }
    }

    @Benchmark
    public ArticleSketch sketch() {
        return sketcher.sketch(articles.get(next++ % articles.size()).fullText());
    }

    /** A stream of new articles with fresh ids: judge + remember + expire, at a steady index size. */
    @Benchmark
    public Verdict judgeStream() {
        Article a = articles.get(next++ % articles.size());
        Article fresh = new Article("s-" + tick, a.title(), a.body(), null, null, a.publishedAt(), null, null, null);
        Instant now = Instant.ofEpochSecond(1_800_000_000L + tick++);
        stream.expire(now);
        return stream.judge(fresh, now);
    }

    /** Edited copies of indexed articles (dateline, trim, word edits...): found as duplicates, nothing stored. */
    @Benchmark
    public Verdict judgeCopy() {
        return filled.judge(copies.get(next++ % copies.size()), Instant.parse("2026-11-01T01:00:00Z"));
    }
}
