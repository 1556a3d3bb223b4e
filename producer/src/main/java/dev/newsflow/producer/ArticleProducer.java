package dev.newsflow.producer;

import dev.newsflow.events.Article;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Reads paths and publishes every article found, reporting each input that fails without stopping at it.
 * Sends are asynchronous and batched by the Kafka producer; {@link #publish} returns once every send is
 * acknowledged or has failed. Not thread-safe.
 */
public final class ArticleProducer {
    private final ArticleFiles files;
    private final FeedFetcher feeds;
    private final ArticlePublisher publisher;

    public ArticleProducer(ArticleFiles files, FeedFetcher feeds, ArticlePublisher publisher) {
        this.files = Objects.requireNonNull(files, "files");
        this.feeds = Objects.requireNonNull(feeds, "feeds");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    /**
     * Publishes everything in {@code inputs}: files, folders, and feed URLs ({@code http://}, {@code https://}).
     *
     * @param onFailure told of each failure as it happens ({@code location: reason}), for the user's console
     */
    public PublishSummary publish(List<String> inputs, Consumer<String> onFailure) {
        return publish(inputs, onFailure, Progress.NONE);
    }

    /** How far an import has got; called from the publishing thread and from producer callbacks. */
    public interface Progress {
        Progress NONE = (bytesRead, bytesTotal, published) -> { };

        /**
         * @param bytesRead  input consumed so far
         * @param bytesTotal all the input to read (0 when unknown: feeds from URLs)
         * @param published  articles acknowledged so far
         */
        void update(long bytesRead, long bytesTotal, int published);
    }

    /** As {@link #publish(List, Consumer)}, reporting progress as the input is read. */
    public PublishSummary publish(List<String> inputs, Consumer<String> onFailure, Progress progress) {
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Consumer<String> fail = message -> {
            failures.add(message);
            onFailure.accept(message);
        };
        AtomicInteger published = new AtomicInteger();
        List<CompletableFuture<?>> sends = new ArrayList<>();
        int filesRead = 0;
        Consumer<SourceItem> sink = item -> {
            if (item instanceof SourceItem.Parsed parsed) {
                sends.add(send(parsed.article(), published, fail));
            } else if (item instanceof SourceItem.Failed failed) {
                fail.accept(failed.message());
            }
        };
        long total = inputs.stream().filter(input -> !FeedFetcher.isUrl(input)).mapToLong(input -> files.sizeOf(Path.of(input))).sum();
        long[] read = {0};
        LongConsumer bytesRead = bytes -> {
            read[0] += bytes;
            progress.update(read[0], total, published.get());
        };
        for (String input : inputs) {
            if (FeedFetcher.isUrl(input)) {
                feeds.read(input, sink);
                filesRead++;
            } else {
                filesRead += files.read(Path.of(input), sink, bytesRead);
            }
        }
        publisher.flush();
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        progress.update(Math.max(read[0], total), total, published.get());
        return new PublishSummary(filesRead, published.get(), failures);
    }

    private CompletableFuture<?> send(Article article, AtomicInteger published, Consumer<String> fail) {
        return publisher.publish(article).handle((metadata, error) -> {
            if (error == null) {
                published.incrementAndGet();
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                fail.accept(article.origin() + ": not published: " + cause.getMessage());
            }
            return null;
        });
    }
}
