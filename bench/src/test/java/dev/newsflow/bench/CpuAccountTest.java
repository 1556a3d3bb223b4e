package dev.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CpuAccountTest {

    @Test
    void shouldGroupThreadsByStageBrokerAndClient() {
        assertThat(CpuAccount.group("bench-backfill1-enrich")).isEqualTo("enrich");
        assertThat(CpuAccount.group("newsflow-store:connection-adder")).isEqualTo("store");
        assertThat(CpuAccount.group("newsflow-stories")).isEqualTo("stories");
        assertThat(CpuAccount.group("ForkJoinPool.commonPool-worker-3")).startsWith("common pool");
        assertThat(CpuAccount.group("data-plane-kafka-request-handler-1")).isEqualTo("broker");
        assertThat(CpuAccount.group("kafka-producer-network-thread | backfill1-dedupe-0-producer")).isEqualTo("Kafka client I/O");
        assertThat(CpuAccount.group("pool-12-thread-3")).isEqualTo("pool-N-thread-N");
    }

    @Test
    void shouldChargeTheCpuOfABusyThreadToItsGroup() throws InterruptedException {
        CpuAccount account = new CpuAccount();
        AtomicBoolean stop = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            while (!stop.get()) {
                Thread.onSpinWait();
            }
        }, "test-dedupe");
        worker.start();
        try {
            // polled while the worker runs: an ended thread's CPU is no longer its own
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
                Map<String, Double> seconds = account.secondsByGroup();
                assertThat(seconds.getOrDefault("dedupe", 0.0)).isGreaterThanOrEqualTo(0.2);
                assertThat(seconds.get("total")).isGreaterThanOrEqualTo(seconds.get("dedupe"));
            });
        } finally {
            stop.set(true);
            worker.join();
        }
    }
}
