package dev.newsflow.consumer.runtime;

import dev.newsflow.clients.Retry;

/**
 * The runtime's bounded retry: runs a piece of work until it succeeds, fails with something not
 * {@link Failures#isTransient transient}, or the attempts are spent (then the failure is rethrown and the stage
 * stops). Each failed attempt is logged "attempt N of M" and counted as a retry. Owned by one runner's thread.
 */
final class Attempts {
    private final Retry retry;
    private final StageMetrics metrics;

    /** Work that may be attempted more than once. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    Attempts(Retry retry, StageMetrics metrics) {
        this.retry = retry;
        this.metrics = metrics;
    }

    void run(String what, Work work) throws Exception {
        int[] attempt = {0};
        retry.call(what, Failures::isTransient, () -> {
            if (attempt[0]++ > 0) {
                metrics.retried();
            }
            work.run();
            return null;
        });
    }
}
