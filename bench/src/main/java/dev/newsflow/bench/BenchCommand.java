package dev.newsflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.newsflow.broker.BrokerConfig;
import dev.newsflow.broker.EmbeddedKafkaBroker;
import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.consumer.pipeline.PipelineSettings;
import dev.newsflow.enrich.Enricher;
import dev.newsflow.enrich.Enrichers;
import dev.newsflow.events.Article;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newsflow bench DATA}: starts its own embedded broker and measures, in one run, the producer against
 * Kafka's ProducerPerformance, the end-to-end backfill throughput of the Reuters corpus with lag and memory over
 * time, latency at a fixed rate from publish to stored and to visible on the API's SSE stream, the backfill with
 * one and two enrich processes, and the JMH micro-benchmarks. Writes {@code bench-result.json} and
 * {@code bench-result.txt} to {@code --out}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark newsflow end to end on its own embedded broker, side by side with Kafka's own tools.")
public final class BenchCommand implements Callable<Integer> {

    /** The parts of the benchmark, in the order they run. */
    enum Part { producer, backfill, latency, scaleout, jmh }

    @Parameters(index = "0", paramLabel = "DATA", description = "The data folder holding reuters21578/reut2-*.sgm.")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-results",
            description = "Where bench-result.json and bench-result.txt go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Scratch folder for the broker's logs and databases (default: a new temporary folder, deleted afterwards).")
    Path workDir;

    @Option(names = "--parts", split = ",", paramLabel = "PART",
            description = "Parts to run, comma-separated, from: ${COMPLETION-CANDIDATES} (default: all).")
    Set<Part> parts = EnumSet.allOf(Part.class);

    @Option(names = "--producer-records", defaultValue = "50000", description = "Records each producer run sends (default: ${DEFAULT-VALUE}).")
    int producerRecords;

    @Option(names = "--record-size", defaultValue = "3000", description = "Bytes of each JSON value in the producer comparison (default: ${DEFAULT-VALUE}).")
    int recordSize;

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions of the producer comparison's topics (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--rounds", defaultValue = "5", description = "Alternating rounds of each producer (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup-rounds", defaultValue = "3",
            description = "Untimed rounds of each producer before the timed ones (default: ${DEFAULT-VALUE}).")
    int warmupRounds;

    @Option(names = "--limit", defaultValue = "0", description = "Backfill only the first N Reuters articles (default: all).")
    int limit;

    @Option(names = "--backfill-runs", defaultValue = "4", description = "Backfills in a row, each on fresh topics and"
            + " database: the first in a fresh JVM, the next ones after the JIT compiler has seen the work (default: ${DEFAULT-VALUE}).")
    int backfillRuns;

    @Option(names = "--scale-out-limit", defaultValue = "0", description = "Articles of each scale-out backfill (default: as --limit).")
    int scaleOutLimit;

    @Option(names = "--rate", defaultValue = "100", description = "Articles a second in the latency run (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--duration", defaultValue = "60", description = "Seconds of the latency run (default: ${DEFAULT-VALUE}).")
    int duration;

    @Option(names = "--enrich-heap", defaultValue = "512m", description = "-Xmx of each enrich process in the scale-out (default: ${DEFAULT-VALUE}).")
    String enrichHeap;

    @Option(names = "--timeout", defaultValue = "900", description = "Seconds a pipeline run may take before the bench gives up (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--quick-jmh", description = "Fewer JMH iterations (1 warm-up, 2 measured) for a quick look.")
    boolean quickJmh;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Stage settings for the in-process stages, as for newsflow run: stage.*, dedupe.*, enrich.*.")
    Map<String, String> settings = new HashMap<>();

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new BenchCommand());
        commandLine.setExecutionExceptionHandler((error, cmd, parsed) -> {
            cmd.getErr().println("error: " + error.getMessage());
            org.slf4j.LoggerFactory.getLogger(BenchCommand.class).debug("bench failed", error);
            return 1;
        });
        System.exit(commandLine.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        validate();
        List<Article> corpus = ReutersCorpus.read(data); // fails before any broker starts when the data folder is wrong
        Path scratch = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("newsflow-bench");
        Files.createDirectories(out);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("conditions", conditions(corpus.size()));
        Report report = new Report();
        try {
            if (parts.contains(Part.jmh)) { // first, while the machine is quiet: no broker in this JVM yet
                log("JMH micro-benchmarks");
                var scores = MicroBenchmarks.run(data, out.resolve("jmh-result.json"), quickJmh);
                result.put("jmh", MicroBenchmarks.asMap(scores));
                report.jmh(scores);
            }
            try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(new BrokerConfig("localhost", 0, 0, scratch.resolve("kafka"), 3)).start()) {
                runAgainst(broker, corpus, scratch, result, report);
            }
        } finally {
            result.put("finishedAt", Instant.now().toString());
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            json.writeValue(out.resolve("bench-result.json").toFile(), result);
            Files.writeString(out.resolve("bench-result.txt"), report.text(), StandardCharsets.UTF_8);
            System.out.print(report.text());
            System.out.println("results: " + out.resolve("bench-result.json").toAbsolutePath());
            if (workDir == null) {
                deleteRecursively(scratch);
            }
        }
        return 0;
    }

    private void runAgainst(EmbeddedKafkaBroker broker, List<Article> corpus, Path scratch, Map<String, Object> result,
                            Report report) throws Exception {
        KafkaSettings kafka = KafkaSettings.of(broker.bootstrapServers());
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        if (parts.contains(Part.producer)) {
            log("producer: newsflow vs ProducerPerformance, " + warmupRounds + " untimed and " + rounds + " timed rounds of "
                    + producerRecords + " x " + recordSize + " B");
            var producer = new ProducerComparison(kafka, scratch)
                    .run(corpus, producerRecords, recordSize, partitions, warmupRounds, rounds);
            result.put("producer", producer);
            report.producer(producer);
        }
        List<Article> backfill = limit > 0 ? corpus.subList(0, Math.min(limit, corpus.size())) : corpus;
        PipelineRuns runs = new PipelineRuns(kafka, scratch, settings, timeout);
        Enricher enricher = null;
        if (parts.contains(Part.backfill) || parts.contains(Part.latency)) {
            enricher = Enrichers.create(PipelineSettings.of(settings, PipelineSettings.ALL).enrich());
        }
        if (parts.contains(Part.backfill)) {
            List<PipelineRuns.Backfill> throughputs = new ArrayList<>();
            for (int run = 1; run <= backfillRuns; run++) {
                log("backfill " + run + " of " + backfillRuns + ": " + backfill.size()
                        + " Reuters articles through dedupe, enrich, stories, store (SQLite), all in this JVM");
                var throughput = runs.backfill("backfill" + run + "x" + System.currentTimeMillis() % 100_000, backfill, enricher);
                throughputs.add(throughput);
                report.backfill("backfill " + run + (run == 1 ? " (fresh JVM)" : " (same JVM, code compiled by then)")
                        + ", all stages in this JVM", throughput);
            }
            result.put("backfill", throughputs);
            if (throughputs.size() > 1) {
                var together = PipelineRuns.Backfills.of(throughputs);
                result.put("backfillsTogether", together);
                report.backfillsTogether(together);
            }
        }
        if (parts.contains(Part.latency)) {
            log("latency: " + rate + " articles/s for " + duration + " s");
            var latency = runs.latency("latency" + System.currentTimeMillis() % 100_000, corpus, rate, duration, enricher);
            result.put("latency", latency);
            report.latency(latency);
        }
        enricher = null; // the scale-out enriches in other processes: let this one's models go
        if (parts.contains(Part.scaleout)) {
            List<Article> articles = scaleOutLimit > 0 ? corpus.subList(0, Math.min(scaleOutLimit, corpus.size())) : backfill;
            var launcher = new EnrichProcesses(broker.bootstrapServers(), scratch, System.getProperty("java.class.path"), enrichHeap);
            Map<String, Object> scaleOut = new LinkedHashMap<>();
            PipelineRuns.Backfill one = null;
            for (int instances = 1; instances <= 2; instances++) {
                log("scale-out: backfill of " + articles.size() + " with " + instances + " enrich process(es)");
                var run = runs.backfillWithEnrichProcesses("scale" + instances + "x" + System.currentTimeMillis() % 100_000,
                        articles, instances, launcher);
                scaleOut.put("enrichProcesses" + instances, run);
                report.scaleOutBackfill("backfill, " + instances + " enrich process(es)", run);
                if (instances == 1) {
                    one = run;
                } else {
                    double speedUp = run.articlesPerSecond() / one.articlesPerSecond();
                    scaleOut.put("speedUp", PipelineRuns.round2(speedUp));
                    report.line(String.format("scale-out speed-up, 2 vs 1 enrich process: %.2fx on %d cores",
                            speedUp, Runtime.getRuntime().availableProcessors()));
                }
            }
            result.put("scaleOut", scaleOut);
        }
    }

    private void validate() {
        check(producerRecords >= 1, "--producer-records must be at least 1");
        check(recordSize >= 200 && recordSize <= 1_000_000, "--record-size must be within 200..1000000 bytes");
        check(partitions >= 1, "--partitions must be at least 1");
        check(rounds >= 1, "--rounds must be at least 1");
        check(warmupRounds >= 0, "--warmup-rounds must be 0 or more");
        check(backfillRuns >= 1, "--backfill-runs must be at least 1");
        check(limit >= 0 && scaleOutLimit >= 0, "--limit and --scale-out-limit must not be negative");
        check(rate >= 1 && rate <= 100_000, "--rate must be within 1..100000");
        check(duration >= 1, "--duration must be at least 1 second");
        check(timeoutSeconds >= 10, "--timeout must be at least 10 seconds");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private Map<String, Object> conditions(int articles) {
        Map<String, Object> conditions = new LinkedHashMap<>();
        conditions.put("startedAt", Instant.now().toString());
        conditions.put("cores", Runtime.getRuntime().availableProcessors());
        conditions.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        conditions.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        conditions.put("jvmArguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
        conditions.put("loadAverageAtStart", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        conditions.put("reutersArticles", articles);
        conditions.put("settings", settings);
        conditions.put("note", "a shared 2-core machine: compare ratios measured side by side in one run, not absolute figures");
        return conditions;
    }

    private static void log(String message) {
        System.err.println("[bench " + Instant.now().toString().substring(11, 19) + "] " + message);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
