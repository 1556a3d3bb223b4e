package dev.newsflow.consumer.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.IllegalGenerationException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guarantee (a), read-process-write: a batch's outputs, its dead letters and its consumed offsets are one Kafka
 * transaction ({@code sendOffsetsToTransaction}), so consumers that read committed see each input's outputs
 * exactly once.
 *
 * <p>Any failure aborts the transaction and tells the stage ({@link TransactionalStage#onAbort()}). Then:
 * <ul>
 *   <li>a transient failure of the stage, or a failure of the transaction itself that is not fatal to the
 *       producer (the broker refusing a write, a timeout), retries the batch with backoff, and stops the stage
 *       when the attempts are spent;</li>
 *   <li>the group having moved on without this instance (a rebalance) rewinds the consumer to the batch, which
 *       is consumed again by whoever owns it now;</li>
 *   <li>anything fatal to the producer (fenced by a newer instance with the same transactional id) stops it.</li>
 * </ul>
 */
final class TransactionalDelivery<I> implements Delivery<I> {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionalDelivery.class);

    private final TransactionalStage<I> stage;
    private final Producer<String, byte[]> producer;
    private final Consumer<String, byte[]> consumer;
    private final DeadLetters deadLetters;
    private final Attempts attempts;
    private final StageMetrics metrics;

    TransactionalDelivery(TransactionalStage<I> stage, DeliveryTools tools) {
        this.stage = stage;
        this.producer = tools.producer();
        this.consumer = tools.consumer();
        this.deadLetters = tools.deadLetters();
        this.attempts = tools.attempts();
        this.metrics = tools.metrics();
    }

    @Override
    public void start() {
        producer.initTransactions();
    }

    @Override
    public void deliver(Batch<I> batch) throws Exception {
        try {
            attempts.run("stage " + stage.name() + " batch of " + batch.size(), () -> inTransaction(batch));
        } catch (GroupMovedOn e) {
            LOG.warn("Stage {}: the group rebalanced under the batch of {} ({}); consuming it again", stage.name(),
                    batch.size(), DeadLetters.describe(e.getCause()));
            batch.firstOffsets().forEach((partition, offset) -> {
                if (consumer.assignment().contains(partition)) {
                    consumer.seek(partition, offset);
                }
            });
        }
    }

    private void inTransaction(Batch<I> batch) throws Exception {
        producer.beginTransaction();
        List<Result> results;
        try {
            results = process(batch);
        } catch (Exception e) {
            abort();
            throw e;
        }
        int processed = 0;
        int deadLettered = 0;
        Map<String, Integer> produced = new HashMap<>();
        try {
            for (Result result : results) {
                if (result.failure() != null) {
                    producer.send(deadLetters.of(result.entry().record(), result.failure()));
                    deadLettered++;
                    continue;
                }
                for (ProducerRecord<String, byte[]> output : result.outputs()) {
                    producer.send(output);
                    produced.merge(output.topic(), 1, Integer::sum);
                }
                processed++;
            }
            long commitStart = System.nanoTime();
            producer.sendOffsetsToTransaction(batch.nextKafkaOffsets(), consumer.groupMetadata());
            producer.commitTransaction();
            metrics.commitTook(System.nanoTime() - commitStart);
        } catch (Exception e) {
            abort();
            throw classified(e);
        }
        metrics.committed(processed, deadLettered, System.nanoTime() - batch.startNanos());
        metrics.produced(produced);
    }

    /** Each entry's outputs or why it has none; throws the first transient failure of the stage. */
    private List<Result> process(Batch<I> batch) throws Exception {
        Stream<Batch.Entry<I>> entries = stage.parallel() ? batch.entries().parallelStream() : batch.entries().stream();
        List<Result> results = entries.map(this::process).toList();
        for (Result result : results) {
            if (result.failure() != null && Failures.isTransient(result.failure())) {
                throw result.failure();
            }
        }
        return results;
    }

    private Result process(Batch.Entry<I> entry) {
        if (entry.invalid() != null) {
            return new Result(entry, List.of(), entry.invalid());
        }
        try {
            return new Result(entry, stage.process(entry.input()), null);
        } catch (Exception e) {
            return new Result(entry, List.of(), e);
        }
    }

    /** The outputs of one entry, or why there are none. */
    private record Result(Batch.Entry<?> entry, List<ProducerRecord<String, byte[]>> outputs, Exception failure) {
    }

    /** A failure of the transaction's own writes, as the retry sees it. */
    private static Exception classified(Exception e) {
        if (Failures.isFatalForClient(e)) {
            return e;
        }
        if (isGroupMovedOn(e)) {
            return new GroupMovedOn(e);
        }
        return Failures.isTransient(e) ? e : new TransientException("the transaction of the batch failed: " + DeadLetters.describe(e), e);
    }

    private static final List<Class<? extends Throwable>> GROUP_MOVED_ON = List.of(CommitFailedException.class,
            RebalanceInProgressException.class, IllegalGenerationException.class, UnknownMemberIdException.class,
            FencedInstanceIdException.class);

    private static boolean isGroupMovedOn(Throwable error) {
        return Failures.causedBy(error, GROUP_MOVED_ON);
    }

    /** The consumer group moved on without this instance: not a failure to retry, the batch is consumed again. */
    private static final class GroupMovedOn extends Exception {
        private static final long serialVersionUID = 1L;

        GroupMovedOn(Throwable cause) {
            super(cause);
        }
    }

    /** Aborts the open transaction; a producer that cannot abort cannot go on, so that failure stops the stage. */
    private void abort() throws Exception {
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            throw new IllegalStateException("stage " + stage.name() + " cannot abort its transaction: " + e, e);
        }
        stage.onAbort();
    }

    @Override
    public Map<TopicPartition, Long> committed(Admin admin, String groupId, Collection<TopicPartition> partitions) throws Exception {
        return GroupOffsets.of(admin, groupId, partitions);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
