package dev.newsflow.producer;

import dev.newsflow.events.Article;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain-text format of news-agency exports such as UzA's:
 * <pre>
 * Headline
 * HH:MM / YYYY-MM-DD
 *
 * Body paragraph.
 *
 * Body paragraph.
 *
 * Author Name, Agency
 * </pre>
 * The time is the agency's local time in {@code zone}. Line endings may be LF, CRLF or CR, mixed; a leading
 * byte-order mark is ignored. Immutable and thread-safe.
 */
public final class UzaTextFormat {
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Tashkent");

    private static final Pattern DATE_LINE = Pattern.compile("^(\\d{1,2}):(\\d{2})\\s*/\\s*(\\d{4})-(\\d{1,2})-(\\d{1,2})$");
    /** "Name Surname, Agency": a short name, one comma, a short agency name. */
    private static final Pattern BYLINE = Pattern.compile("^([\\p{L}\\p{M}][\\p{L}\\p{M}'’.\\- ]{1,79}),\\s*([\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}'’.&\\- ]{0,59})$");
    private static final int EARLIEST_YEAR = 1900;
    private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

    private final ZoneId zone;
    private final Clock clock;

    public UzaTextFormat(ZoneId zone, Clock clock) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public UzaTextFormat() {
        this(DEFAULT_ZONE, Clock.systemUTC());
    }

    /**
     * Parses one article.
     *
     * @param fileName the file's name, used as origin and, for {@code NNN_<hex>.txt}, as the id
     * @throws ArticleFormatException naming the line that does not fit the format
     */
    public Article parse(String fileName, String text) throws ArticleFormatException {
        List<String> lines = lines(text);
        int first = nextNonBlank(lines, 0);
        if (first < 0) {
            throw new ArticleFormatException("no text: expected a headline, a date line, body paragraphs and a byline");
        }
        String title = lines.get(first).strip();
        int dateIndex = nextNonBlank(lines, first + 1);
        if (dateIndex < 0) {
            throw new ArticleFormatException("only one line: expected a date line 'HH:MM / YYYY-MM-DD', body paragraphs and a byline after the headline");
        }
        OffsetDateTime publishedAt = parseDate(lines.get(dateIndex).strip(), dateIndex + 1);
        int last = lastNonBlank(lines);
        if (last <= dateIndex) {
            throw new ArticleFormatException("no body after the date line");
        }
        Matcher byline = BYLINE.matcher(lines.get(last).strip());
        if (!byline.matches()) {
            throw new ArticleFormatException("line " + (last + 1) + ": missing byline, expected 'Author Name, Agency' as the last line");
        }
        String body = paragraphs(lines.subList(dateIndex + 1, last));
        if (body.isEmpty()) {
            throw new ArticleFormatException("no body between the date line and the byline");
        }
        String id = ArticleIds.fromFileName(fileName).orElseGet(() -> ArticleIds.fromContent(title, body));
        String author = byline.group(1).strip();
        String agency = byline.group(2).strip();
        return new Article(id, title, body, author, agency, publishedAt, null, null, fileName);
    }

    private OffsetDateTime parseDate(String line, int lineNumber) throws ArticleFormatException {
        Matcher matcher = DATE_LINE.matcher(line);
        if (!matcher.matches()) {
            throw new ArticleFormatException("line " + lineNumber + ": expected a date line 'HH:MM / YYYY-MM-DD', found '"
                    + abbreviate(line) + "'");
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.of(
                    LocalDate.of(Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4)), Integer.parseInt(matcher.group(5))),
                    LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
        } catch (DateTimeException e) {
            throw new ArticleFormatException("line " + lineNumber + ": invalid date or time '" + line + "': " + e.getMessage());
        }
        OffsetDateTime publishedAt = local.atZone(zone).toOffsetDateTime();
        if (publishedAt.getYear() < EARLIEST_YEAR) {
            throw new ArticleFormatException("line " + lineNumber + ": date " + local.toLocalDate() + " is before " + EARLIEST_YEAR);
        }
        if (publishedAt.toInstant().isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
            throw new ArticleFormatException("line " + lineNumber + ": date " + local.toLocalDate()
                    + " is more than a day in the future");
        }
        return publishedAt;
    }

    /** Splits on LF, CRLF or CR alike, so files with mixed line endings parse. */
    private static List<String> lines(String text) {
        return List.of(TextFiles.stripBom(text).split("\r\n|\r|\n", -1));
    }

    /** Paragraphs are runs of non-blank lines; they are kept, separated by one blank line. */
    private static String paragraphs(List<String> lines) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                flush(paragraphs, current);
            } else {
                if (current.length() > 0) {
                    current.append('\n');
                }
                current.append(stripped);
            }
        }
        flush(paragraphs, current);
        return String.join("\n\n", paragraphs);
    }

    private static void flush(List<String> paragraphs, StringBuilder current) {
        if (current.length() > 0) {
            paragraphs.add(current.toString());
            current.setLength(0);
        }
    }

    private static int nextNonBlank(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static int lastNonBlank(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }
}
