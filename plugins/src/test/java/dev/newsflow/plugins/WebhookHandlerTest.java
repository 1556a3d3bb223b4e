package dev.newsflow.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.newsflow.events.DeadLetterHeaders;
import dev.newsflow.events.EventJson;
import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealKafkaExtension.class)
class WebhookHandlerTest {
    private HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    record Delivery(String ceId, String ceType, JsonNode body, int answered) {
    }

    private String serve(IntSupplier status) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int answer = status.getAsInt();
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("ce-id"),
                    exchange.getRequestHeaders().getFirst("ce-type"), EventJson.mapper().readTree(body), answer));
            byte[] reply = (answer == 200 ? "ok" : "no").getBytes();
            exchange.sendResponseHeaders(answer, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void shouldPostOnlyMatchingArticlesAndRetryAServerError(KafkaBroker broker) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String url = serve(() -> calls.incrementAndGet() == 1 ? 503 : 200);
        TestEvents events = new TestEvents(broker);
        events.publish(TestEvents.enriched("uz1", "Tashkent news", List.of("UZ"), List.of(), null),
                TestEvents.enriched("kz1", "Astana news", List.of("KZ"), List.of(), null),
                TestEvents.enriched("p1", "A visit", List.of(), List.of(), "Shavkat Mirziyoyev"),
                TestEvents.enriched("k1", "Cotton harvest ends", List.of(), List.of(), null));

        run(events, Map.of("webhook.url", url, "webhook.countries", "uz", "webhook.entities", "shavkat mirziyoyev",
                "webhook.keywords", "cotton", "webhook.backoff.ms", "10"));

        assertThat(deliveries).extracting(Delivery::ceId).containsOnly("uz1", "p1", "k1").doesNotContain("kz1");
        assertThat(deliveries.stream().filter(d -> d.answered() == 200).map(Delivery::ceId))
                .as("each matching article delivered once").containsExactlyInAnyOrder("uz1", "p1", "k1");
        assertThat(deliveries.get(0).answered()).as("the first attempt was refused and retried").isEqualTo(503);
        assertThat(deliveries).allSatisfy(d -> {
            assertThat(d.ceType()).isEqualTo("dev.newsflow.article.enriched.v1");
            assertThat(d.body().at("/article/id").asText()).isEqualTo(d.ceId());
        });
        assertThat(events.deadLetters(0)).isEmpty();
    }

    @Test
    void shouldDeadLetterAnArticleTheReceiverRejects(KafkaBroker broker) throws Exception {
        String url = serve(() -> 400);
        TestEvents events = new TestEvents(broker);
        events.publish(TestEvents.enriched("r1", "Rejected", List.of(), List.of(), null));

        run(events, Map.of("webhook.url", url, "webhook.backoff.ms", "10"));

        assertThat(deliveries).extracting(Delivery::ceId).as("a 4xx answer is not retried").containsExactly("r1");
        var letters = events.deadLetters(1);
        assertThat(letters).hasSize(1);
        assertThat(TestEvents.header(letters.get(0), DeadLetterHeaders.STAGE)).isEqualTo("plugin-webhook");
        assertThat(TestEvents.header(letters.get(0), DeadLetterHeaders.ERROR_MESSAGE)).contains("HTTP 400");
    }

    @Test
    void shouldRejectAMissingOrMalformedUrlNamingTheKey() {
        assertThatThrownBy(() -> new WebhookHandler().configure(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("webhook.url");
        assertThatThrownBy(() -> new WebhookHandler().configure(Map.of("webhook.url", "ftp://example.org/x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("webhook.url");
        assertThatThrownBy(() -> new WebhookHandler().configure(Map.of("webhook.url", "http://127.0.0.1/", "webhook.max.attempts", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("webhook.max.attempts");
    }

    private static void run(TestEvents events, Map<String, String> settings) throws Exception {
        var handler = Plugins.load("webhook", settings, WebhookHandlerTest.class.getClassLoader());
        try (PluginRunner runner = PluginRunner.create(handler, events.kafka, events.topics, events.stageConfig(), new SimpleMeterRegistry())) {
            new Thread(runner, "webhook-under-test").start();
            assertThat(runner.awaitCaughtUp(Duration.ofSeconds(60))).as("caught up").isTrue();
            assertThat(runner.failure()).isNull();
        }
    }
}
