package dev.newsflow.producer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.events.Article;
import dev.newsflow.events.EventJson;
import dev.newsflow.events.InvalidEventException;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * JSON Lines articles: one JSON object a line with {@code title} and {@code body} and optionally {@code id},
 * {@code source}, {@code author}, {@code publishedAt} (ISO-8601 with offset, or an instant), {@code url},
 * {@code language}. A line without an id gets one derived from its content. A bad line is reported with its
 * number and the lines after it are still read. Stateless and thread-safe.
 */
public final class JsonLinesFormat {
    private static final ObjectMapper MAPPER = EventJson.mapper();

    /** Reads every line of {@code reader}, handing each outcome to {@code sink}. */
    public void read(String origin, BufferedReader reader, Consumer<SourceItem> sink) throws IOException {
        read(origin, reader, sink, bytes -> { });
    }

    /** As {@link #read(String, BufferedReader, Consumer)}, telling {@code charsRead} how much each line took. */
    public void read(String origin, BufferedReader reader, Consumer<SourceItem> sink, LongConsumer charsRead) throws IOException {
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            charsRead.accept(line.length() + 1L);
            if (number == 1) {
                line = TextFiles.stripBom(line);
            }
            if (line.isBlank()) {
                continue;
            }
            try {
                sink.accept(new SourceItem.Parsed(parseLine(origin, line)));
            } catch (ArticleFormatException e) {
                sink.accept(new SourceItem.Failed(origin + ":" + number, e.getMessage()));
            }
        }
    }

    /** Parses one line into an article whose origin is {@code origin}. */
    public Article parseLine(String origin, String line) throws ArticleFormatException {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new ArticleFormatException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ArticleFormatException("expected a JSON object, found " + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        String title = text(node, "title");
        String body = text(node, "body");
        String source = text(node, "source");
        String id = text(node, "id");
        try {
            return new Article(
                    id != null ? id : ArticleIds.fromContent(source, title, body),
                    title, body, text(node, "author"), source, publishedAt(text(node, "publishedAt")),
                    text(node, "url"), text(node, "language"), origin);
        } catch (InvalidEventException e) {
            throw new ArticleFormatException(e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) throws ArticleFormatException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new ArticleFormatException("field '" + field + "' must be a string");
        }
        return value.asText();
    }

    private static OffsetDateTime publishedAt(String value) throws ArticleFormatException {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(value).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notInstant) {
                throw new ArticleFormatException("field 'publishedAt' is not an ISO-8601 time: '" + value + "'");
            }
        }
    }
}
