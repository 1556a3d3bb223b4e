package dev.newsflow.events;

/**
 * An event that does not match the contract: not JSON, a missing required field, a value out of bounds.
 * Retrying cannot fix it, so a stage sends the record to the dead-letter topic.
 */
public class InvalidEventException extends IllegalArgumentException {
    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
