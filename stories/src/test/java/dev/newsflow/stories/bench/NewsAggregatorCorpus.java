package dev.newsflow.stories.bench;

import dev.newsflow.events.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The labelled headlines of the UCI News Aggregator data set (see {@code SOURCE.txt} in the data folder): each
 * headline with its publisher, time and gold story. The data folder is an argument; it is never part of the
 * project. Split by story: a story is in the test part when the first byte of SHA-256 of its id is odd.
 */
final class NewsAggregatorCorpus {

    static final String FILE = "uci-news-aggregator-head.csv";

    /** One headline. */
    record Item(String id, String title, String publisher, String category, String story, Instant time) {
        Article article() {
            // The corpus has headlines only; the headline is the body too, which the stories module reads alike.
            return new Article(id, title, title, null, publisher, time.atOffset(ZoneOffset.UTC), null, "en", null);
        }

        boolean test() {
            return (sha256(story)[0] & 1) == 1;
        }
    }

    private NewsAggregatorCorpus() {
    }

    /**
     * Every headline of the file, in arrival order shuffled deterministically (by SHA-256 of the id): the file lists
     * them story by story, which no live stream does.
     *
     * @throws IllegalArgumentException naming what is missing when the folder has no such file
     */
    static List<Item> read(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no " + FILE + " in " + dataDir.toAbsolutePath()
                    + ": give the folder that holds the UCI News Aggregator excerpt (see stories/README.md)");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Item> items = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> f = csv(lines.get(i));
            if (f.size() != 8 || !f.get(7).matches("\\d+")) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 8 fields ending in an epoch-ms timestamp");
            }
            items.add(new Item("uci-" + f.get(0), f.get(1), f.get(3), f.get(4), f.get(5),
                    Instant.ofEpochMilli(Long.parseLong(f.get(7)))));
        }
        items.sort(Comparator.comparing((Item item) -> hex(sha256(item.id()))));
        return items;
    }

    private static List<String> csv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02x", b));
        }
        return out.toString();
    }
}
