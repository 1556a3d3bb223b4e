package dev.newsflow.sources.bench;

import dev.newsflow.sources.extract.ArticleExtractor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;

/**
 * Extraction quality on Mozilla Readability's test pages: for each {@code test-pages/NAME/source.html}, the token
 * F1 of the extracted text against the text of Readability's own {@code expected.html}, per page and overall,
 * for the dev split (pages the extractor was developed on) and the held-out test split (a fixed quarter of the
 * pages by a hash of their name, never looked at while developing). The same figures for Readability4J (a
 * Kotlin port of Readability.js on Maven Central) side by side, and the time per page.
 *
 * <pre>
 * ./mvnw -q -pl sources -am test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.newsflow.sources.bench.ExtractionBench -Dexec.args=../shared/data/html/readability
 * </pre>
 */
public final class ExtractionBench {
    private static final String PAGE_URL = "http://fakehost/test/page.html";

    private ExtractionBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            fail("usage: ExtractionBench READABILITY_DIR (the folder holding test-pages/, e.g. ../shared/data/html/readability)");
        }
        Path dir = Path.of(args[0]);
        Path pages = Files.isDirectory(dir.resolve("test-pages")) ? dir.resolve("test-pages") : dir;
        if (!Files.isDirectory(pages) || !Files.exists(firstPage(pages))) {
            fail("no Readability test pages under " + dir.toAbsolutePath()
                    + ": expected test-pages/NAME/source.html and expected.html (../shared/data/html/readability)");
        }
        List<Path> names;
        try (Stream<Path> list = Files.list(pages)) {
            names = list.filter(p -> Files.exists(p.resolve("source.html")) && Files.exists(p.resolve("expected.html")))
                    .sorted().toList();
        }
        ArticleExtractor extractor = new ArticleExtractor();
        // one untimed round each first, so that neither is timed while the JIT compiles it
        run(names, (html, url) -> extractor.extract(html, url).text());
        run(names, (html, url) -> new Readability4J(url, html).parse().getTextContent());
        List<Result> ours = run(names, (html, url) -> extractor.extract(html, url).text());
        List<Result> library = run(names, (html, url) -> new Readability4J(url, html).parse().getTextContent());
        System.out.printf(Locale.ROOT, "%-40s %-5s %7s %7s %7s   %s%n", "page", "split", "P", "R", "F1", "Readability4J F1");
        for (int i = 0; i < ours.size(); i++) {
            Result r = ours.get(i);
            System.out.printf(Locale.ROOT, "%-40s %-5s %7.3f %7.3f %7.3f   %.3f%n", r.name, r.split, r.score.precision(),
                    r.score.recall(), r.score.f1(), library.get(i).score.f1());
        }
        System.out.println();
        for (String split : List.of("dev", "test", "all")) {
            summary("newsflow", split, ours);
            summary("Readability4J", split, library);
        }
        System.out.println();
        System.out.println("worst pages (newsflow, F1):");
        ours.stream().sorted(Comparator.comparingDouble(r -> r.score.f1())).limit(12).forEach(r -> System.out.printf(
                Locale.ROOT, "  %-40s %-5s F1 %.3f (P %.3f, R %.3f)%n", r.name, r.split, r.score.f1(),
                r.score.precision(), r.score.recall()));
        System.out.printf(Locale.ROOT, "%ntime per page, median: newsflow %.2f ms, Readability4J %.2f ms%n",
                median(ours.stream().mapToDouble(r -> r.millis).toArray()),
                median(library.stream().mapToDouble(r -> r.millis).toArray()));
    }

    private static Path firstPage(Path pages) throws IOException {
        try (Stream<Path> list = Files.list(pages)) {
            return list.map(p -> p.resolve("source.html")).filter(Files::exists).findFirst().orElse(pages.resolve("none"));
        }
    }

    private static List<Result> run(List<Path> pages, BiFunction<String, String, String> extract) throws IOException {
        List<Result> results = new ArrayList<>();
        for (Path page : pages) {
            String html = Files.readString(page.resolve("source.html"), StandardCharsets.UTF_8);
            String reference = Jsoup.parse(Files.readString(page.resolve("expected.html"), StandardCharsets.UTF_8)).text();
            long start = System.nanoTime();
            String text;
            try {
                text = extract.apply(html, PAGE_URL);
            } catch (RuntimeException | LinkageError e) {
                text = "";
            }
            double millis = (System.nanoTime() - start) / 1e6;
            String name = page.getFileName().toString();
            results.add(new Result(name, split(name), TokenOverlap.score(text == null ? "" : text, reference), millis));
        }
        return results;
    }

    /** A fixed quarter of the pages, by a hash of the name, is held out: never looked at while developing. */
    static String split(String name) {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 4 == 0 ? "test" : "dev";
    }

    private static void summary(String who, String split, List<Result> results) {
        double[] f1 = results.stream().filter(r -> split.equals("all") || r.split.equals(split))
                .mapToDouble(r -> r.score.f1()).sorted().toArray();
        if (f1.length == 0) {
            return;
        }
        long atLeast90 = java.util.Arrays.stream(f1).filter(f -> f >= 0.9).count();
        List<TokenOverlap.Score> scores = results.stream().filter(r -> split.equals("all") || r.split.equals(split))
                .map(r -> r.score).toList();
        double common = scores.stream().mapToDouble(TokenOverlap.Score::common).sum();
        double precision = common / scores.stream().mapToDouble(TokenOverlap.Score::extracted).sum();
        double recall = common / scores.stream().mapToDouble(TokenOverlap.Score::reference).sum();
        System.out.printf(Locale.ROOT, "%-14s %-4s pages %3d  median F1 %.3f  mean F1 %.3f  pooled F1 %.3f (P %.3f R %.3f)"
                        + "  >= 0.90: %d  < 0.50: %d%n",
                who, split, f1.length, median(f1), java.util.Arrays.stream(f1).average().orElse(0),
                2 * precision * recall / (precision + recall), precision, recall, atLeast90,
                java.util.Arrays.stream(f1).filter(f -> f < 0.5).count());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void fail(String message) {
        System.err.println("error: " + message);
        System.exit(2);
    }

    private record Result(String name, String split, TokenOverlap.Score score, double millis) {
    }
}
