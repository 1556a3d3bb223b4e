package dev.newsflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.consumer.pipeline.PipelineSettings;
import dev.newsflow.consumer.pipeline.PipelineStages;
import dev.newsflow.dedupe.DedupeIndex;
import dev.newsflow.dedupe.Verdict;
import dev.newsflow.enrich.Enricher;
import dev.newsflow.events.Article;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.producer.JsonLinesFormat;
import dev.newsflow.producer.SourceItem;
import dev.newsflow.stories.Assignment;
import dev.newsflow.stories.StoryIndex;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The story grouping without Kafka, as the pipeline does it: JSON Lines articles on stdin (the producer's
 * {@code .jsonl} fields), each judged by dedupe (a duplicate inherits its original's story) or enriched and given
 * its story, one {@code {"id": ..., "storyId": ...}} line per article on stdout, in input order. An article's time is
 * its {@code publishedAt}, or the latest time seen before it. A bad line is reported on stderr with its number and
 * skipped; the exit code is 1 when any line was bad.
 */
@Command(name = "stories", mixinStandardHelpOptions = true,
        description = "Group JSON Lines articles from stdin into stories, offline (no Kafka): one {\"id\",\"storyId\"} line per article.")
final class StoriesCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Stories, dedupe and enrichment settings, e.g. --set stories.quiet.period=PT24H; `newsflow config` lists them.")
    Map<String, String> settings = new HashMap<>();

    @Option(names = "--explain", description = "Also print which similarity decided (decidedBy) and the score.")
    boolean explain;

    @Override
    public Integer call() throws IOException {
        PipelineSettings checked = PipelineSettings.of(settings,
                List.of(PipelineSettings.DEDUPE, PipelineSettings.ENRICH, PipelineSettings.STORIES));
        Enricher enricher = PipelineStages.enricher(checked.enrich());
        DedupeIndex dedupe = new DedupeIndex(checked.dedupe());
        StoryIndex stories = new StoryIndex(checked.stories());
        OutputStream out = new BufferedOutputStream(System.out);
        AtomicInteger failures = new AtomicInteger();
        Instant[] latest = {Instant.EPOCH};
        var reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        new JsonLinesFormat().read("stdin", reader, item -> {
            if (item instanceof SourceItem.Parsed parsed) {
                Article article = parsed.article();
                Instant seenAt = article.publishedAt() != null ? article.publishedAt().toInstant() : latest[0];
                latest[0] = seenAt.isAfter(latest[0]) ? seenAt : latest[0];
                dedupe.expire(seenAt);
                stories.expire(seenAt);
                Assignment assignment = dedupe.judge(article, seenAt) instanceof Verdict.Duplicate duplicate
                        ? stories.inherit(article, duplicate.duplicateOf(), seenAt)
                        : stories.assign(new EnrichedArticle(article, enricher.enrich(article), seenAt), seenAt);
                write(out, article.id(), assignment);
            } else if (item instanceof SourceItem.Failed failed) {
                failures.incrementAndGet();
                System.err.println("error: " + failed.message());
            }
        });
        out.flush();
        return failures.get() == 0 ? 0 : 1;
    }

    private void write(OutputStream out, String id, Assignment assignment) {
        ObjectNode line = JSON.createObjectNode().put("id", id).put("storyId", assignment.storyId());
        if (explain) {
            line.put("decidedBy", assignment.decidedBy().name());
            if (assignment instanceof Assignment.Joined joined) {
                line.put("score", Math.round(joined.similarity().score() * 1000) / 1000.0);
            }
        }
        try {
            out.write(JSON.writeValueAsBytes(line));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to stdout", e);
        }
    }
}
