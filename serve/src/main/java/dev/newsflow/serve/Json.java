package dev.newsflow.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.newsflow.events.EventJson;

/** JSON of API responses, written with the events' shared mapper so times look the same everywhere. */
final class Json {
    private Json() {
    }

    static String write(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
