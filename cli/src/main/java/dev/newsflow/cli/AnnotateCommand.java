package dev.newsflow.cli;

import dev.newsflow.consumer.pipeline.PipelineSettings;
import dev.newsflow.consumer.pipeline.PipelineStages;
import dev.newsflow.enrich.Enricher;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.EventJson;
import dev.newsflow.producer.JsonLinesFormat;
import dev.newsflow.producer.SourceItem;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The enrichment without Kafka: JSON Lines articles on stdin (the producer's {@code .jsonl} fields), enriched
 * JSON Lines on stdout (the {@code news.articles.enriched} value). A bad line is reported on stderr with its
 * number and skipped; the exit code is 1 when any line was bad.
 */
@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = "Enrich JSON Lines articles from stdin to stdout, offline (no Kafka).")
final class AnnotateCommand implements Callable<Integer> {
    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Enrichment settings, e.g. --set enrich.summary.sentences=3; `newsflow config` lists them.")
    Map<String, String> settings = new HashMap<>();

    @Override
    public Integer call() throws IOException {
        Enricher enricher = PipelineStages.enricher(PipelineSettings.of(settings, List.of(PipelineSettings.ENRICH)).enrich());
        OutputStream out = new BufferedOutputStream(System.out);
        AtomicInteger failures = new AtomicInteger();
        var reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        new JsonLinesFormat().read("stdin", reader, item -> {
            if (item instanceof SourceItem.Parsed parsed) {
                write(out, new EnrichedArticle(parsed.article(), enricher.enrich(parsed.article()), Clock.systemUTC().instant()));
            } else if (item instanceof SourceItem.Failed failed) {
                failures.incrementAndGet();
                System.err.println("error: " + failed.message());
            }
        });
        out.flush();
        return failures.get() == 0 ? 0 : 1;
    }

    private static void write(OutputStream out, EnrichedArticle enriched) {
        try {
            out.write(EventJson.toBytes(enriched));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to stdout", e);
        }
    }
}
