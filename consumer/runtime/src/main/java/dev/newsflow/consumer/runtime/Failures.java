package dev.newsflow.consumer.runtime;

import dev.newsflow.events.InvalidEventException;
import java.util.List;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Tells transient failures (retry the work) from permanent ones, by type only: the component that raises a
 * failure knows whether retrying can fix it and says so with the type it throws. Stateless.
 */
public final class Failures {
    private Failures() {
    }

    /**
     * True when {@code error} or a cause is a {@link TransientException} or Kafka's own
     * {@link RetriableException}, and no cause is an {@link InvalidEventException} (a record's own fault never
     * passes by retrying).
     */
    public static boolean isTransient(Throwable error) {
        boolean transientCause = false;
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof InvalidEventException) {
                return false;
            }
            transientCause |= e instanceof TransientException || e instanceof RetriableException;
        }
        return transientCause;
    }

    /**
     * True for the Kafka client failures after which the client must not go on: another instance with the same
     * transactional id took over, the broker refuses the client's credentials or version, or the idempotent
     * sequence broke. Any other failure of a stage's own writes to Kafka is worth another attempt.
     */
    static boolean isFatalForClient(Throwable error) {
        return causedBy(error, FATAL_FOR_CLIENT);
    }

    private static final List<Class<? extends Throwable>> FATAL_FOR_CLIENT = List.of(ProducerFencedException.class,
            OutOfOrderSequenceException.class, AuthorizationException.class, AuthenticationException.class,
            UnsupportedVersionException.class);

    /** Whether {@code error} or one of its causes is one of {@code types}. */
    static boolean causedBy(Throwable error, List<Class<? extends Throwable>> types) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(e)) {
                    return true;
                }
            }
        }
        return false;
    }
}
