package dev.newsflow.consumer.runtime;

import dev.newsflow.events.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/** Builds dead-letter records: the original key and value, with headers saying where from and why. */
final class DeadLetters {
    /** Header values are bounded so that a huge error message cannot make the dead letter itself too large. */
    private static final int MAX_MESSAGE_CHARS = 2_000;

    private DeadLetters() {
    }

    static ProducerRecord<String, byte[]> of(String dlqTopic, String stage, ConsumerRecord<String, byte[]> original, Throwable error) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(dlqTopic, null, original.key(), original.value());
        original.headers().forEach(header -> letter.headers().add(header));
        Headers headers = letter.headers();
        put(headers, DeadLetterHeaders.STAGE, stage);
        put(headers, DeadLetterHeaders.ORIGINAL_TOPIC, original.topic());
        put(headers, DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(original.partition()));
        put(headers, DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(original.offset()));
        put(headers, DeadLetterHeaders.ORIGINAL_TIMESTAMP, Long.toString(original.timestamp()));
        put(headers, DeadLetterHeaders.ERROR_CLASS, error.getClass().getName());
        put(headers, DeadLetterHeaders.ERROR_MESSAGE, describe(error));
        put(headers, DeadLetterHeaders.FAILED_AT, Instant.now().toString());
        return letter;
    }

    static String describe(Throwable error) {
        String message = String.valueOf(error.getMessage()).replace('\n', ' ');
        return message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS) + "...";
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
