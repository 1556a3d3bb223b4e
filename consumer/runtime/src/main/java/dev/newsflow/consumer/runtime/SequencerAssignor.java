package dev.newsflow.consumer.runtime;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.TopicPartition;

/**
 * The partition assignment of a {@link Stage#sequencer() sequencer}: one member of the group gets every partition
 * of every input topic and the others none, so one instance sees all inputs in one order and keeps the one state
 * built from them; the others stand by and take over when it leaves. The active member stays active across
 * rebalances (each member says in its subscription whether it held the partitions); otherwise the member with the
 * smallest id (its client id starts with its instance id) is chosen. Classic group protocol; one instance per
 * consumer, called from the consumer's thread.
 */
public final class SequencerAssignor implements ConsumerPartitionAssignor {
    public static final String NAME = "newsflow-sequencer";
    private static final byte ACTIVE = 1;
    private static final byte STANDING_BY = 0;

    private volatile boolean active;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ByteBuffer subscriptionUserData(Set<String> topics) {
        return ByteBuffer.wrap(new byte[] {active ? ACTIVE : STANDING_BY});
    }

    @Override
    public void onAssignment(Assignment assignment, ConsumerGroupMetadata metadata) {
        active = !assignment.partitions().isEmpty();
    }

    @Override
    public GroupAssignment assign(Cluster metadata, GroupSubscription group) {
        Map<String, Subscription> members = new TreeMap<>(group.groupSubscription());
        String chosen = members.entrySet().stream().filter(e -> wasActive(e.getValue())).map(Map.Entry::getKey)
                .findFirst().orElse(members.keySet().iterator().next());
        Set<String> topics = new TreeSet<>();
        members.values().forEach(subscription -> topics.addAll(subscription.topics()));
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : topics) {
            Integer partitions = metadata.partitionCountForTopic(topic);
            for (int p = 0; partitions != null && p < partitions; p++) {
                all.add(new TopicPartition(topic, p));
            }
        }
        Map<String, Assignment> assignments = new HashMap<>();
        members.keySet().forEach(member -> assignments.put(member, new Assignment(member.equals(chosen) ? all : List.of())));
        return new GroupAssignment(assignments);
    }

    private static boolean wasActive(Subscription subscription) {
        ByteBuffer data = subscription.userData();
        return data != null && data.remaining() > 0 && data.get(data.position()) == ACTIVE;
    }
}
