package dev.newsflow.storage;

/**
 * A database operation of the article store failed; the message names the operation and the database. A failure
 * that retrying can fix is a {@link TransientStorageException}.
 */
public class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
