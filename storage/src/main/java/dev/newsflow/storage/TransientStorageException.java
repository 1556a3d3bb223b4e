package dev.newsflow.storage;

/**
 * A database operation failed for a reason that passes on its own: the database is busy or locked by another
 * writer, unreachable, shutting down, or aborted the transaction to resolve a conflict. Retrying the same
 * operation later can succeed; nothing of the failed operation was stored.
 */
public final class TransientStorageException extends StorageException {
    private static final long serialVersionUID = 1L;

    public TransientStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
