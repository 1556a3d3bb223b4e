package dev.newsflow.clients;

import dev.newsflow.events.CloudEventHeaders;
import dev.newsflow.events.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Writes and reads the CloudEvents 1.0 binary-mode headers on Kafka records. Stateless and thread-safe.
 */
public final class CloudEvents {
    private CloudEvents() {
    }

    /**
     * Sets the CloudEvents attributes of an event about article {@code articleId} on {@code headers}: id and
     * subject are the article id (so a re-sent article has the same {@code ce_id}, as CloudEvents wants for
     * the same occurrence), source and type say which stage made it.
     */
    public static Headers write(Headers headers, EventType type, String articleId, Instant time) {
        put(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        put(headers, CloudEventHeaders.ID, articleId);
        put(headers, CloudEventHeaders.SOURCE, type.source());
        put(headers, CloudEventHeaders.TYPE, type.type());
        put(headers, CloudEventHeaders.TIME, time.toString());
        put(headers, CloudEventHeaders.SUBJECT, articleId);
        put(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return headers;
    }

    /** The value of header {@code name} as UTF-8 text, or {@code null} when absent. */
    public static String read(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
