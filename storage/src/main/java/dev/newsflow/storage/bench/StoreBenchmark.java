package dev.newsflow.storage.bench;

import dev.newsflow.events.Article;
import dev.newsflow.events.ArticleOutcome;
import dev.newsflow.events.DuplicateArticle;
import dev.newsflow.events.DuplicateMethod;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.EntityCount;
import dev.newsflow.events.EntityMention;
import dev.newsflow.events.EntityType;
import dev.newsflow.events.Enrichment;
import dev.newsflow.storage.ArticleQuery;
import dev.newsflow.storage.ArticleStore;
import dev.newsflow.storage.PartitionOffset;
import java.io.PrintStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Measures the store on a real database: transactional batch writes (articles per second) and the read
 * queries of the API (milliseconds), reporting medians. Articles are synthetic (seeded, reproducible), so no
 * data folder is needed. Run against an EMPTY database: it writes {@code articles} rows.
 *
 * <pre>java -cp ... dev.newsflow.storage.bench.StoreBenchmark jdbc:sqlite:/tmp/bench.db [articles] [batchSize]</pre>
 */
public final class StoreBenchmark {
    private static final String[] WORDS = ("cotton harvest budget parliament metro trade forum energy export "
            + "investment bank railway water region school hospital president minister agreement delegation "
            + "Ташкент форум торговля урожай бюджет Oʻzbekiston savdo hosil").split(" ");
    private static final String[] PEOPLE = {"Mirziyoyev", "Tokayev", "Japarov", "Erdoğan", "Aliyev", "Putin"};
    private static final String[] ORGS = {"World Bank", "SCO", "UN", "ADB", "Oliy Majlis", "CIS"};
    private static final String[] COUNTRIES = {"UZ", "KZ", "KG", "TR", "AZ", "RU", "TJ", "CN"};
    private static final String[] LANGUAGES = {"en", "ru", "uz", "kk", "ky", "tr", "az"};

    private StoreBenchmark() {
    }

    /** What one run measured. */
    public record Result(int articles, int batchSize, double medianBatchMs, double medianArticlesPerSecond,
                         double medianFirstPageMs, double medianFullTextMs, double medianFilterMs, double medianStatsMs) {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: StoreBenchmark <jdbc-url of an empty database> [articles=20000] [batchSize=500]");
            System.exit(2);
        }
        int articles = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int batchSize = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        try (ArticleStore store = ArticleStore.open(args[0])) {
            run(store, articles, batchSize, System.out);
        }
    }

    /** Writes {@code articles} synthetic events (one in ten a duplicate) in batches, then times the queries. */
    public static Result run(ArticleStore store, int articles, int batchSize, PrintStream out) {
        if (articles < batchSize || batchSize < 1) {
            throw new IllegalArgumentException("need articles >= batchSize >= 1, were " + articles + ", " + batchSize);
        }
        if (store.countArticles() != 0) {
            throw new IllegalArgumentException("the benchmark needs an empty database, " + store.description()
                    + " holds " + store.countArticles() + " articles");
        }
        Random random = new Random(42);
        int batches = articles / batchSize;
        double[] batchMs = new double[batches];
        for (int b = 0; b < batches; b++) {
            List<ArticleOutcome> events = new ArrayList<>(batchSize);
            for (int i = 0; i < batchSize; i++) {
                events.add(event(random, b * batchSize + i));
            }
            long start = System.nanoTime();
            store.write("bench", events, List.of(new PartitionOffset("news.articles.enriched", 0, (long) (b + 1) * batchSize)));
            batchMs[b] = (System.nanoTime() - start) / 1e6;
        }
        double medianBatch = median(batchMs);
        // planner statistics as a running database has them (PostgreSQL: autovacuum), not as just after a bulk load
        store.analyze();
        double perSecond = batchSize / (medianBatch / 1000.0);
        double firstPage = timeMedian(25, () -> store.search(ArticleQuery.latest()));
        double fullText = timeMedian(25, () -> store.search(ArticleQuery.latest().withText("Japarov forum")));
        double filter = timeMedian(25, () -> store.search(new ArticleQuery(null, "ru", "KZ", "Tokayev", null,
                null, null, false, null, 20)));
        double stats = timeMedian(9, () -> store.stats(10, 48));
        Result result = new Result(batches * batchSize, batchSize, medianBatch, perSecond, firstPage, fullText, filter, stats);
        out.printf("database: %s%n", store.description());
        out.printf("write: %d articles in batches of %d: median %.1f ms per batch = %.0f articles/s%n",
                result.articles(), batchSize, medianBatch, perSecond);
        out.printf("read (median): first page %.2f ms, full text %.2f ms, language+country+entity %.2f ms,"
                + " stats %.2f ms%n", firstPage, fullText, filter, stats);
        return result;
    }

    private static ArticleOutcome event(Random random, int n) {
        String id = "bench-" + n;
        StringBuilder title = new StringBuilder();
        for (int w = 0; w < 8; w++) {
            title.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        String person = PEOPLE[random.nextInt(PEOPLE.length)];
        title.append(person);
        StringBuilder body = new StringBuilder();
        for (int w = 0; w < 250; w++) {
            body.append(WORDS[random.nextInt(WORDS.length)]).append(w % 20 == 19 ? ".\n\n" : " ");
        }
        Article article = new Article(id, title.toString(), body.toString(), "Staff", n % 3 == 0 ? "Kun.uz" : "UzA",
                OffsetDateTime.of(2022, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(5)).plusMinutes(n * 7L),
                "https://example.org/" + id, null, "bench");
        if (n % 10 == 9) {
            return new DuplicateArticle(article, "bench-" + (n - 9), 0.9, DuplicateMethod.NEAR, Instant.now());
        }
        int start = title.length() - person.length();
        List<EntityMention> mentions = List.of(new EntityMention(person, EntityType.PERSON, "title", start, title.length()));
        List<EntityCount> entities = List.of(new EntityCount(person, EntityType.PERSON, 1),
                new EntityCount(ORGS[random.nextInt(ORGS.length)], EntityType.ORGANIZATION, 2));
        List<String> countries = List.of(COUNTRIES[random.nextInt(COUNTRIES.length)], "UZ").stream().distinct().toList();
        return new EnrichedArticle(article, new Enrichment(LANGUAGES[random.nextInt(LANGUAGES.length)], "Latn", 0.9,
                mentions, entities, countries, List.of("cotton", "trade", "forum"), title.toString(), 258, 77),
                Instant.now());
    }

    private static double timeMedian(int runs, Supplier<?> query) {
        query.get(); // warm-up: statement caches, page cache
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            query.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return median(ms);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
