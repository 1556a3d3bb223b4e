package dev.newsflow.consumer.runtime;

import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A topic-to-topic stage with exactly-once outputs. For each input it returns the records to produce; the
 * runner sends them, the batch's dead letters and the consumed offsets in one Kafka transaction, so consumers
 * that read committed see each input's outputs exactly once, whatever crashes.
 *
 * <p>A transient failure (of the stage or of the transaction) aborts the batch, calls {@link #onAbort()} and
 * retries it with backoff; when the attempts are spent the stage stops. A permanent failure of one input
 * dead-letters that input inside the transaction.
 *
 * @param <I> what the input events decode to
 */
public non-sealed interface TransactionalStage<I> extends Stage<I> {

    /**
     * The records that {@code input} yields (build them with {@link Outputs}).
     *
     * @throws Exception a {@link Failures#isTransient transient} failure aborts and retries the batch; any other
     *                   dead-letters this input
     */
    List<ProducerRecord<String, byte[]>> process(InputRecord<I> input) throws Exception;

    /**
     * Whether {@link #process} may run for the inputs of a batch at once, on several threads: true only for a
     * stateless, thread-safe stage. Outputs are still sent in input order, in one transaction.
     */
    default boolean parallel() {
        return false;
    }

    /**
     * The transaction of the current batch was aborted: state changed by {@link #process} since the last commit
     * must be thrown away (re-read it from where it is durable).
     */
    default void onAbort() throws Exception {
    }
}
