package dev.newsflow.consumer.runtime;

import dev.newsflow.events.Topic;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/**
 * A processing step that {@link StageRunner} drives. The runner polls, decodes, retries, dead-letters and
 * commits; a stage only says what to do with an event. Which delivery guarantee a stage gets is the kind of
 * stage it is, one of three:
 * <ul>
 *   <li>{@link TransactionalStage}: read-process-write in Kafka transactions; each input yields its outputs
 *       exactly once for read-committed consumers (dedupe, enrich);</li>
 *   <li>{@link StoredOffsetsStage}: writes to a system outside Kafka that stores the consumed offsets in the same
 *       transaction as the data; each input is written exactly once (the store);</li>
 *   <li>{@link AtLeastOnceStage}: hands each input to a handler and commits Kafka offsets only past what the
 *       handler acknowledged; each input is handled at least once (plug-ins).</li>
 * </ul>
 * In every kind a record is committed past only once it was written downstream, stored, handled, or
 * acknowledged by the dead-letter topic. A stage is called from its runner's thread only, unless a method says
 * otherwise.
 *
 * @param <I> what the stage's input events decode to
 */
public sealed interface Stage<I> extends AutoCloseable permits TransactionalStage, StoredOffsetsStage, AtLeastOnceStage {

    /** Short name used in the consumer group ({@code <pipeline>-<name>}), logs, metrics and dead-letter headers. */
    String name();

    /** The topics to consume; a record is decoded as its topic's value type, and one that does not decode is dead-lettered. */
    List<Topic<? extends I>> inputs();

    /**
     * Whether one instance of the stage must take every input partition while the others stand by: a sequencer,
     * whose state is one and built from all its inputs in one order (see {@link SequencerAssignor}). False by
     * default: the partitions are spread over the instances.
     */
    default boolean sequencer() {
        return false;
    }

    /** Called when partitions are assigned, before any of their records is processed: restore state here. */
    default void onAssigned(Collection<TopicPartition> partitions) throws Exception {
    }

    @Override
    default void close() throws Exception {
    }
}
