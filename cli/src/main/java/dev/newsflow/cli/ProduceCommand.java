package dev.newsflow.cli;

import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.clients.TopicLayout;
import dev.newsflow.clients.TopicProvisioner;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.producer.ArticleFiles;
import dev.newsflow.producer.ArticleProducer;
import dev.newsflow.producer.ArticlePublisher;
import dev.newsflow.producer.FeedFetcher;
import dev.newsflow.producer.FeedFormat;
import dev.newsflow.producer.FolderWatcher;
import dev.newsflow.producer.PublishSummary;
import dev.newsflow.producer.UzaTextFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Publishes article files to {@code news.articles.raw}; exit code 0 only when every input was published. */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Publish articles (UzA text files, JSON Lines, RSS/Atom feeds) from files, folders and URLs to news.articles.raw.")
final class ProduceCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    SourceOptions sources;

    @Override
    public Integer call() throws Exception {
        KafkaSettings settings = kafka.settings("localhost:9092");
        PublishSummary summary = sources.publish(settings, kafka.topics(), sources.inputs, System.err);
        System.out.println(summary.describe());
        if (sources.watch != null) {
            try (Resources resources = new Resources()) {
                Runtime.getRuntime().addShutdownHook(new Thread(resources::close, "newsflow-shutdown"));
                sources.watch(resources, settings, kafka.topics(), System.err).join();
            }
        }
        return summary.allPublished() ? 0 : 1;
    }

    /** What to publish and how to read it; shared by {@code produce} and {@code run}. */
    static final class SourceOptions {
        @Parameters(paramLabel = "PATH|URL", arity = "0..*",
                description = "Files, folders and RSS/Atom feed URLs to publish.")
        List<String> inputs = List.of();

        @Option(names = "--watch", paramLabel = "DIR",
                description = "After publishing PATH..., keep publishing the article files dropped into DIR as they arrive.")
        Path watch;

        @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Asia/Tashkent",
                description = "Time zone of the agency's HH:MM / YYYY-MM-DD date lines (default: ${DEFAULT-VALUE}).")
        ZoneId zone;

        PublishSummary publish(KafkaSettings settings, PipelineTopics topics, List<String> paths, PrintStream errors) {
            TopicProvisioner.ensureTopics(settings, TopicLayout.defaults(topics), Duration.ofSeconds(60));
            try (ArticlePublisher publisher = new ArticlePublisher(settings, topics.raw(), Clock.systemUTC())) {
                return producer(publisher).publish(paths, failure -> errors.println("error: " + failure), ConsoleProgress.onStderr());
            }
        }

        /** Starts watching {@link #watch} on a thread of its own; the publisher and watcher go to {@code resources}. */
        Thread watch(Resources resources, KafkaSettings settings, PipelineTopics topics, PrintStream errors) throws IOException {
            ArticlePublisher publisher = resources.add(new ArticlePublisher(settings, topics.raw(), Clock.systemUTC()));
            FolderWatcher watcher = resources.add(new FolderWatcher(watch, producer(publisher),
                    failure -> errors.println("error: " + failure),
                    summary -> System.out.println("watch " + watch + ": " + summary.describe())));
            Thread thread = new Thread(watcher, "newsflow-watch");
            thread.start();
            return thread;
        }

        private ArticleProducer producer(ArticlePublisher publisher) {
            ArticleFiles files = new ArticleFiles(new UzaTextFormat(zone, Clock.systemUTC()), ArticleFiles.DEFAULT_MAX_FILE_BYTES);
            return new ArticleProducer(files, new FeedFetcher(new FeedFormat(), ArticleFiles.DEFAULT_MAX_FILE_BYTES), publisher);
        }
    }
}
