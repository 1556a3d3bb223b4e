package dev.newsflow.sources.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.testkit.LocalWebServer;
import dev.newsflow.testkit.LocalWebServer.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PoliteFetcherTest {

    /** Generous time limits: a loaded machine must not turn an answer into a timeout. */
    private static PoliteFetcher fetcher(Duration hostDelay) {
        return fetcher(hostDelay, Duration.ofSeconds(10));
    }

    private static PoliteFetcher fetcher(Duration hostDelay, Duration timeout) {
        return new PoliteFetcher(new PoliteFetcher.Settings("testbot/1.0", Duration.ofSeconds(5), timeout,
                10_000, 3, hostDelay, Duration.ofSeconds(5), Duration.ofHours(1)), Clock.systemUTC());
    }

    @Test
    void shouldSendOneRequestAtATimeToAHostWithTheDelayBetween() throws Exception {
        try (LocalWebServer web = LocalWebServer.start(); PoliteFetcher fetcher = fetcher(Duration.ofMillis(150))) {
            web.serve("/page", Response.ok("text/plain", "hello").delayed(Duration.ofMillis(50)));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<FetchResult>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> fetcher.fetch(URI.create(web.url("/page")), Validators.NONE)));
            }
            for (Future<FetchResult> result : results) {
                assertThat(result.get()).isInstanceOf(FetchResult.Fetched.class);
            }
            pool.shutdown();

            List<LocalWebServer.Request> requests = web.requests("/page");
            for (int i = 1; i < requests.size(); i++) {
                long gap = requests.get(i).arrivedNanos() - requests.get(i - 1).answeredNanos()[0];
                assertThat(Duration.ofNanos(gap)).as("gap before request %d", i).isGreaterThanOrEqualTo(Duration.ofMillis(140));
            }
        }
    }

    @Test
    void shouldFailSlowHugeAndErrorAnswersSayingWhy() throws Exception {
        try (LocalWebServer web = LocalWebServer.start(); PoliteFetcher fetcher = fetcher(Duration.ZERO);
             PoliteFetcher impatient = fetcher(Duration.ZERO, Duration.ofSeconds(1))) {
            web.serve("/robots.txt", Response.status(404));
            web.serve("/slow", Response.ok("text/plain", "late").delayed(Duration.ofSeconds(6)));
            web.serve("/huge", Response.ok("text/plain", "x".repeat(20_000)));
            web.serve("/bomb", Response.ok("text/plain", "x".repeat(20_000)).gzipped());
            web.serve("/error", Response.status(503));
            web.serve("/loop", Response.redirect("/loop"));

            assertThat(reason(impatient, web, "/robots.txt")).isEqualTo("HTTP 404");
            assertThat(reason(impatient, web, "/slow")).isEqualTo("timed out after 1s");
            assertThat(reason(fetcher, web, "/huge")).startsWith("larger than the limit of 10000 bytes");
            assertThat(reason(fetcher, web, "/bomb")).startsWith("larger than the limit of 10000 bytes");
            assertThat(reason(fetcher, web, "/error")).isEqualTo("HTTP 503");
            assertThat(reason(fetcher, web, "/loop")).isEqualTo("more than 3 redirects");
        }
    }

    @Test
    void shouldObeyRobotsTxtForItsOwnNameAndAnswer304ToValidators() throws Exception {
        try (LocalWebServer web = LocalWebServer.start(); PoliteFetcher fetcher = fetcher(Duration.ZERO)) {
            web.serve("/robots.txt", Response.ok("text/plain", "User-agent: testbot\nDisallow: /drafts/\n\nUser-agent: *\nDisallow: /\n"));
            web.serve("/drafts/1", Response.ok("text/plain", "secret"));
            web.serve("/feed", Response.ok("application/rss+xml", "<rss/>").withHeader("ETag", "\"e1\"")
                    .withHeader("Last-Modified", "Mon, 30 Nov 2026 09:00:00 GMT"));

            assertThat(fetcher.fetch(URI.create(web.url("/drafts/1")), Validators.NONE)).isInstanceOf(FetchResult.Disallowed.class);
            FetchResult.Fetched first = (FetchResult.Fetched) fetcher.fetch(URI.create(web.url("/feed")), Validators.NONE);
            assertThat(first.validators()).isEqualTo(new Validators("\"e1\"", "Mon, 30 Nov 2026 09:00:00 GMT"));
            assertThat(fetcher.fetch(URI.create(web.url("/feed")), first.validators())).isInstanceOf(FetchResult.NotModified.class);
            assertThat(web.requests("/drafts/1")).isEmpty();
            assertThat(web.requests("/robots.txt")).hasSize(1);
        }
    }

    private static String reason(PoliteFetcher fetcher, LocalWebServer web, String path) {
        FetchResult result = fetcher.fetch(URI.create(web.url(path)), Validators.NONE);
        assertThat(result).as(path).isInstanceOf(FetchResult.Failed.class);
        return ((FetchResult.Failed) result).reason();
    }
}
