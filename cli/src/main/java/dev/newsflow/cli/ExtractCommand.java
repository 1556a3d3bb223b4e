package dev.newsflow.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.consumer.runtime.Settings;
import dev.newsflow.events.EventJson;
import dev.newsflow.sources.SourcesConfig;
import dev.newsflow.sources.extract.ArticleExtractor;
import dev.newsflow.sources.extract.ExtractedArticle;
import dev.newsflow.sources.http.FetchResult;
import dev.newsflow.sources.http.PageCharset;
import dev.newsflow.sources.http.PoliteFetcher;
import dev.newsflow.sources.http.Validators;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The full-text extraction offline: one JSON line per page on stdout, what the poller would take from it. Files
 * are decoded with the charset the page declares or that is detected; URLs are fetched as the poller fetches
 * (robots.txt, User-Agent, limits). A page that cannot be read gets an {@code error:} line on stderr; the exit
 * code is 1 when any did.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract the article (title, text, author, publishedAt, language) of HTML files or page URLs, one JSON line each.")
final class ExtractCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE|URL", arity = "1..*", description = "HTML files or http(s) URLs of article pages.")
    List<String> inputs;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A fetch setting for URLs, e.g. --set sources.user.agent=...")
    Map<String, String> settings = new HashMap<>();

    @Override
    public Integer call() {
        ArticleExtractor extractor = new ArticleExtractor();
        int failures = 0;
        try (PoliteFetcher fetcher = new PoliteFetcher(new SourcesConfig(Settings.check(List.of(SourcesOptions.COMPONENT), settings)
                .of(SourcesOptions.COMPONENT)).fetchSettings(), Clock.systemUTC())) {
            for (String input : inputs) {
                boolean url = input.startsWith("http://") || input.startsWith("https://");
                try {
                    Page page = url ? fetch(fetcher, input) : read(Path.of(input));
                    ExtractedArticle article = extractor.extract(page.html, page.base);
                    if (article.paragraphs().isEmpty()) {
                        failures++;
                        System.err.println("error: " + input + ": no article text found");
                    }
                    System.out.println(json(url ? "url" : "file", input, article));
                } catch (PageException e) {
                    failures++;
                    System.err.println("error: " + input + ": " + e.getMessage());
                }
            }
        }
        System.out.flush();
        return failures == 0 ? 0 : 1;
    }

    private static Page fetch(PoliteFetcher fetcher, String input) throws PageException {
        FetchResult result;
        try {
            result = fetcher.fetch(URI.create(input), Validators.NONE);
        } catch (IllegalArgumentException e) {
            throw new PageException("not a valid URL");
        }
        if (result instanceof FetchResult.Fetched fetched) {
            return new Page(fetched.text(), fetched.uri().toString());
        }
        if (result instanceof FetchResult.Disallowed) {
            throw new PageException("robots.txt disallows it");
        }
        throw new PageException(((FetchResult.Failed) result).reason());
    }

    private static Page read(Path file) throws PageException {
        try {
            return new Page(PageCharset.decode(Files.readAllBytes(file), null), file.toAbsolutePath().toUri().toString());
        } catch (NoSuchFileException e) {
            throw new PageException("no such file");
        } catch (IOException e) {
            throw new PageException("cannot read: " + e.getMessage());
        }
    }

    static String json(String kind, String input, ExtractedArticle article) {
        ObjectNode line = EventJson.mapper().createObjectNode();
        line.put(kind, input);
        line.put("title", article.title());
        line.put("text", article.text());
        line.put("author", article.author());
        line.put("publishedAt", article.publishedAt() == null ? null : article.publishedAt().toString());
        line.put("language", article.language());
        line.put("canonicalUrl", article.canonicalUrl());
        line.put("siteName", article.siteName());
        return EventJson.toJson(line);
    }

    private record Page(String html, String base) {
    }

    private static final class PageException extends Exception {
        PageException(String message) {
            super(message);
        }
    }
}
