package dev.newsflow.plugin;

/**
 * Thrown by {@link ArticleHandler#handle} when handling the same article again later can succeed: a remote
 * service is down or overloaded, a disk is momentarily full. The runtime retries with backoff and never
 * dead-letters the article for it.
 */
public class RetriableHandlerException extends RuntimeException {
    public RetriableHandlerException(String message) {
        super(message);
    }

    public RetriableHandlerException(String message, Throwable cause) {
        super(message, cause);
    }
}
