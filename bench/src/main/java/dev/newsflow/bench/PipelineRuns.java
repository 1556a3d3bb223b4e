package dev.newsflow.bench;

import dev.newsflow.clients.CloudEvents;
import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.clients.TopicSnapshot;
import dev.newsflow.enrich.Enricher;
import dev.newsflow.events.Article;
import dev.newsflow.events.CloudEventHeaders;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.producer.ArticlePublisher;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end-to-end runs over the real pipeline: backfill throughput (with lag and memory sampled every second),
 * latency at a fixed rate (to stored and to visible on the HTTP API's SSE stream), and the backfill again with
 * enrich as separate processes. Each run gets fresh topics, consumer groups and database, and is warmed up (group
 * joins, first batches) before it is timed. Runs on the caller's thread.
 */
final class PipelineRuns {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineRuns.class);
    private static final int WARM_UP_ARTICLES = 50;
    private static final long SAMPLE_MILLIS = 1_000;
    /** How long after the last article is stored the latency run still waits for the SSE stream to show the rest. */
    private static final Duration STREAM_GRACE = Duration.ofSeconds(10);

    /** Throughput of one backfill: publish as fast as possible, first publish to last stored. */
    record Backfill(String name, int articles, int enrichInstances, double publishSeconds, double totalSeconds,
                    double articlesPerSecond, long duplicates, long deadLetters, double peakRssMiB,
                    Map<String, Double> busySeconds, Map<String, Double> cpuSeconds, Map<String, Double> drainedAtSeconds,
                    List<LagSampler.Sample> samples) {
    }

    /** Backfills run one after another in one JVM, summed: their articles over their summed times. */
    record Backfills(int runs, int articles, double totalSeconds, double articlesPerSecond) {
        static Backfills of(List<Backfill> backfills) {
            int articles = backfills.stream().mapToInt(Backfill::articles).sum();
            double seconds = backfills.stream().mapToDouble(Backfill::totalSeconds).sum();
            return new Backfills(backfills.size(), articles, round2(seconds), round2(articles / seconds));
        }
    }

    /**
     * Latency at a fixed rate from publish to stored ({@code p50Millis}, ...; {@code missing}: not stored) and from
     * publish to visible on the SSE stream of the HTTP API ({@code sseP50Millis}, ...; {@code sseMissing}: never seen).
     * The stream carries only enriched articles, so the SSE figures leave out the {@code duplicates} (stored, not streamed).
     * {@code hops} say where the time went, {@code meanCommitMillis} how long a batch's commit took in each stage.
     */
    record Latency(int ratePerSecond, int seconds, int articles, double achievedRate, long p50Millis, long p99Millis,
                   long maxMillis, long missing, long duplicates, long sseP50Millis, long sseP99Millis, long sseMaxMillis,
                   long sseMissing, List<Hop> hops, Map<String, Double> meanCommitMillis) {
    }

    /**
     * One stretch of the way from publish to stored, over the articles that went all of it: from the publisher's
     * send to dedupe's output, from there to enrich's output (the outputs' {@code ce_time}, stamped as a stage
     * sends, before its transaction commits), and from there to stored.
     */
    record Hop(String name, long p50Millis, long p99Millis, long maxMillis) {
    }

    private final KafkaSettings kafka;
    private final Path workDir;
    private final Map<String, String> settings;
    private final Duration timeout;

    PipelineRuns(KafkaSettings kafka, Path workDir, Map<String, String> settings, Duration timeout) {
        this.kafka = kafka;
        this.workDir = workDir;
        this.settings = settings;
        this.timeout = timeout;
    }

    /** The backfill with every stage in this process, enrich on the given shared enricher. */
    Backfill backfill(String name, List<Article> articles, Enricher enricher) throws Exception {
        try (InProcessPipeline pipeline = new InProcessPipeline(name, kafka, workDir, settings, enricher)) {
            return timedBackfill(pipeline, articles, 1, null);
        }
    }

    /** The backfill with enrich as {@code instances} separate processes started by {@code launcher}. */
    Backfill backfillWithEnrichProcesses(String name, List<Article> articles, int instances, EnrichProcesses launcher)
            throws Exception {
        try (InProcessPipeline pipeline = new InProcessPipeline(name, kafka, workDir, settings, null);
             EnrichProcesses.Running children = launcher.start(pipeline, instances)) {
            awaitGroupMembers(pipeline.name() + "-enrich", instances);
            return timedBackfill(pipeline, articles, instances, children);
        }
    }

    private Backfill timedBackfill(InProcessPipeline pipeline, List<Article> articles, int instances,
                                   EnrichProcesses.Running children) throws Exception {
        try (ArticlePublisher publisher = new ArticlePublisher(kafka, pipeline.topics().raw(), Clock.systemUTC());
             LagSampler sampler = new LagSampler(kafka, pipeline.name(), pipeline.topics(), pipeline::settled)) {
            warmUp(pipeline, publisher);
            long before = pipeline.settled();
            long duplicatesBefore = pipeline.duplicates();
            if (children != null) {
                children.pids().forEach(sampler::addChild);
            }
            sampler.start(SAMPLE_MILLIS);
            CpuAccount cpu = new CpuAccount();
            long startMillis = System.currentTimeMillis();
            long start = System.nanoTime();
            List<CompletableFuture<?>> acks = new ArrayList<>(articles.size());
            for (Article article : articles) {
                acks.add(publisher.publish(article));
            }
            publisher.flush();
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
            double publishSeconds = (System.nanoTime() - start) / 1e9;
            if (!pipeline.awaitCaughtUp(timeout)) {
                throw new IllegalStateException("backfill " + pipeline.name() + ": only " + (pipeline.settled() - before)
                        + " of " + articles.size() + " articles stored within " + timeout.toSeconds() + " s");
            }
            // The backfill ends when its last row (article or story) is stored; the catch-up check notices it a little later.
            long lastStored = pipeline.lastStoredMillis();
            double totalSeconds = (lastStored - startMillis) / 1000.0;
            Map<String, Double> cpuSeconds = cpu.secondsByGroup();
            List<LagSampler.Sample> samples = sampler.stop();
            Backfill result = new Backfill(pipeline.name(), articles.size(), instances, round2(publishSeconds), round2(totalSeconds),
                    Math.round(articles.size() / totalSeconds), pipeline.duplicates() - duplicatesBefore, pipeline.deadLetters(),
                    LagSampler.peakRss(samples), pipeline.busySeconds(), cpuSeconds, drainedAt(samples), samples);
            LOG.info("backfill {}: {} articles in {} s = {} articles/s", pipeline.name(), articles.size(),
                    result.totalSeconds(), result.articlesPerSecond());
            return result;
        }
    }

    /**
     * Publishes {@code rate} articles a second for {@code seconds} and measures publish -> stored of each, and
     * publish -> arrival on {@code GET /api/stream} of a client connected to the HTTP API before the warm-up.
     */
    Latency latency(String name, List<Article> corpus, int rate, int seconds, Enricher enricher) throws Exception {
        try (InProcessPipeline pipeline = new InProcessPipeline(name, kafka, workDir, settings, enricher);
             ArticlePublisher publisher = new ArticlePublisher(kafka, pipeline.topics().raw(), Clock.systemUTC());
             LiveStreamProbe stream = LiveStreamProbe.connect(kafka, pipeline.topics(), pipeline.store(), timeout)) {
            warmUp(pipeline, publisher);
            long before = pipeline.settled();
            int count = rate * seconds;
            Map<String, Long> sentMillis = new HashMap<>(count * 2);
            long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = start + i * intervalNanos;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                Article source = corpus.get(i % corpus.size());
                Article article = new Article(String.format("latency-%s-%07d", name, i), source.title(), source.body(),
                        source.author(), source.source(), source.publishedAt(), null, source.language(), source.origin());
                sentMillis.put(article.id(), System.currentTimeMillis());
                publisher.publish(article);
            }
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            publisher.flush();
            if (!pipeline.awaitCaughtUp(timeout)) {
                LOG.warn("latency run: {} of {} articles stored within {} s", pipeline.settled() - before, count, timeout.toSeconds());
            }
            Map<String, Long> stored = pipeline.storedMillis();
            long[] latencies = sentMillis.entrySet().stream().filter(e -> stored.containsKey(e.getKey()))
                    .mapToLong(e -> stored.get(e.getKey()) - e.getValue()).toArray();
            Set<String> streamed = new HashSet<>(sentMillis.keySet());
            streamed.removeAll(pipeline.duplicateIds());
            if (!stream.awaitArrivals(streamed, STREAM_GRACE)) {
                LOG.warn("latency run: not every enriched article arrived on the SSE stream within {} s of being stored",
                        STREAM_GRACE.toSeconds());
            }
            Map<String, Long> arrived = stream.arrivals();
            long[] sseLatencies = streamed.stream().filter(arrived::containsKey)
                    .mapToLong(id -> arrived.get(id) - sentMillis.get(id)).toArray();
            Latency result = new Latency(rate, seconds, count, round2(count / sendSeconds), Stats.percentile(latencies, 50),
                    Stats.percentile(latencies, 99), Stats.percentile(latencies, 100), count - latencies.length,
                    count - streamed.size(), Stats.percentile(sseLatencies, 50), Stats.percentile(sseLatencies, 99),
                    Stats.percentile(sseLatencies, 100), streamed.size() - sseLatencies.length,
                    hops(pipeline.topics(), sentMillis, stored), pipeline.meanCommitMillis());
            LOG.info("latency at {}/s for {} s: stored p50 {} ms, p99 {} ms, max {} ms; SSE p50 {} ms, p99 {} ms, max {} ms",
                    rate, seconds, result.p50Millis(), result.p99Millis(), result.maxMillis(), result.sseP50Millis(),
                    result.sseP99Millis(), result.sseMaxMillis());
            return result;
        }
    }

    private List<Hop> hops(PipelineTopics topics, Map<String, Long> sentMillis, Map<String, Long> storedMillis) {
        Map<String, Long> deduped = sentAt(topics.unique().name(), sentMillis.keySet());
        Map<String, Long> enriched = sentAt(topics.enriched().name(), sentMillis.keySet());
        List<String> whole = enriched.keySet().stream()
                .filter(id -> deduped.containsKey(id) && storedMillis.containsKey(id)).toList();
        if (whole.isEmpty()) {
            return List.of();
        }
        return List.of(hop("publish -> dedupe output", whole, sentMillis, deduped),
                hop("dedupe output -> enrich output", whole, deduped, enriched),
                hop("enrich output -> stored", whole, enriched, storedMillis));
    }

    private static Hop hop(String name, List<String> ids, Map<String, Long> from, Map<String, Long> to) {
        long[] millis = ids.stream().mapToLong(id -> to.get(id) - from.get(id)).toArray();
        return new Hop(name, Stats.percentile(millis, 50), Stats.percentile(millis, 99), Stats.percentile(millis, 100));
    }

    /** When a stage sent each of {@code ids} to {@code topic}: its ce_time header, in epoch milliseconds. */
    private Map<String, Long> sentAt(String topic, Set<String> ids) {
        Map<String, Long> sent = new HashMap<>(ids.size() * 2);
        TopicSnapshot.read(kafka, topic, record -> {
            String time = CloudEvents.read(record.headers(), CloudEventHeaders.TIME);
            if (ids.contains(record.key()) && time != null) {
                sent.put(record.key(), Instant.parse(time).toEpochMilli());
            }
        });
        return sent;
    }

    /** Sends a few articles through and waits until they are stored: groups joined, connections open, code warm. */
    private void warmUp(InProcessPipeline pipeline, ArticlePublisher publisher) throws Exception {
        for (int i = 0; i < WARM_UP_ARTICLES; i++) {
            publisher.publish(new Article("warm-up-" + pipeline.name() + "-" + i, "Warm-up article " + i,
                    "A short article that opens every connection of the pipeline before it is timed. Number " + i + ".",
                    null, null, null, null, null, null));
        }
        publisher.flush();
        if (!pipeline.awaitCaughtUp(timeout)) {
            throw new IllegalStateException("pipeline " + pipeline.name() + " did not store its warm-up articles within "
                    + timeout.toSeconds() + " s");
        }
    }

    private void awaitGroupMembers(String group, int members) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(kafka.admin())) {
            while (true) {
                ConsumerGroupDescription description = describe(admin, group);
                if (description != null && description.members().size() >= members
                        && description.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty())) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("group " + group + " has " + (description == null ? 0 : description.members().size())
                            + " of " + members + " enrich processes after " + timeout.toSeconds() + " s");
                }
                Thread.sleep(250);
            }
        }
    }

    /** The group, or null while no member has joined it yet. */
    private static ConsumerGroupDescription describe(Admin admin, String group) throws Exception {
        try {
            return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException) {
                return null;
            }
            throw e;
        }
    }

    /** Per stage, the time of the first sample from which its lag stayed zero for good. */
    static Map<String, Double> drainedAt(List<LagSampler.Sample> samples) {
        Map<String, Double> drained = new HashMap<>();
        if (samples.isEmpty()) {
            return drained;
        }
        for (String stage : samples.get(0).lag().keySet()) {
            Double at = null;
            for (LagSampler.Sample sample : samples) {
                long lag = sample.lag().getOrDefault(stage, 0L);
                if (lag == 0 && at == null) {
                    at = sample.t();
                } else if (lag > 0) {
                    at = null;
                }
            }
            if (at != null) {
                drained.put(stage, at);
            }
        }
        return drained;
    }

    static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
