package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.LocalWebServer;
import dev.newsflow.testkit.LocalWebServer.Response;
import dev.newsflow.testkit.RealKafkaExtension;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void shouldStopAtABadSourcesFileNamingTheSourceAndTheField(@TempDir Path dir) throws Exception {
        Path sources = dir.resolve("sources.yml");
        Files.writeString(sources, "sources:\n  - {name: Agency, kind: feed, url: \"http://localhost/rss\", every: often}\n");

        CliRun run = CliRun.of("ingest", "--sources", sources.toString(), "--bootstrap-servers", "localhost:1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("error: " + sources + ": source 'Agency' (#1): field 'every': 'often' is not a duration");
    }
}
