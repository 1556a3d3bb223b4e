package dev.newsflow.consumer.runtime;

import dev.newsflow.events.EventJson;
import dev.newsflow.events.InvalidEventException;
import dev.newsflow.events.Topic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The records of one poll, each decoded into its topic's value type or marked undecodable, in poll order.
 * Immutable; owned by the runner's thread.
 */
final class Batch<I> {

    /** One record and its decoded input, or why it does not decode (exactly one of the two is set). */
    record Entry<I>(ConsumerRecord<String, byte[]> record, InputRecord<I> input, InvalidEventException invalid) {
        TopicPartition partition() {
            return new TopicPartition(record.topic(), record.partition());
        }
    }

    private final List<Entry<I>> entries;
    private final long startNanos;

    private Batch(List<Entry<I>> entries, long startNanos) {
        this.entries = entries;
        this.startNanos = startNanos;
    }

    /** Decodes {@code records}, on several threads when {@code parallel}; {@code inputs} maps a topic name to its topic. */
    static <I> Batch<I> decode(ConsumerRecords<String, byte[]> records, Map<String, Topic<? extends I>> inputs, boolean parallel) {
        long start = System.nanoTime();
        List<ConsumerRecord<String, byte[]>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        Stream<ConsumerRecord<String, byte[]>> stream = parallel ? list.parallelStream() : list.stream();
        List<Entry<I>> entries = stream.map(record -> Batch.<I>decode(record, inputs.get(record.topic()))).toList();
        return new Batch<>(entries, start);
    }

    private static <I> Entry<I> decode(ConsumerRecord<String, byte[]> record, Topic<? extends I> topic) {
        try {
            I event = EventJson.fromBytes(record.value(), topic.valueType());
            return new Entry<>(record, new InputRecord<>(record, event), null);
        } catch (InvalidEventException e) {
            return new Entry<>(record, null, e);
        }
    }

    List<Entry<I>> entries() {
        return entries;
    }

    /** The decoded inputs, in order. */
    List<InputRecord<I>> inputs() {
        return entries.stream().filter(e -> e.input() != null).map(Entry::input).toList();
    }

    /** The records that do not decode, in order. */
    List<Entry<I>> undecodable() {
        return entries.stream().filter(e -> e.invalid() != null).toList();
    }

    int size() {
        return entries.size();
    }

    /** When the batch was polled ({@link System#nanoTime()}): a batch's time runs from poll to commit. */
    long startNanos() {
        return startNanos;
    }

    /** Per partition, the offset after the batch's last record. */
    Map<TopicPartition, Long> nextOffsets() {
        Map<TopicPartition, Long> next = new LinkedHashMap<>();
        entries.forEach(entry -> next.put(entry.partition(), entry.record().offset() + 1));
        return next;
    }

    /** {@link #nextOffsets()} as Kafka commits them. */
    Map<TopicPartition, OffsetAndMetadata> nextKafkaOffsets() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
        nextOffsets().forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
        return offsets;
    }

    /** Per partition, the offset of the batch's first record: where to seek to consume the batch again. */
    Map<TopicPartition, Long> firstOffsets() {
        Map<TopicPartition, Long> first = new LinkedHashMap<>();
        entries.forEach(entry -> first.putIfAbsent(entry.partition(), entry.record().offset()));
        return first;
    }
}
