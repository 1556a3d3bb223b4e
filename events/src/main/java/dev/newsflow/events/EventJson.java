package dev.newsflow.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * JSON encoding of the events, shared by every producer and consumer so that all agree on the wire form.
 *
 * <p>Unknown fields are ignored when reading (events only grow); times are ISO-8601 strings and an
 * {@link OffsetDateTime} keeps the offset it was written with. Thread-safe.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule()
                    .addSerializer(OffsetDateTime.class, ToStringSerializer.instance)
                    .addSerializer(Instant.class, new InstantText())
                    .addDeserializer(Instant.class,
                            new CanonicalTime<>(Instant.class, IsoTime::parseInstant, InstantDeserializer.INSTANT))
                    .addDeserializer(OffsetDateTime.class, new CanonicalTime<>(OffsetDateTime.class,
                            IsoTime::parseOffsetDateTime, InstantDeserializer.OFFSET_DATE_TIME)))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventJson() {
    }

    /** The shared mapper, configured as above; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] toBytes(Object event) {
        if (event instanceof Article article) {
            byte[] json = ArticleJson.encode(article);
            if (json != null) {
                return json;
            }
        }
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + event.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static String toJson(Object event) {
        return new String(toBytes(event), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Reads one event.
     *
     * @throws InvalidEventException when the bytes are not JSON or do not match the contract of {@code type};
     *                               the message says which field and why, on one line
     */
    public static <T> T fromBytes(byte[] json, Class<T> type) {
        if (json == null || json.length == 0) {
            throw new InvalidEventException("empty value, expected a JSON " + type.getSimpleName());
        }
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new InvalidEventException("JSON null, expected a " + type.getSimpleName());
            }
            return value;
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new InvalidEventException("invalid " + type.getSimpleName() + ": " + cause.getMessage(), e);
        } catch (JsonMappingException e) {
            throw new InvalidEventException("invalid " + type.getSimpleName() + field(e) + ": "
                    + firstLine(e.getOriginalMessage()), e);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("invalid " + type.getSimpleName() + ": " + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new InvalidEventException("unreadable " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Writes an instant as {@link Instant#toString()} does, as jsr310's serializer did, through {@link IsoTime}. */
    private static final class InstantText extends StdSerializer<Instant> {
        InstantText() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(IsoTime.format(value));
        }
    }

    /**
     * Reads a time written in canonical form with {@link IsoTime} and hands anything else (other forms, numbers,
     * invalid text) to jsr310's deserializer, so every value and error is what it was.
     */
    private static final class CanonicalTime<T> extends StdScalarDeserializer<T> {
        private final Function<String, T> canonical;
        private final JsonDeserializer<T> general;

        CanonicalTime(Class<T> type, Function<String, T> canonical, JsonDeserializer<T> general) {
            super(type);
            this.canonical = canonical;
            this.general = general;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                T value = canonical.apply(parser.getText());
                if (value != null) {
                    return value;
                }
            }
            return general.deserialize(parser, context);
        }
    }

    /** Where in the event the mapping failed, as {@code " field enrichment.mentions[2].type"}, or "" at the top. */
    private static String field(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "" : " field " + path;
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
