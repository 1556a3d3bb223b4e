package dev.newsflow.bench;

import java.util.function.BiConsumer;

/**
 * Assembles the lines of a {@code text/event-stream} into events as a browser's EventSource does: {@code event:}
 * names the event (default {@code message}), {@code data:} lines are joined with newlines, a blank line dispatches
 * the event (nothing when it carried no data), lines starting with {@code :} are comments, other fields
 * ({@code id:}, {@code retry:}) are ignored. Not thread-safe: fed by the one thread that reads the stream.
 */
final class SseEventParser {
    private final BiConsumer<String, String> listener;
    private String event;
    private StringBuilder data;

    /** @param listener receives the name and data of each complete event, on the feeding thread */
    SseEventParser(BiConsumer<String, String> listener) {
        this.listener = listener;
    }

    /** One line of the stream, without its line terminator. */
    void accept(String line) {
        if (line.isEmpty()) {
            if (data != null) {
                listener.accept(event == null ? "message" : event, data.toString());
            }
            event = null;
            data = null;
            return;
        }
        if (line.startsWith(":")) {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(line.startsWith(": ", colon) ? colon + 2 : colon + 1);
        switch (field) {
            case "event" -> event = value;
            case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            default -> {
                // id and retry do not matter to a latency probe
            }
        }
    }
}
