package dev.newsflow.consumer.runtime;

/**
 * A failure that retrying the same work can fix (a database busy or unreachable, a remote service answering 503).
 * The component that knows marks its own transient failures with this type (the store stage translates the
 * storage's, the plug-in runner a handler's); the runtime retries it with backoff and never dead-letters for it.
 */
public class TransientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TransientException(String message, Throwable cause) {
        super(message, cause);
    }
}
