package dev.newsflow.dedupe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.events.Article;
import dev.newsflow.events.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the benchmark corpora from the shared data folder (never bundled with the project). */
final class Corpus {

    /** One document: id, headline, paragraphs, publication time and topics (Reuters) or channel (Telegram). */
    record Doc(String id, String title, List<String> paragraphs, OffsetDateTime published, String topics) {

        String body() {
            return String.join("\n\n", paragraphs);
        }

        Article article() {
            return new Article(id, title, body(), null, null, published, null, null, "bench");
        }

        String day() {
            return published.toLocalDate().toString();
        }
    }

    private static final Pattern REUTERS = Pattern.compile("<REUTERS[^>]*NEWID=\"(\\d+)\"[^>]*>(.*?)</REUTERS>",
            Pattern.DOTALL);
    private static final Pattern DATE = Pattern.compile("<DATE>\\s*(\\d+-[A-Z]+-\\d{4} \\d\\d:\\d\\d:\\d\\d)");
    private static final Pattern TOPICS = Pattern.compile("<TOPICS>(.*?)</TOPICS>", Pattern.DOTALL);
    private static final Pattern TITLE = Pattern.compile("<TITLE>(.*?)</TITLE>", Pattern.DOTALL);
    private static final Pattern BODY = Pattern.compile("<BODY>(.*?)</BODY>", Pattern.DOTALL);
    private static final DateTimeFormatter REUTERS_DATE =
            new java.time.format.DateTimeFormatterBuilder().parseCaseInsensitive()
                    .appendPattern("d-MMM-yyyy HH:mm:ss").toFormatter(Locale.ENGLISH);

    private Corpus() {}

    /** The data folder given on the command line, checked; exits with a clear message when it is missing. */
    static Path dataFolder(String[] args) {
        if (args.length < 1) {
            fail("usage: <data folder> (the shared data folder holding reuters21578/ and telegram_ru_news/)");
        }
        Path data = Path.of(args[0]);
        for (String sub : List.of("reuters21578", "telegram_ru_news/raw")) {
            if (!Files.isDirectory(data.resolve(sub))) {
                fail("data folder " + data.toAbsolutePath() + " has no " + sub + "/ (this benchmark needs the"
                        + " shared data folder; it is not part of the project)");
            }
        }
        return data;
    }

    static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }

    /** Reuters-21578 documents with both title and body, in NEWID order. */
    static List<Doc> reuters(Path data) {
        List<Doc> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(data.resolve("reuters21578"))) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".sgm")).sorted().toList()) {
                String sgml = Files.readString(file, StandardCharsets.ISO_8859_1);
                Matcher m = REUTERS.matcher(sgml);
                while (m.find()) {
                    Doc doc = reutersDoc(m.group(1), m.group(2));
                    if (doc != null) {
                        docs.add(doc);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        docs.sort(Comparator.comparingInt(d -> Integer.parseInt(d.id().substring(2))));
        return docs;
    }

    private static Doc reutersDoc(String newId, String record) {
        Matcher title = TITLE.matcher(record);
        Matcher body = BODY.matcher(record);
        Matcher date = DATE.matcher(record);
        if (!title.find() || !body.find() || !date.find()) {
            return null;
        }
        String text = unescape(body.group(1)).replace("\u0003", "").strip();
        if (text.endsWith("Reuter")) {
            text = text.substring(0, text.length() - "Reuter".length()).strip();
        }
        List<String> paragraphs = Arrays.stream(text.split("\n {3,}"))
                .map(p -> p.replaceAll("\\s+", " ").strip()).filter(p -> !p.isEmpty()).toList();
        String headline = unescape(title.group(1)).replaceAll("\\s+", " ").strip();
        if (paragraphs.isEmpty() || headline.isEmpty()) {
            return null;
        }
        Matcher topics = TOPICS.matcher(record);
        String topicList = topics.find() ? topics.group(1).replaceAll("</?D>", " ").trim() : "";
        OffsetDateTime published = LocalDateTime.parse(date.group(1), REUTERS_DATE).atOffset(ZoneOffset.UTC);
        return new Doc("r-" + newId, headline, paragraphs, published, topicList);
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replaceAll("&#\\d+;", "");
    }

    /** Telegram posts (CC BY 4.0) with at least some text, in time order; title = first line. */
    static List<Doc> telegram(Path data) {
        List<Doc> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(data.resolve("telegram_ru_news/raw"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode posts = EventJson.mapper().readTree(file.toFile());
                for (JsonNode post : posts) {
                    String text = post.path("text").asText("").strip();
                    if (text.isBlank()) {
                        continue;
                    }
                    String[] lines = text.split("\n", 2);
                    String title = lines[0].strip();
                    String rest = lines.length > 1 ? lines[1].strip() : "";
                    if (title.length() > 1000) {
                        title = title.substring(0, 1000);
                    }
                    List<String> paragraphs = rest.isEmpty() ? List.of(title)
                            : Arrays.stream(rest.split("\n\\s*\n")).map(String::strip)
                                    .filter(p -> !p.isEmpty()).toList();
                    String channel = post.path("channel").asText("");
                    docs.add(new Doc("t-" + post.path("sender_id").asText() + "-" + post.path("message_id").asText(),
                            title, paragraphs.isEmpty() ? List.of(title) : paragraphs,
                            OffsetDateTime.parse(post.path("date").asText()), channel));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        docs.sort(Comparator.comparing(Doc::published).thenComparing(Doc::id));
        return docs;
    }
}
