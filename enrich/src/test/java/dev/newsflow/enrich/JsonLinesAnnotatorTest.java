package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.EventJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesAnnotatorTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private final JsonLinesAnnotator annotator =
            new JsonLinesAnnotator(SharedEnricher.get(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldWriteOneEnrichedArticlePerGoodLineAndReportBadLinesByNumber() throws IOException {
        String input = String.join("\n",
                line("a1", "Samarkand hosts a forum", "Ministers from Uzbekistan and Kazakhstan met in Samarkand on Monday."),
                "{not json",
                "{\"title\": \"No body here\"}",
                "",
                line(null, "Tashkent welcomes delegates", "Delegates from Azerbaijan arrived in Tashkent for talks."));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        JsonLinesAnnotator.Result result = annotator.annotate(
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, new PrintStream(errors, true, StandardCharsets.UTF_8));

        assertThat(result).isEqualTo(new JsonLinesAnnotator.Result(2, 2));
        List<EnrichedArticle> written = out.toString(StandardCharsets.UTF_8).lines()
                .map(l -> EventJson.fromBytes(l.getBytes(StandardCharsets.UTF_8), EnrichedArticle.class)).toList();
        assertThat(written).hasSize(2);
        assertThat(written.get(0).article().id()).isEqualTo("a1");
        assertThat(written.get(0).enrichment().countries()).contains("UZ", "KZ");
        assertThat(written.get(0).enrichedAt()).isEqualTo(NOW);
        assertThat(written.get(1).article().id()).startsWith("sha256-");
        assertThat(written.get(1).enrichment().countries()).contains("AZ", "UZ");
        String report = errors.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("line 2: not JSON").contains("line 3: field 'body' is missing or blank");
        assertThat(report.lines()).hasSize(2);
    }

    @Test
    void shouldDeriveTheSameIdFromTheSameContent() {
        String first = JsonLinesAnnotator.parse(line(null, "Title", "Body text.")).id();
        String again = JsonLinesAnnotator.parse(line(null, "Title", "Body text.")).id();
        String other = JsonLinesAnnotator.parse(line(null, "Title", "Other body text.")).id();

        assertThat(first).isEqualTo(again).isNotEqualTo(other);
    }

    @Test
    void shouldRejectAPublicationTimeWithoutOffsetNamingTheField() {
        ObjectNode node = EventJson.mapper().createObjectNode().put("title", "T").put("body", "B").put("publishedAt", "2024-01-01 10:00");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonLinesAnnotator.parse(node.toString()))
                .hasMessageContaining("publishedAt");
    }

    private static String line(String id, String title, String body) {
        ObjectNode node = EventJson.mapper().createObjectNode().put("title", title).put("body", body)
                .put("source", "test").put("publishedAt", "2024-05-06T07:08:09+05:00");
        if (id != null) {
            node.put("id", id);
        }
        return node.toString();
    }
}
