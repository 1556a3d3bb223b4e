package dev.newsflow.serve;

import dev.newsflow.storage.ArticleQuery;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Turns the query string of {@code GET /api/articles} into an {@link ArticleQuery}, rejecting unknown or
 * out-of-range parameters with a {@link BadRequestException} that names the parameter.
 */
final class ArticleQueryParameters {
    static final Set<String> KNOWN = Set.of("q", "language", "country", "entity", "source", "from", "to",
            "duplicates", "cursor", "limit", "minConfidence");
    /**
     * What the API and the dashboard show by default: entities and mentions the recognizer is at least this sure of
     * ({@code minConfidence} changes it, 0 shows all). Chosen on the tuning sentences (enrich/README.md, "Confidence").
     */
    static final double DEFAULT_MIN_CONFIDENCE = 0.5;
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");
    private static final int MAX_CURSOR_LENGTH = 600;

    private ArticleQueryParameters() {
    }

    static ArticleQuery parse(Context ctx) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!KNOWN.contains(name)) {
                throw new BadRequestException(name, "unknown parameter '" + abbreviate(name)
                        + "'; known: " + String.join(", ", KNOWN.stream().sorted().toList()));
            }
        }
        String country = ctx.queryParam("country");
        if (country != null && !country.isBlank() && !country.strip().matches("[A-Za-z]{2}")) {
            throw new BadRequestException("country", "country must be an ISO 3166-1 alpha-2 code such as UZ");
        }
        String cursor = ctx.queryParam("cursor");
        if (cursor != null && cursor.length() > MAX_CURSOR_LENGTH) {
            throw new BadRequestException("cursor", "cursor is not valid: use the nextCursor of the previous page");
        }
        try {
            return new ArticleQuery(ctx.queryParam("q"), ctx.queryParam("language"),
                    country == null ? null : country.strip().toUpperCase(java.util.Locale.ROOT),
                    ctx.queryParam("entity"), ctx.queryParam("source"),
                    time("from", ctx.queryParam("from")), time("to", ctx.queryParam("to")),
                    flag("duplicates", ctx.queryParam("duplicates")), cursor,
                    limit(ctx.queryParam("limit")), minConfidence(ctx));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(parameterOf(e.getMessage()), e.getMessage());
        }
    }

    /** The {@code minConfidence} parameter: 0..1, {@value #DEFAULT_MIN_CONFIDENCE} when absent. */
    static double minConfidence(Context ctx) {
        String value = ctx.queryParam("minConfidence");
        if (value == null || value.isBlank()) {
            return DEFAULT_MIN_CONFIDENCE;
        }
        try {
            double parsed = Double.parseDouble(value.strip());
            if (parsed >= 0.0 && parsed <= 1.0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // falls through to the same message as out of range
        }
        throw new BadRequestException("minConfidence", "minConfidence must be a number within 0..1, was '"
                + abbreviate(value) + "'");
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return ArticleQuery.DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException("limit", "limit must be a whole number within 1.." + ArticleQuery.MAX_LIMIT
                    + ", was '" + abbreviate(value) + "'");
        }
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadRequestException(name, name + " must be true or false, was '" + abbreviate(value) + "'");
        };
    }

    /** An ISO-8601 instant, date-time with offset, or date (midnight UTC), within 1900..2200. */
    static Instant time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        Instant instant;
        try {
            instant = text.length() == 10 ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name, name + " must be an ISO-8601 date (2022-10-27) or date-time"
                    + " (2022-10-27T09:12:00+05:00), was '" + abbreviate(text) + "'");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new BadRequestException(name, name + " must be between 1900 and 2200, was " + instant);
        }
        return instant;
    }

    /** ArticleQuery's messages start with the parameter's name. */
    private static String parameterOf(String message) {
        String first = message == null ? "" : message.split(" ", 2)[0];
        return KNOWN.contains(first) || "from".equals(first) ? first : "query";
    }

    static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
