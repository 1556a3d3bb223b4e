package dev.newsflow.events;

/**
 * Kafka header names on records of the dead-letter topic ({@link PipelineTopics#dlq()}). The value and key of a dead letter are the original
 * record's bytes, unchanged; these headers say where it came from and why it could not be processed.
 */
public final class DeadLetterHeaders {
    /** The stage that gave up on the record: {@code dedupe}, {@code enrich}, {@code store} or a plug-in name. */
    public static final String STAGE = "dlq.stage";
    public static final String ORIGINAL_TOPIC = "dlq.original.topic";
    public static final String ORIGINAL_PARTITION = "dlq.original.partition";
    public static final String ORIGINAL_OFFSET = "dlq.original.offset";
    /** The original record's timestamp, epoch milliseconds. */
    public static final String ORIGINAL_TIMESTAMP = "dlq.original.timestamp";
    /** Fully qualified class name of the error. */
    public static final String ERROR_CLASS = "dlq.error.class";
    public static final String ERROR_MESSAGE = "dlq.error.message";
    /** When the record was dead-lettered, ISO-8601. */
    public static final String FAILED_AT = "dlq.failed.at";

    private DeadLetterHeaders() {
    }
}
