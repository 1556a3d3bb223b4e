package dev.newsflow.bench;

import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.clients.TopicProvisioner;
import dev.newsflow.events.Article;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.events.Topic;
import dev.newsflow.events.EventJson;
import dev.newsflow.producer.ArticlePublisher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.tools.ProducerPerformance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * newsflow's {@link ArticlePublisher} against Kafka's own {@link ProducerPerformance} (the class behind
 * kafka-producer-perf-test.sh), run alternately on fresh topics with the same partitions and producer settings
 * (the publisher's DELIVERY map, read from the class itself so the comparison follows any change to it) and
 * the very same JSON bytes (ProducerPerformance gets them as its --payload-file). Differences that remain on
 * purpose: newsflow sends a key (the article id) and CloudEvents headers, ProducerPerformance sends neither, so
 * its sticky partitioner fills one partition's batch at a time while newsflow's keys spread every linger window
 * over all partitions. Untimed rounds warm both up; the order alternates round by round.
 * Runs on the caller's thread.
 */
final class ProducerComparison {
    private static final Logger LOG = LoggerFactory.getLogger(ProducerComparison.class);
    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency"
                    + "(?:, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th)?");

    /** One timed run of one side. */
    record Run(String side, int round, int records, double recordsPerSecond, double megabytesPerSecond) {
    }

    /** Both sides of every round, and the median ratio newsflow / ProducerPerformance. */
    record Result(int records, int meanValueBytes, int partitions, int warmupRounds, Map<String, Object> producerSettings,
                  List<Run> runs, double newsflowMedian, double producerPerformanceMedian, double ratio) {
    }

    private final KafkaSettings kafka;
    private final Path workDir;

    ProducerComparison(KafkaSettings kafka, Path workDir) {
        this.kafka = kafka;
        this.workDir = workDir;
    }

    Result run(List<Article> corpus, int records, int valueBytes, int partitions, int warmupRounds, int rounds) throws Exception {
        List<Article> articles = sized(corpus, records, valueBytes);
        Path payloads = workDir.resolve("payloads.jsonl");
        long totalBytes = writePayloads(articles, payloads);
        Map<String, Object> settings = deliverySettings();
        List<Run> runs = new ArrayList<>();
        try (Admin admin = Admin.create(kafka.admin())) {
            // untimed rounds (numbered 0 and below): both sides' code paths compiled and the broker warm before anything
            // counts; with a single one both sides still sped up by half over the timed rounds that followed
            for (int round = 1 - warmupRounds; round <= 0; round++) {
                newsflow(admin, articles, partitions, round);
                producerPerformance(admin, payloads, records, partitions, settings, round);
            }
            for (int round = 1; round <= rounds; round++) {
                // who goes first alternates, so neither side always meets a broker still busy with the other's records
                if (round % 2 == 1) {
                    runs.add(newsflow(admin, articles, partitions, round));
                    runs.add(producerPerformance(admin, payloads, records, partitions, settings, round));
                } else {
                    runs.add(producerPerformance(admin, payloads, records, partitions, settings, round));
                    runs.add(newsflow(admin, articles, partitions, round));
                }
            }
        }
        double newsflow = Stats.median(runs.stream().filter(r -> r.side().equals("newsflow")).mapToDouble(Run::recordsPerSecond).toArray());
        double reference = Stats.median(runs.stream().filter(r -> !r.side().equals("newsflow")).mapToDouble(Run::recordsPerSecond).toArray());
        return new Result(records, (int) (totalBytes / records), partitions, warmupRounds, settings, runs, newsflow, reference,
                newsflow / reference);
    }

    private Run newsflow(Admin admin, List<Article> articles, int partitions, int round) throws Exception {
        String topic = freshTopic(admin, "newsflow", partitions, round);
        Topic<Article> raw = new Topic<>(topic, Article.class, PipelineTopics.DEFAULT.raw().eventType());
        try (ArticlePublisher publisher = new ArticlePublisher(kafka, raw, Clock.systemUTC())) {
            List<CompletableFuture<?>> acks = new ArrayList<>(articles.size());
            long start = System.nanoTime();
            for (Article article : articles) {
                acks.add(publisher.publish(article));
            }
            publisher.flush();
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
            double seconds = (System.nanoTime() - start) / 1e9;
            long bytes = articles.stream().mapToLong(a -> EventJson.toBytes(a).length).sum();
            Run run = new Run("newsflow", round, articles.size(), articles.size() / seconds, bytes / seconds / (1024 * 1024));
            LOG.info("producer round {}: newsflow {} records/s", round, Math.round(run.recordsPerSecond()));
            return run;
        } finally {
            admin.deleteTopics(List.of(topic));
        }
    }

    private Run producerPerformance(Admin admin, Path payloads, int records, int partitions, Map<String, Object> settings,
                                    int round) throws Exception {
        String topic = freshTopic(admin, "perf", partitions, round);
        List<String> args = new ArrayList<>(List.of("--topic", topic, "--num-records", Integer.toString(records),
                "--throughput", "-1", "--payload-file", payloads.toString(), "--bootstrap-server", kafka.bootstrapServers(),
                "--command-property"));
        settings.forEach((key, value) -> args.add(key + "=" + value));
        String output = captureStdout(() -> ProducerPerformance.main(args.toArray(String[]::new)));
        admin.deleteTopics(List.of(topic));
        Matcher summary = SUMMARY.matcher(output);
        Run last = null;
        while (summary.find()) { // the final line is the total; earlier ones are interval reports
            last = new Run("ProducerPerformance", round, Integer.parseInt(summary.group(1)),
                    Double.parseDouble(summary.group(2)), Double.parseDouble(summary.group(3)));
        }
        if (last == null) {
            throw new IllegalStateException("ProducerPerformance printed no summary line; it printed: " + output.strip());
        }
        LOG.info("producer round {}: ProducerPerformance {} records/s", round, Math.round(last.recordsPerSecond()));
        return last;
    }

    private String freshTopic(Admin admin, String side, int partitions, int round) {
        String topic = "bench.producer." + side + "." + round + "." + System.nanoTime();
        TopicProvisioner.ensureTopics(admin, List.of(new NewTopic(topic, partitions, (short) 1)), Duration.ofSeconds(60));
        return topic;
    }

    /** The publisher's own delivery settings, so the reference runs with exactly what newsflow sends with. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> deliverySettings() {
        try {
            Field delivery = ArticlePublisher.class.getDeclaredField("DELIVERY");
            delivery.setAccessible(true);
            return new LinkedHashMap<>((Map<String, Object>) delivery.get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read ArticlePublisher.DELIVERY (renamed?): " + e, e);
        }
    }

    /**
     * {@code count} articles whose JSON value is about {@code valueBytes} long: Reuters titles, and bodies made of
     * Reuters text cut or extended to length, so that compression sees real prose.
     */
    static List<Article> sized(List<Article> corpus, int count, int valueBytes) {
        StringBuilder prose = new StringBuilder();
        for (int i = 0; i < corpus.size() && prose.length() < 4 * valueBytes + 100_000; i++) {
            prose.append(corpus.get(i).body()).append("\n\n");
        }
        List<Article> sized = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Article source = corpus.get(i % corpus.size());
            Article empty = new Article(String.format("perf-%08d", i), source.title(), "x", null, source.source(),
                    source.publishedAt(), null, source.language(), null);
            int overhead = EventJson.toBytes(empty).length - 1;
            int bodyLength = Math.max(1, valueBytes - overhead);
            int offset = (int) ((i * 7919L) % Math.max(1, prose.length() - bodyLength * 2L));
            String body = prose.substring(offset, offset + bodyLength);
            // JSON escapes turn a newline into two bytes: trim until the value fits
            Article article = new Article(empty.id(), empty.title(), body.isBlank() ? "x" : body, null, empty.source(),
                    empty.publishedAt(), null, empty.language(), null);
            while (EventJson.toBytes(article).length > valueBytes && article.body().length() > 1) {
                article = new Article(article.id(), article.title(), article.body().substring(0, Math.max(1, article.body().length()
                        - (EventJson.toBytes(article).length - valueBytes) - 1)).strip() + ".", null, article.source(),
                        article.publishedAt(), null, article.language(), null);
            }
            sized.add(article);
        }
        return sized;
    }

    /** One JSON value a line: compact JSON escapes newlines, so a value never contains the delimiter. */
    private static long writePayloads(List<Article> articles, Path file) throws IOException {
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (Article article : articles) {
                byte[] value = EventJson.toBytes(article);
                out.write(value);
                out.write('\n');
                total += value.length;
            }
        }
        return total;
    }

    /** A piece of work that may throw. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    /** Runs {@code work} with System.out captured (ProducerPerformance reports on stdout) and echoed to stderr. */
    private static synchronized String captureStdout(Work work) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setOut(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        System.err.print(text);
        return text;
    }
}
