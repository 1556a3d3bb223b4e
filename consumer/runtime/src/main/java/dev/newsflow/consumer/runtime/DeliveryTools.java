package dev.newsflow.consumer.runtime;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * What every delivery works with, owned by one runner: its consumer, a producer (transactional for
 * {@link TransactionalDelivery}, idempotent for the others, where it only sends dead letters), the dead letters'
 * builder, the bounded retry and the stage's meters.
 */
record DeliveryTools(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer, DeadLetters deadLetters,
                     Attempts attempts, StageMetrics metrics) {
}
