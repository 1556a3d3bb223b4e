package dev.newsflow.enrich.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.events.Article;
import dev.newsflow.events.EventJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the real news of the shared data folder (never shipped with the project): Reuters-21578 (English,
 * SGML, latin-1) and the Telegram Russian news posts (JSON). Stateless.
 */
final class RealNews {

    private static final Pattern DOC = Pattern.compile("<REUTERS.*?</REUTERS>", Pattern.DOTALL);
    private static final Pattern TITLE = Pattern.compile("<TITLE>(.*?)</TITLE>", Pattern.DOTALL);
    private static final Pattern BODY = Pattern.compile("<BODY>(.*?)</BODY>", Pattern.DOTALL);

    private RealNews() {
    }

    /** Checks the data folder and says what is expected when it is missing. */
    static Path requireDataDir(String arg) {
        Path dir = Path.of(arg);
        if (!Files.isDirectory(dir.resolve("reuters21578")) || !Files.isDirectory(dir.resolve("telegram_ru_news"))) {
            throw new IllegalArgumentException("data folder " + dir.toAbsolutePath()
                    + " must contain reuters21578/ and telegram_ru_news/ (see /work/shared/data/README.md)");
        }
        return dir;
    }

    /** Reuters articles with a title and a body of at least {@code minBody} characters, in file order. */
    static List<Article> reuters(Path dataDir, int limit, int minBody) throws IOException {
        List<Article> articles = new ArrayList<>();
        try (Stream<Path> files = Files.list(dataDir.resolve("reuters21578"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".sgm")).sorted().toList()) {
                Matcher doc = DOC.matcher(Files.readString(file, StandardCharsets.ISO_8859_1));
                while (doc.find() && articles.size() < limit) {
                    Matcher title = TITLE.matcher(doc.group());
                    Matcher body = BODY.matcher(doc.group());
                    if (title.find() && body.find() && body.group(1).length() >= minBody) {
                        articles.add(new Article("reuters-" + articles.size(), unescape(title.group(1)),
                                unescape(body.group(1)), null, "Reuters", null, null, null, file.getFileName().toString()));
                    }
                }
            }
        }
        return articles;
    }

    /** Telegram posts of at least {@code minBody} characters: first line as title, the rest as body. */
    static List<Article> telegram(Path dataDir, int limit, int minBody) throws IOException {
        List<Article> articles = new ArrayList<>();
        try (Stream<Path> files = Files.list(dataDir.resolve("telegram_ru_news/raw"))) {
            for (Path file : files.sorted().toList()) {
                JsonNode posts = EventJson.mapper().readTree(file.toFile());
                int perChannel = 0;
                for (JsonNode post : posts) {
                    String text = post.path("text").asText("").strip();
                    int newline = text.indexOf('\n');
                    if (newline <= 0 || text.length() < minBody || articles.size() >= limit || perChannel >= limit / 20 + 1) {
                        continue;
                    }
                    String body = text.substring(newline + 1).strip();
                    if (body.isEmpty()) {
                        continue;
                    }
                    perChannel++;
                    articles.add(new Article("telegram-" + articles.size(), text.substring(0, newline).strip(), body,
                            null, post.path("channel").asText(null), null, null, null, file.getFileName().toString()));
                }
            }
        }
        return articles;
    }

    private static String unescape(String sgml) {
        return sgml.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&#3;", "")
                .replaceAll("&#\\d+;", "").strip();
    }
}
