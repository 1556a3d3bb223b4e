package dev.newsflow.clients;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounded retries with exponential backoff for transient failures (broker unavailable, database down).
 * Each failed attempt is logged as "attempt N of M"; after the last one the failure is rethrown, because a
 * transient failure that does not pass is an outage to report, never a record to dead-letter.
 * Immutable and thread-safe.
 *
 * @param maxAttempts    attempts in all, at least 1
 * @param initialBackoff wait after the first failure
 * @param maxBackoff     the longest wait between two attempts
 */
public record Retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    private static final Logger LOG = LoggerFactory.getLogger(Retry.class);

    public static final Retry DEFAULT = new Retry(8, Duration.ofMillis(200), Duration.ofSeconds(10));

    public Retry {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= initial <= max");
        }
    }

    /**
     * Runs {@code action} until it succeeds, it throws something {@code transient_} does not accept, or the
     * attempts are spent.
     */
    public <T> T call(String what, Predicate<Throwable> isTransient, Callable<T> action) throws Exception {
        Duration backoff = initialBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                return action.call();
            } catch (Exception e) {
                if (!isTransient.test(e) || attempt >= maxAttempts) {
                    throw e;
                }
                LOG.warn("{} failed, attempt {} of {}, retrying in {} ms: {}", what, attempt, maxAttempts,
                        backoff.toMillis(), TopicProvisioner.rootMessage(e));
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }
}
