package dev.newsflow.consumer.runtime;

/**
 * A stage that hands each input to a handler and keeps its progress in Kafka: the consumer group's committed
 * offsets, which the runner moves only past records the handler acknowledged (returned from {@link #handle})
 * or the dead-letter topic acknowledged. After each batch the offsets are committed asynchronously, a failed
 * commit logged and counted; at shutdown and when partitions are revoked, synchronously. An input may be
 * handled again after a crash, a failed commit or a rebalance: handling must be idempotent.
 *
 * <p>Each input is retried on its own: a {@link Failures#isTransient transient} failure is retried with backoff
 * and the stage stops when the attempts are spent, never skipping the input; any other failure dead-letters it.
 *
 * @param <I> what the input events decode to
 */
public non-sealed interface AtLeastOnceStage<I> extends Stage<I> {

    /**
     * Handles one input; returning normally acknowledges it.
     *
     * @throws Exception a transient failure is retried; any other dead-letters the input
     */
    void handle(InputRecord<I> input) throws Exception;
}
