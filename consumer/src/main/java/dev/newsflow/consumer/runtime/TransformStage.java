package dev.newsflow.consumer.runtime;

import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A topic-to-topic stage. For each input it returns the records to produce; the runner sends them and the
 * input's offset in one Kafka transaction, so each input yields its outputs exactly once for consumers that
 * read committed.
 */
public non-sealed interface TransformStage extends Stage {

    /**
     * The records that {@code input} yields.
     *
     * @throws Exception a transient failure (see {@link Failures#isTransient}) aborts the batch and retries it;
     *                   any other failure dead-letters this input
     */
    List<ProducerRecord<String, byte[]>> transform(InputRecord<?> input) throws Exception;

    /**
     * Whether {@link #transform} may run for the inputs of a batch at once, on several threads: true only for a
     * stateless, thread-safe transform. Outputs are still sent in input order, in one transaction.
     */
    default boolean parallel() {
        return false;
    }

    /**
     * The transaction of the current batch was aborted: state changed by {@link #transform} since the last
     * commit must be thrown away (re-read it from where it is durable).
     */
    default void onAbort() throws Exception {
    }
}
