package dev.newsflow.sources.bench;

import dev.newsflow.broker.BrokerConfig;
import dev.newsflow.broker.EmbeddedKafkaBroker;
import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.clients.TopicLayout;
import dev.newsflow.clients.TopicProvisioner;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.producer.ArticlePublisher;
import dev.newsflow.sources.SourceKind;
import dev.newsflow.sources.SourcePoller;
import dev.newsflow.sources.SourceSpec;
import dev.newsflow.sources.SourceStateStore;
import dev.newsflow.sources.SourcesConfig;
import dev.newsflow.sources.http.FetchResult;
import dev.newsflow.sources.http.PoliteFetcher;
import dev.newsflow.sources.http.Validators;
import dev.newsflow.testkit.LocalWebServer;
import dev.newsflow.testkit.LocalWebServer.Response;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The poller's own cost against local servers (nothing leaves the machine), in one run:
 * <ol>
 *   <li>fetch throughput: GETs of 20 KB pages per second through {@link PoliteFetcher} from 8 threads over 8
 *       "hosts" (servers on distinct loopback ports; one request at a time per host, no delay);</li>
 *   <li>a first poll of {@code sources} feeds of {@code items} items each with full text: pages per second, and
 *       CPU per page of the poller's worker threads (fetch, decode, extract, build, hand to the producer) and of
 *       the whole process (servers and broker included);</li>
 *   <li>a second poll, every feed answering 304: what a quiet round costs.</li>
 * </ol>
 * Several rounds each; medians reported. An embedded broker in a temporary folder takes the articles.
 *
 * <pre>
 * ./mvnw -q -pl sources -am test -DskipTests -Dpoller.bench=3
 * </pre>
 */
public final class PollerBench {
    private static final int HOSTS = 8;
    private static final int ITEMS = 100;

