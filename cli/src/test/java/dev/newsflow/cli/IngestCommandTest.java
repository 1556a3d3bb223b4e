package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.LocalWebServer;
import dev.newsflow.testkit.LocalWebServer.Response;
import dev.newsflow.testkit.RealKafkaExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RealKafkaExtension.class)
class IngestCommandTest {

    static String feed(LocalWebServer web) {
        return """
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Agency</title>
                <item><guid>i-1</guid><title>Forum in Tashkent</title><link>%s</link><description>Teaser.</description></item>
                </channel></rss>""".formatted(web.url("/page"));
    }

    @Test
    void shouldPublishOnceAndNothingAtTheNextPoll(KafkaBroker broker, @TempDir Path dir) throws Exception {
        try (LocalWebServer web = LocalWebServer.start()) {
            web.serve("/rss.xml", Response.ok("application/rss+xml", feed(web)).withHeader("ETag", "\"1\""));
            web.serve("/page", Response.ok("text/html; charset=utf-8", ExtractCommandTest.PAGE));
            Path sources = dir.resolve("sources.yml");
            Files.writeString(sources, "sources:\n  - {name: Agency, kind: feed, url: \"" + web.url("/rss.xml") + "\"}\n"
                    + "settings: {sources.host.min.delay: 0ms}\n");
            String[] args = {"ingest", "--sources", sources.toString(), "--once", "--bootstrap-servers", broker.bootstrapServers(),
                "--topic-suffix", KafkaBroker.uniqueName("ingest")};

            CliRun first = CliRun.of(args);
            CliRun second = CliRun.of(args);

            assertThat(first.exitCode()).as(first.stderr()).isZero();
            assertThat(first.stdout()).contains("sources polled: 1, articles published: 1 (updates: 0), failures: 0");
            assertThat(second.stdout()).contains("sources polled: 1, articles published: 0 (updates: 0), failures: 0");
            assertThat(web.requests("/rss.xml").get(1).header("If-None-Match")).isEqualTo("\"1\"");
            assertThat(web.requests("/page")).hasSize(1);
        }
    }

    @Test
    void shouldPollOnItsScheduleAndShowEachSourcesHealthAndMetrics(KafkaBroker broker, @TempDir Path dir) throws Exception {
        try (LocalWebServer web = LocalWebServer.start()) {
            web.serve("/rss.xml", Response.ok("application/rss+xml", feed(web)));
            web.serve("/page", Response.ok("text/html; charset=utf-8", ExtractCommandTest.PAGE));
            Path sources = dir.resolve("sources.yml");
            Files.writeString(sources, "sources:\n  - {name: Agency, kind: feed, url: \"" + web.url("/rss.xml") + "\", every: 1s}\n"
                    + "  - {name: Gone, kind: feed, url: \"" + web.url("/gone.xml") + "\", every: 1s}\n");
            int port;
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                port = free.getLocalPort();
            }
            Thread ingest = new Thread(() -> Newsflow.commandLine().execute("ingest", "--sources", sources.toString(),
                    "--bootstrap-servers", broker.bootstrapServers(), "--topic-suffix", KafkaBroker.uniqueName("ingest"),
                    "--port", Integer.toString(port), "--set", "sources.host.min.delay=0ms"));
            ingest.start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                        get(http, port, "/metrics").contains("newsflow_sources_items_total{change=\"new\",source=\"Agency\"} 1.0"));
                await().atMost(Duration.ofSeconds(30)).until(() -> web.requests("/rss.xml").size() >= 2);
                String health = get(http, port, "/api/sources");
                assertThat(health).contains("\"name\":\"Agency\",\"kind\":\"feed\"").contains("\"state\":\"ok\"")
                        .contains("\"itemsTotal\":1").contains("\"name\":\"Gone\"").contains("\"state\":\"failing\"")
                        .contains("HTTP 404 from " + web.url("/gone.xml"));
                assertThat(get(http, port, "/metrics")).contains("newsflow_sources_failures_total{source=\"Gone\"}")
                        .contains("newsflow_sources_last_success_timestamp_seconds{source=\"Agency\"}");
            } finally {
                ingest.interrupt();
                ingest.join(30_000);
            }
            assertThat(ingest.isAlive()).isFalse();
        }
    }

    private static String get(HttpClient http, int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void shouldStopAtABadSourcesFileNamingTheSourceAndTheField(@TempDir Path dir) throws Exception {
        Path sources = dir.resolve("sources.yml");
        Files.writeString(sources, "sources:\n  - {name: Agency, kind: feed, url: \"http://localhost/rss\", every: often}\n");

        CliRun run = CliRun.of("ingest", "--sources", sources.toString(), "--bootstrap-servers", "localhost:1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("error: " + sources + ": source 'Agency' (#1): field 'every': 'often' is not a duration");
    }
}
