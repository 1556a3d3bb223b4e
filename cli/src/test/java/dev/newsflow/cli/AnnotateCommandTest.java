package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.EntityCount;
import dev.newsflow.events.EventJson;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnotateCommandTest {

    @Test
    void shouldEnrichEachGoodLineAndReportTheBadOne() {
        String input = String.join("\n",
                "{\"id\":\"a\",\"title\":\"Tashkent hosts a forum\",\"body\":\"President Shavkat Mirziyoyev opened the forum in Tashkent, Uzbekistan.\"}",
                "{\"title\":\"no body\"}",
                "{\"id\":\"b\",\"title\":\"Москва и Астана\",\"body\":\"Президент России встретился с коллегами в Москве. Переговоры прошли в Кремле.\"}");
        InputStream originalIn = System.in;
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            CliRun run = CliRun.of("annotate");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.stderr()).contains("error: stdin:2: missing required field 'body'");
            List<EnrichedArticle> out = run.stdout().lines()
                    .map(line -> EventJson.fromBytes(line.getBytes(StandardCharsets.UTF_8), EnrichedArticle.class)).toList();
            assertThat(out).extracting(e -> e.article().id()).containsExactly("a", "b");
            assertThat(out.get(0).enrichment().language()).isEqualTo("en");
            assertThat(out.get(0).enrichment().countries()).contains("UZ");
            assertThat(out.get(0).enrichment().entities()).extracting(EntityCount::text).contains("Tashkent");
            assertThat(out.get(1).enrichment().language()).isEqualTo("ru");
        } finally {
            System.setIn(originalIn);
        }
    }
}