    private PollerBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<LocalWebServer> servers = new ArrayList<>();
        Path dir = Files.createTempDirectory("poller-bench");
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(BrokerConfig.ephemeral(dir)).start()) {
            for (int h = 0; h < HOSTS; h++) {
                servers.add(LocalWebServer.start());
            }
            KafkaSettings kafka = KafkaSettings.of(broker.bootstrapServers());
            List<Double> fetchRates = new ArrayList<>();
            List<Double> pageRates = new ArrayList<>();
            List<Double> workerCpu = new ArrayList<>();
            List<Double> processCpu = new ArrayList<>();
            List<Double> quietMillis = new ArrayList<>();
            for (int round = 0; round < rounds + 1; round++) {
                boolean warmUp = round == 0;
                PipelineTopics topics = PipelineTopics.withSuffix("bench-" + round);
                TopicProvisioner.ensureTopics(kafka, TopicLayout.defaults(topics), Duration.ofSeconds(60));
                List<SourceSpec> specs = site(servers, "r" + round);
                fetchRates.add(fetchRate(servers, "r" + round));
                SourcesConfig config = new SourcesConfig(Map.of(SourcesConfig.HOST_DELAY, "0ms", SourcesConfig.THREADS, "8"));
                try (var publisher = new ArticlePublisher(kafka, topics.raw(), Clock.systemUTC());
                     var store = new SourceStateStore(kafka, "news.sources.state.bench-" + round);
                     var poller = new SourcePoller(specs, config, publisher, store, new SimpleMeterRegistry(), Clock.systemUTC())) {
                    long cpu0 = workerCpuNanos();
                    long process0 = processCpuNanos();
                    long start = System.nanoTime();
                    SourcePoller.Round first = poller.pollOnce();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    int pages = first.published();
                    pageRates.add(pages / seconds);
                    workerCpu.add((workerCpuNanos() - cpu0) / 1e6 / pages);
                    processCpu.add((processCpuNanos() - process0) / 1e6 / pages);
                    long quiet = System.nanoTime();
                    SourcePoller.Round second = poller.pollOnce();
                    quietMillis.add((System.nanoTime() - quiet) / 1e6);
                    System.out.printf(Locale.ROOT, "round %d%s: fetch %.0f requests/s; first poll %d pages in %.2f s = %.0f pages/s, "
                                    + "worker CPU %.2f ms/page, process CPU %.2f ms/page; quiet poll (%d sources, 304) %.1f ms, published %d%n",
                            round, warmUp ? " (warm-up)" : "", fetchRates.get(round), pages, seconds, pages / seconds,
                            workerCpu.get(round), processCpu.get(round), specs.size(), quietMillis.get(round), second.published());
                }
            }
            System.out.printf(Locale.ROOT, "%nmedians of %d rounds after the warm-up: fetch %.0f requests/s; first poll %.0f pages/s "
                            + "(extraction included), worker CPU %.2f ms/page, process CPU %.2f ms/page; quiet poll %.1f ms%n",
                    rounds, median(fetchRates), median(pageRates), median(workerCpu), median(processCpu), median(quietMillis));
        } finally {
            servers.forEach(LocalWebServer::close);
        }
    }

    /** One feed of {@link #ITEMS} items per server, each linking to a 20 KB page with navigation around the text. */
    private static List<SourceSpec> site(List<LocalWebServer> servers, String prefix) {
        List<SourceSpec> specs = new ArrayList<>();
        for (int h = 0; h < servers.size(); h++) {
            LocalWebServer web = servers.get(h);
            StringBuilder feed = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Host " + h + "</title>");
            for (int i = 0; i < ITEMS; i++) {
                String path = "/" + prefix + "/news/" + i;
                feed.append("<item><guid>").append(prefix).append('-').append(h).append('-').append(i).append("</guid><title>Story ")
                        .append(i).append("</title><link>").append(web.url(path)).append("</link><description>Teaser.</description></item>");
                web.serve(path, Response.ok("text/html; charset=utf-8", page(h * 1000 + i)));
            }
            web.serve("/" + prefix + "/rss.xml", Response.ok("application/rss+xml", feed.append("</channel></rss>").toString())
                    .withHeader("ETag", "\"" + prefix + "\""));
            specs.add(new SourceSpec("host-" + h, SourceKind.FEED, URI.create(web.url("/" + prefix + "/rss.xml")), null,
                    Duration.ofMinutes(5), true, null, "Host " + h, null));
        }
        return specs;
    }

    private static String page(int n) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Story ")
                .append(n).append(" | Example</title><meta property=\"og:site_name\" content=\"Example\">")
                .append("<script>window.analytics = {id: 'x', consent: true};</script></head><body><nav class=\"menu\">");
        for (int i = 0; i < 40; i++) {
            html.append("<a href=\"/section/").append(i).append("\">Section ").append(i).append("</a> ");
        }
        html.append("</nav><article><h1>Story ").append(n).append("</h1>");
        for (int p = 0; p < 8; p++) {
            html.append("<p>Paragraph ").append(p).append(" of story ").append(n)
                    .append(": ministers from the region met again on Tuesday to discuss water, energy and transport, ")
                    .append("and agreed to meet again in the spring, officials said after the talks, which lasted two days.</p>");
        }
        html.append("</article><aside class=\"related\"><ul>");
        for (int i = 0; i < 30; i++) {
            html.append("<li><a href=\"/story/").append(i).append("\">Related story number ").append(i).append("</a></li>");
        }
        html.append("</ul></aside><div class=\"comments\">");
        for (int i = 0; i < 20; i++) {
            html.append("<p>Comment ").append(i).append(": a reader's view on the matter, at some length.</p>");
        }
        return html.append("</div><footer>All rights reserved.</footer></body></html>").toString();
    }

    /** GETs of every page of the site from 8 threads, no extraction: requests per second. */
    private static double fetchRate(List<LocalWebServer> servers, String prefix) throws Exception {
        SourcesConfig config = new SourcesConfig(Map.of(SourcesConfig.HOST_DELAY, "0ms"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger ok = new AtomicInteger();
        try (PoliteFetcher fetcher = new PoliteFetcher(config.fetchSettings(), Clock.systemUTC())) {
            for (LocalWebServer web : servers) { // robots.txt (404) once per host, outside the timing
                fetcher.fetch(URI.create(web.url("/" + prefix + "/news/0")), Validators.NONE);
            }
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                for (LocalWebServer web : servers) {
                    String url = web.url("/" + prefix + "/news/" + i);
                    done.add(pool.submit(() -> {
                        if (fetcher.fetch(URI.create(url), Validators.NONE) instanceof FetchResult.Fetched) {
                            ok.incrementAndGet();
                        }
                    }));
                }
            }
            for (Future<?> f : done) {
                f.get();
            }
            return ok.get() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static long workerCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            var info = threads.getThreadInfo(id);
            if (info != null && info.getThreadName().startsWith("newsflow-source-")) {
                total += Math.max(0, threads.getThreadCpuTime(id));
            }
        }
        return total;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double median(List<Double> values) {
        List<Double> after = new ArrayList<>(values.subList(1, values.size()));
        after.sort(null);
        int n = after.size();
        return n % 2 == 1 ? after.get(n / 2) : (after.get(n / 2 - 1) + after.get(n / 2)) / 2;
    }
}
