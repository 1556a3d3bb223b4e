package dev.newsflow.consumer.runtime;

import java.util.Collection;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * A processing step that {@link StageRunner} drives: the runner polls, decodes, retries, dead-letters and
 * commits; a stage only says what to do with an event. A stage is called from its runner's thread only.
 */
public sealed interface Stage extends AutoCloseable permits TransformStage, SinkStage {

    /** Short name used in the consumer group, logs, metrics and dead-letter headers. */
    String name();

    /** The topics to consume and the event type each carries; a record that does not decode is dead-lettered. */
    Map<String, Class<?>> inputs();

    /** Called when partitions are assigned, before any of their records is processed: restore state here. */
    default void onAssigned(Collection<TopicPartition> partitions) throws Exception {
    }

    @Override
    default void close() throws Exception {
    }
}
