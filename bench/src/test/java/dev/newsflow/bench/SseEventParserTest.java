package dev.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the SSE stream of the API: events out of lines, the article id out of an event's data. */
class SseEventParserTest {
    private final List<String> events = new ArrayList<>();
    private final SseEventParser parser = new SseEventParser((event, data) -> events.add(event + "=" + data));

    @Test
    void shouldDispatchAnEventAtTheBlankLineThatEndsIt() {
        feed("event: ready", "data: {\"clients\":1}", "", "id: a-1", "event: article", "data: {\"id\":\"a-1\"}");

        assertThat(events).containsExactly("ready={\"clients\":1}");

        parser.accept("");

        assertThat(events).containsExactly("ready={\"clients\":1}", "article={\"id\":\"a-1\"}");
    }

    @Test
    void shouldSkipCommentsJoinDataLinesAndDefaultTheEventName() {
        feed(": keep-alive", "", "data:first", "data: second", "data", "", "event: empty", "");

        assertThat(events).containsExactly("message=first\nsecond\n");
    }

    @Test
    void shouldTakeTheArticleIdOutOfTheEventData() {
        assertThat(LiveStreamProbe.articleId("{\"id\":\"latency-x-0000042\",\"title\":\"T\",\"countries\":[]}"))
                .isEqualTo("latency-x-0000042");
        assertThatThrownBy(() -> LiveStreamProbe.articleId("{\"title\":\"T\"}")).hasMessageContaining("id");
        assertThatThrownBy(() -> LiveStreamProbe.articleId("not json")).hasMessageContaining("JSON");
    }

    private void feed(String... lines) {
        for (String line : lines) {
            parser.accept(line);
        }
    }
}
