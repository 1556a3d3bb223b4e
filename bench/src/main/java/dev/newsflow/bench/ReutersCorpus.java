package dev.newsflow.bench;

import dev.newsflow.events.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the Reuters-21578 SGML files ({@code reut2-*.sgm}, latin-1) into articles: one per {@code <REUTERS>}
 * document that has both a TITLE and a BODY, with id {@code reuters-<NEWID>}, the DATE as UTC publication time,
 * and SGML character references decoded. The files are not well-formed XML (bare {@code &#N;} control
 * characters, unclosed tags), so this is a tolerant, regex-based reader of just the fields we need.
 * Stateless and thread-safe.
 */
public final class ReutersCorpus {
    /** The folder inside the shared data folder that holds the SGML files. */
    public static final String FOLDER = "reuters21578";

    private static final Pattern DOCUMENT = Pattern.compile("<REUTERS\\b([^>]*)>(.*?)</REUTERS>", Pattern.DOTALL);
    private static final Pattern NEWID = Pattern.compile("NEWID=\"(\\d+)\"");
    private static final Pattern REFERENCE = Pattern.compile("&(#\\d+|lt|gt|amp|quot|apos);");
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("d-MMM-yyyy HH:mm:ss")
            .optionalStart().appendPattern(".SS").optionalEnd()
            .toFormatter(Locale.ROOT);

    private ReutersCorpus() {
    }

    /**
     * Every article with a title and a body from {@code <data>/reuters21578/reut2-*.sgm}, in file and document order.
     *
     * @param dataFolder the shared data folder (the one that holds {@code reuters21578/})
     * @throws IllegalArgumentException naming the folder when it or its SGML files are missing
     */
    public static List<Article> read(Path dataFolder) {
        Path folder = dataFolder.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no " + FOLDER + "/ folder in the data folder " + dataFolder.toAbsolutePath()
                    + ": pass the folder that holds reuters21578/reut2-000.sgm ... reut2-021.sgm");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().matches("reut2-\\d+\\.sgm")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no reut2-*.sgm file in " + folder.toAbsolutePath());
        }
        List<Article> articles = new ArrayList<>();
        for (Path file : files) {
            try {
                articles.addAll(parse(Files.readString(file, StandardCharsets.ISO_8859_1), file.getFileName().toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return articles;
    }

    /** The articles of one SGML text; documents without a NEWID, a TITLE or a BODY are skipped. */
    public static List<Article> parse(String sgml, String origin) {
        List<Article> articles = new ArrayList<>();
        Matcher document = DOCUMENT.matcher(sgml);
        while (document.find()) {
            Matcher newId = NEWID.matcher(document.group(1));
            String content = document.group(2);
            String title = clean(element(content, "TITLE"));
            String body = paragraphs(clean(element(content, "BODY")));
            if (!newId.find() || title.isBlank() || body.isBlank()) {
                continue;
            }
            articles.add(new Article("reuters-" + newId.group(1), title, body, null, "Reuters",
                    date(element(content, "DATE")), null, "en", origin));
        }
        return articles;
    }

    private static String element(String content, String name) {
        int start = content.indexOf("<" + name + ">");
        if (start < 0) {
            return "";
        }
        start += name.length() + 2;
        int end = content.indexOf("</" + name + ">", start);
        return end < 0 ? content.substring(start) : content.substring(start, end);
    }

    /** Decodes character references and drops the control characters the wire service used as markers. */
    static String clean(String raw) {
        Matcher reference = REFERENCE.matcher(raw);
        StringBuilder decoded = new StringBuilder(raw.length());
        while (reference.find()) {
            String name = reference.group(1);
            String replacement = switch (name) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> String.valueOf((char) Integer.parseInt(name.substring(1)));
            };
            reference.appendReplacement(decoded, Matcher.quoteReplacement(replacement));
        }
        reference.appendTail(decoded);
        StringBuilder text = new StringBuilder(decoded.length());
        decoded.codePoints().filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c)).forEach(text::appendCodePoint);
        return text.toString().strip();
    }

    /** Reuters marks a paragraph by indenting its first line; the event contract separates them by blank lines. */
    private static String paragraphs(String body) {
        return body.replaceAll("\n {2,}", "\n\n").replaceAll("\n{3,}", "\n\n");
    }

    private static OffsetDateTime date(String raw) {
        String text = clean(raw);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, DATE).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null; // a handful of documents carry a garbled date: the article is still worth benchmarking
        }
    }
}
