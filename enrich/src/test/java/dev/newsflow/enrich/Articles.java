package dev.newsflow.enrich;

import dev.newsflow.events.Article;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test articles: a text whose first line is the title and whose remaining lines are the body. */
final class Articles {

    /** The project's seed article (UzA, English), read from the repository's seeds folder. */
    static final Path SEED = Path.of("../seeds/000_51b25be97f64b557.txt");

    private Articles() {
    }

    static Article seed() {
        try {
            return parse("seed", Files.readString(SEED, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("seed article missing at " + SEED.toAbsolutePath(), e);
        }
    }

    static Article resource(String name) {
        try (InputStream in = Articles.class.getResourceAsStream("/articles/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /articles/" + name);
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Article parse(String id, String text) {
        int newline = text.indexOf('\n');
        return new Article(id, text.substring(0, newline).strip(), text.substring(newline + 1).strip(),
                null, null, null, null, null, null);
    }
}
