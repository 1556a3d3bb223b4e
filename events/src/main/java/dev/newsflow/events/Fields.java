package dev.newsflow.events;

import java.util.List;

/** Validation helpers for the compact constructors of the event records. */
final class Fields {
    private Fields() {
    }

    static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("missing required field '" + field + "'");
        }
        return bounded(field, value, maxLength);
    }

    static String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return bounded(field, value, maxLength);
    }

    static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidEventException("missing required field '" + field + "'");
        }
        return value;
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    private static String bounded(String field, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw new InvalidEventException("field '" + field + "' has " + value.length()
                    + " characters, more than the " + maxLength + " allowed");
        }
        return value;
    }
}
