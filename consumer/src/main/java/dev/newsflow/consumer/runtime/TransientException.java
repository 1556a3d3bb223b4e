package dev.newsflow.consumer.runtime;

/** A failure that retrying the same work can fix; the runner retries it with backoff, never dead-letters it. */
public class TransientException extends RuntimeException {
    public TransientException(String message, Throwable cause) {
        super(message, cause);
    }
}
