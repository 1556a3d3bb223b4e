package dev.newsflow.consumer.runtime;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer of some topics has durably got: what {@link CatchUp} compares with the ends of those
 * topics. A {@link StageRunner} of this process is one; {@link #ofGroup} is a stage that runs elsewhere and keeps
 * its offsets in Kafka. Implementations are thread-safe.
 */
public interface Progress {

    /** The topics consumed. */
    List<String> inputTopics();

    /** The committed next offsets of {@code partitions}; absent where none. */
    Map<TopicPartition, Long> committedPositions(Admin admin, Collection<TopicPartition> partitions) throws Exception;

    /** Why the consumer stopped on its own, or null while it runs (or when this process cannot tell). */
    default Throwable failure() {
        return null;
    }

    /** A consumer group that commits its offsets to Kafka, wherever its instances run. */
    static Progress ofGroup(String groupId, List<String> topics) {
        List<String> inputs = List.copyOf(topics);
        return new Progress() {
            @Override
            public List<String> inputTopics() {
                return inputs;
            }

            @Override
            public Map<TopicPartition, Long> committedPositions(Admin admin, Collection<TopicPartition> partitions) throws Exception {
                return GroupOffsets.of(admin, groupId, partitions);
            }
        };
    }
}
