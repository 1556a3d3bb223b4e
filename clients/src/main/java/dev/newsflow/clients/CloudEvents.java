package dev.newsflow.clients;

import dev.newsflow.events.CloudEventHeaders;
import dev.newsflow.events.EventType;
import dev.newsflow.events.IsoTime;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Writes and reads the CloudEvents 1.0 binary-mode headers on Kafka records. Stateless and thread-safe.
 */
public final class CloudEvents {
    // The constant attribute values, encoded once: the producer writes these headers on every record.
    private static final byte[] SPEC_VERSION = utf8(CloudEventHeaders.SPEC_VERSION_VALUE);
    private static final byte[] JSON = utf8(CloudEventHeaders.JSON);
    private static final Map<EventType, byte[]> SOURCES = encoded(EventType::source);
    private static final Map<EventType, byte[]> TYPES = encoded(EventType::type);
    /** The last {@code ce_time} written: a producer sends dozens of records a millisecond, formatting it once. */
    private static volatile Time lastTime = new Time(Long.MIN_VALUE, new byte[0]);

    private record Time(long epochMilli, byte[] text) {
    }

    private CloudEvents() {
    }

    /**
     * Sets the CloudEvents attributes of an event about article {@code articleId} on {@code headers}: id and
     * subject are the article id (so a re-sent article has the same {@code ce_id}, as CloudEvents wants for
     * the same occurrence), source and type say which stage made it, time is {@code time} to the millisecond.
     */
    public static Headers write(Headers headers, EventType type, String articleId, Instant time) {
        return write(headers, type, articleId, articleId, time);
    }

    /**
     * Sets the CloudEvents attributes of an event caused by article {@code articleId} about {@code subject} (a story
     * update: the story id): id is the article id, subject the subject, source, type and time as above.
     */
    public static Headers write(Headers headers, EventType type, String articleId, String subject, Instant time) {
        byte[] id = utf8(articleId);
        put(headers, CloudEventHeaders.SPEC_VERSION, SPEC_VERSION);
        put(headers, CloudEventHeaders.ID, id);
        put(headers, CloudEventHeaders.SOURCE, SOURCES.get(type));
        put(headers, CloudEventHeaders.TYPE, TYPES.get(type));
        put(headers, CloudEventHeaders.TIME, timeText(time.toEpochMilli()));
        put(headers, CloudEventHeaders.SUBJECT, subject.equals(articleId) ? id : utf8(subject));
        put(headers, CloudEventHeaders.CONTENT_TYPE, JSON);
        return headers;
    }

    /** RFC 3339 text of the millisecond; the bytes are shared by the records of that millisecond, never changed. */
    private static byte[] timeText(long epochMilli) {
        Time last = lastTime;
        if (last.epochMilli() != epochMilli) {
            last = new Time(epochMilli, utf8(IsoTime.format(Instant.ofEpochMilli(epochMilli))));
            lastTime = last;
        }
        return last.text();
    }

    /** The value of header {@code name} as UTF-8 text, or {@code null} when absent. */
    public static String read(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, byte[] value) {
        headers.remove(name);
        headers.add(name, value);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<EventType, byte[]> encoded(Function<EventType, String> attribute) {
        Map<EventType, byte[]> values = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            values.put(type, utf8(attribute.apply(type)));
        }
        return values;
    }
}
