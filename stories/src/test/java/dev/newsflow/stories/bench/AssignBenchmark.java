package dev.newsflow.stories.bench;

import dev.newsflow.enrich.Enricher;
import dev.newsflow.enrich.Enrichers;
import dev.newsflow.events.Article;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.stories.StoriesConfig;
import dev.newsflow.stories.StoryIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
 * The per-article decision ({@code expire} + {@link StoryIndex#assign}: features, candidates from the inverted index,
 * full comparison, story update) against a realistic index: a week of news, every Reuters-21578 article with a body
 * and every Russian Telegram post of the shared data folder ({@code -p data=DIR}), enriched once in setup and spread
 * evenly over seven days; the last 2,000 of them are held back and judged one after another (each under a new id,
 * so none is a re-delivery) at the end of the week. Enrichment itself is not timed: the stage receives enriched
 * articles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class AssignBenchmark {

    private static final Pattern DOC = Pattern.compile("<REUTERS.*?</REUTERS>", Pattern.DOTALL);
    private static final Pattern TITLE = Pattern.compile("<TITLE>(.*?)</TITLE>", Pattern.DOTALL);
    private static final Pattern BODY = Pattern.compile("<BODY>(.*?)</BODY>", Pattern.DOTALL);
    private static final Pattern POST = Pattern.compile("\"text\":\\s*\"((?:[^\"\\\\]++|\\\\.)*+)\"");
    private static final int PROBES = 2_000;

    @Param("")
    public String data;

    private StoryIndex index;
    private List<EnrichedArticle> probes;
    private Instant clock;
    private int next;

    @Setup
    public void setUp() throws IOException {
        Week week = Week.load(data);
        index = week.index();
        probes = week.probes();
        clock = week.end();
    }

    /**
     * A week of news in an index and the articles held back to judge at its end, as the benchmark sets them up.
     *
     * @param index  the index, holding every article but the probes, spread over seven days
     * @param probes the last 2,000 articles, enriched, not yet judged
     * @param end    the time of the last indexed article
     */
    record Week(StoryIndex index, List<EnrichedArticle> probes, Instant end) {
        static Week load(String data) throws IOException {
            Path dir = Path.of(data);
            if (data.isEmpty() || !Files.isDirectory(dir.resolve("reuters21578")) || !Files.isDirectory(dir.resolve("telegram_ru_news"))) {
                throw new IllegalArgumentException("give the folder holding reuters21578/ and telegram_ru_news/ (was '" + data + "')");
            }
            List<Article> articles = new ArrayList<>(reuters(dir.resolve("reuters21578")));
            articles.addAll(telegram(dir.resolve("telegram_ru_news")));
            // interleave the two sources the way one stream would carry them
            articles.sort((a, b) -> Integer.compare(a.id().hashCode(), b.id().hashCode()));
            Enricher enricher = Enrichers.createDefault();
            Instant start = Instant.parse("2024-03-04T00:00:00Z");
            long step = Duration.ofDays(7).toMillis() / articles.size();
            List<EnrichedArticle> enriched = articles.parallelStream()
                    .map(a -> new EnrichedArticle(a, enricher.enrich(a), start)).toList();
            StoryIndex index = new StoryIndex(StoriesConfig.defaults());
            int indexed = enriched.size() - PROBES;
            for (int i = 0; i < indexed; i++) {
                Instant at = start.plusMillis(i * step);
                index.expire(at);
                index.assign(enriched.get(i), at);
            }
            System.out.printf("%nindex: %d articles over 7 days, %d remembered, %d open stories%n", indexed,
                    index.rememberedArticles(), index.openStories());
            return new Week(index, enriched.subList(indexed, enriched.size()), start.plusMillis(indexed * step));
        }
    }

    @Benchmark
    public Object assign() {
        clock = clock.plusSeconds(1);
        return judge(index, probes.get(next % PROBES), next++, clock);
    }

    /** One decision as the stage makes it: {@code expire}, then {@code assign} of the probe under a new id. */
    static Object judge(StoryIndex index, EnrichedArticle probe, int round, Instant clock) {
        Article a = probe.article();
        Article fresh = new Article(a.id() + "#" + round, a.title(), a.body(), a.author(), a.source(), a.publishedAt(),
                a.url(), a.language(), a.origin());
        index.expire(clock);
        return index.assign(new EnrichedArticle(fresh, probe.enrichment(), clock), clock);
    }

    private static List<Article> reuters(Path dir) throws IOException {
        List<Article> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sgm")).sorted().toList()) {
                Matcher doc = DOC.matcher(Files.readString(file, StandardCharsets.ISO_8859_1));
                while (doc.find()) {
                    Matcher title = TITLE.matcher(doc.group());
                    Matcher body = BODY.matcher(doc.group());
                    if (title.find() && body.find() && !body.group(1).isBlank() && !title.group(1).isBlank()) {
                        out.add(new Article("r" + out.size(), unescape(title.group(1)), unescape(body.group(1)),
                                null, "Reuters", null, null, null, null));
                    }
                }
            }
        }
        return out;
    }

    private static List<Article> telegram(Path dir) throws IOException {
        List<Article> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                Matcher post = POST.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (post.find()) {
                    String text = post.group(1).replace("\\n", "\n").replace("\\\"", "\"").trim();
                    int cut = text.indexOf('\n');
                    if (text.length() > 40) {
                        String title = cut > 0 ? text.substring(0, Math.min(cut, 300)) : text.substring(0, Math.min(120, text.length()));
                        out.add(new Article("t" + out.size(), title, text, null, file.getFileName().toString(), null, null, null, null));
                    }
                }
            }
        }
        return out;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&#3;", "").trim();
    }
}
