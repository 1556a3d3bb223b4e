package dev.newsflow.cli;

import dev.newsflow.clients.KafkaSettings;
import dev.newsflow.clients.TopicLayout;
import dev.newsflow.clients.TopicProvisioner;
import dev.newsflow.events.PipelineTopics;
import dev.newsflow.producer.ArticleFiles;
import dev.newsflow.producer.ArticleProducer;
import dev.newsflow.producer.ArticlePublisher;
import dev.newsflow.producer.PublishSummary;
import dev.newsflow.producer.UzaTextFormat;
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
        description = "Publish articles (UzA text files, .jsonl) from files and folders to news.articles.raw.")
final class ProduceCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    SourceOptions sources;

    @Override
    public Integer call() {
        KafkaSettings settings = kafka.settings("localhost:9092");
        PublishSummary summary = sources.publish(settings, kafka.topics(), System.err);
        System.out.println(summary.describe());
        return summary.allPublished() ? 0 : 1;
    }

    /** What to publish and how to read it; shared by {@code produce} and {@code run}. */
    static final class SourceOptions {
        @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files and folders to publish.")
        List<Path> paths = List.of();

        @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Asia/Tashkent",
                description = "Time zone of the agency's HH:MM / YYYY-MM-DD date lines (default: ${DEFAULT-VALUE}).")
        ZoneId zone;

        PublishSummary publish(KafkaSettings settings, PipelineTopics topics, PrintStream errors) {
            return publish(settings, topics, paths, errors);
        }

        PublishSummary publish(KafkaSettings settings, PipelineTopics topics, List<Path> inputs, PrintStream errors) {
            TopicProvisioner.ensureTopics(settings, TopicLayout.defaults(topics), Duration.ofSeconds(60));
            ArticleFiles files = new ArticleFiles(new UzaTextFormat(zone, Clock.systemUTC()), ArticleFiles.DEFAULT_MAX_FILE_BYTES);
            try (ArticlePublisher publisher = new ArticlePublisher(settings, topics.raw(), Clock.systemUTC())) {
                return new ArticleProducer(files, publisher).publish(inputs, failure -> errors.println("error: " + failure));
            }
        }
    }
}
