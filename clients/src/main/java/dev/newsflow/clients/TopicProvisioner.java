package dev.newsflow.clients;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates topics that do not exist yet and waits until the leader of every partition of them serves it.
 * Producing only after that avoids KAFKA-15591: an idempotent producer whose first batch to a partition is
 * refused because the leader has not opened the partition yet sends the next batches, which the broker takes as
 * the producer's first, and then retries the refused one as out of order until {@code delivery.timeout.ms} fails
 * it. A leader in the topic's metadata is not enough: the broker publishes the leader before it has created the
 * partition's log, and {@code FreshTopicProduceTest} lost records in most rounds with only that wait. Stateless
 * and thread-safe.
 */
public final class TopicProvisioner {
    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private TopicProvisioner() {
    }

    /** Creates the pipeline's topics and waits until their leaders serve them. */
    public static void ensureTopics(KafkaSettings settings, TopicLayout layout, Duration timeout) {
        try (Admin admin = Admin.create(settings.admin())) {
            ensureTopics(admin, layout.newTopics(), timeout);
        }
    }

    /**
     * Creates the missing ones of {@code topics} and waits until the leader of each partition of all of them serves it.
     *
     * @throws IllegalStateException when the cluster does not get there within {@code timeout}
     */
    public static void ensureTopics(Admin admin, Collection<NewTopic> topics, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                createIgnoringRaces(admin, missing, timeout);
                LOG.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
            }
            Set<String> names = topics.stream().map(NewTopic::name).collect(Collectors.toSet());
            awaitServed(admin, awaitLeaders(admin, names, deadline), deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics on the Kafka cluster: " + rootMessage(e), e);
        }
    }

    private static void createIgnoringRaces(Admin admin, List<NewTopic> missing, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        for (var entry : admin.createTopics(missing).values().entrySet()) {
            try {
                entry.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Waits until the leader of each partition answers for it: a ListOffsets request goes to the leader and is
     * refused (and retried by the admin client) exactly as a produce request would be while the partition is not open.
     */
    private static void awaitServed(Admin admin, Map<String, TopicDescription> topics, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        topics.values().forEach(topic -> topic.partitions().forEach(
                p -> partitions.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
        int timeoutMillis = (int) Math.max(1, remainingMillis(deadline));
        admin.listOffsets(partitions, new ListOffsetsOptions().timeoutMs(timeoutMillis)).all()
                .get(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private static Map<String, TopicDescription> awaitLeaders(Admin admin, Set<String> names, long deadline)
            throws InterruptedException, TimeoutException {
        while (true) {
            try {
                Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames()
                        .get(Math.max(1, remainingMillis(deadline)), TimeUnit.MILLISECONDS);
                boolean allLed = descriptions.values().stream()
                        .flatMap(d -> d.partitions().stream())
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                if (allLed && descriptions.keySet().containsAll(names)) {
                    return descriptions;
                }
            } catch (ExecutionException e) {
                LOG.debug("Topics not described yet: {}", rootMessage(e));
            }
            if (remainingMillis(deadline) <= 0) {
                throw new TimeoutException("partitions of " + names + " still have no leader");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static long remainingMillis(long deadline) {
        return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
