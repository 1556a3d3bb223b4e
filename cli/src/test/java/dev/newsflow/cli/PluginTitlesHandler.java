package dev.newsflow.cli;

import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.plugin.ArticleHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * A plug-in as a user would write one, not registered with ServiceLoader: run by its class name with
 * {@code newsflow consume --plugin dev.newsflow.cli.PluginTitlesHandler --set titles.file=FILE}. Appends each
 * title and detected language to FILE.
 */
public class PluginTitlesHandler implements ArticleHandler {
    private Path file;

    @Override
    public String name() {
        return "titles";
    }

    @Override
    public void configure(Map<String, String> settings) {
        String value = settings.get("titles.file");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing setting titles.file");
        }
        file = Path.of(value);
    }

    @Override
    public void handle(EnrichedArticle article) throws IOException {
        Files.writeString(file, article.enrichment().language() + " " + article.article().title() + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
