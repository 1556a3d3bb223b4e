package dev.newsflow.consumer.runtime;

import dev.newsflow.events.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds dead letters (the original key, value and headers, plus headers saying where from and why) and, for
 * the stages that are not transactional, sends them and waits until the broker has them. Stateless apart from
 * its arguments; called from one runner's thread.
 */
final class DeadLetters {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    /** Header values are bounded so that a huge error message cannot make the dead letter itself too large. */
    private static final int MAX_MESSAGE_CHARS = 2_000;

    private final String topic;
    private final String stage;

    DeadLetters(String topic, String stage) {
        this.topic = topic;
        this.stage = stage;
    }

    /** The dead letter of {@code original}, logged once. */
    ProducerRecord<String, byte[]> of(ConsumerRecord<String, byte[]> original, Throwable error) {
        LOG.warn("Stage {}: dead-lettering {}-{}@{}: {}: {}", stage, original.topic(), original.partition(),
                original.offset(), error.getClass().getSimpleName(), describe(error));
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(topic, null, original.key(), original.value());
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

    /**
     * Sends the dead letter of {@code original} and waits for the broker's acknowledgement, so that no offset is
     * committed past a record whose dead letter is not written.
     *
     * @throws TransientException when the broker did not take it (the caller's bounded retry tries again)
     * @throws Exception          the client's own failure when it must not go on (fenced, not authorized)
     */
    void sendAcknowledged(Producer<String, byte[]> producer, ConsumerRecord<String, byte[]> original, Throwable error)
            throws Exception {
        try {
            producer.send(of(original, error)).get();
        } catch (ExecutionException e) {
            if (Failures.isFatalForClient(e.getCause()) && e.getCause() instanceof Exception fatal) {
                throw fatal;
            }
            throw new TransientException("the dead-letter topic " + topic + " did not take the dead letter of "
                    + original.topic() + "-" + original.partition() + "@" + original.offset() + ": " + describe(e.getCause()), e.getCause());
        }
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
