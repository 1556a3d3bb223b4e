package dev.newsflow.enrich;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.events.Article;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.EventJson;
import dev.newsflow.events.InvalidEventException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Offline annotation ({@code newsflow annotate}): reads articles as JSON Lines, one object a line with
 * {@code title} and {@code body} (required) and {@code id}, {@code source}, {@code author},
 * {@code publishedAt} (ISO-8601 with offset), {@code url}, {@code language} (optional), and writes one
 * {@link EnrichedArticle} JSON a line (the {@link EventJson} form, as on the enriched topic). A missing id is
 * derived from the content ({@code sha256-} and the first 16 bytes of the SHA-256 of title and body), so the
 * same article always gets the same id. A bad line is reported on the error stream as
 * {@code line N: reason} and skipped; blank lines are ignored. Not thread-safe (one run at a time per
 * instance); the enricher it wraps is shared safely.
 */
public final class JsonLinesAnnotator {

    /** Counts of one run. */
    public record Result(int annotated, int failed) {
    }

    private final Enricher enricher;
    private final Clock clock;

    public JsonLinesAnnotator(Enricher enricher, Clock clock) {
        this.enricher = Objects.requireNonNull(enricher, "enricher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Annotates every line of {@code in} to {@code out}; neither stream is closed.
     *
     * @throws IOException when reading or writing fails (bad content never throws)
     */
    public Result annotate(InputStream in, OutputStream out, PrintStream errors) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int annotated = 0;
        int failed = 0;
        int lineNumber = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            EnrichedArticle enriched;
            try {
                Article article = parse(line);
                enriched = new EnrichedArticle(article, enricher.enrich(article), clock.instant());
            } catch (InvalidArticleLine | InvalidEventException e) {
                errors.println("line " + lineNumber + ": " + e.getMessage());
                failed++;
                continue;
            }
            out.write(EventJson.toBytes(enriched));
            out.write('\n');
            annotated++;
        }
        out.flush();
        return new Result(annotated, failed);
    }

    /** Reads one JSON Lines article. */
    static Article parse(String line) {
        JsonNode node;
        try {
            node = EventJson.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            throw new InvalidArticleLine("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidArticleLine("expected a JSON object with 'title' and 'body'");
        }
        String title = text(node, "title");
        String body = text(node, "body");
        if (title == null || title.isBlank()) {
            throw new InvalidArticleLine("field 'title' is missing or blank");
        }
        if (body == null || body.isBlank()) {
            throw new InvalidArticleLine("field 'body' is missing or blank");
        }
        String id = text(node, "id");
        return new Article(id == null || id.isBlank() ? contentId(title, body) : id, title, body,
                text(node, "author"), text(node, "source"), time(node), text(node, "url"), text(node, "language"), null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidArticleLine("field '" + field + "' must be a string, was " + value.getNodeType().name().toLowerCase());
        }
        return value.asText();
    }

    private static OffsetDateTime time(JsonNode node) {
        String value = text(node, "publishedAt");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidArticleLine("field 'publishedAt' must be ISO-8601 with an offset, was '" + value + "'");
        }
    }

    /** The id of an article that came without one: stable for the same title and body. */
    static String contentId(String title, String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((title + "\n\n" + body).getBytes(StandardCharsets.UTF_8));
            return "sha256-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A line that is not an acceptable article. */
    static final class InvalidArticleLine extends RuntimeException {
        InvalidArticleLine(String message) {
            super(message);
        }
    }
}
