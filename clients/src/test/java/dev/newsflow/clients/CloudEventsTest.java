package dev.newsflow.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.CloudEventHeaders;
import dev.newsflow.events.EventType;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventsTest {

    @Test
    void shouldWriteTheAttributesOfAnArticleEventWithItsTimeToTheMillisecond() {
        RecordHeaders headers = new RecordHeaders();
        CloudEvents.write(headers, EventType.RAW, "uza-123", Instant.parse("2026-11-29T08:40:12.345678Z"));

        assertThat(CloudEvents.read(headers, CloudEventHeaders.ID)).isEqualTo("uza-123");
        assertThat(CloudEvents.read(headers, CloudEventHeaders.SUBJECT)).isEqualTo("uza-123");
        assertThat(CloudEvents.read(headers, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(CloudEvents.read(headers, CloudEventHeaders.TYPE)).isEqualTo(EventType.RAW.type());
        assertThat(CloudEvents.read(headers, CloudEventHeaders.TIME)).isEqualTo("2026-11-29T08:40:12.345Z");
    }

    @Test
    void shouldGiveEachMillisecondItsOwnTimeAndReplaceAnEarlierOne() {
        RecordHeaders headers = new RecordHeaders();
        CloudEvents.write(headers, EventType.RAW, "a", Instant.parse("2026-11-29T08:40:12.345Z"));
        CloudEvents.write(headers, EventType.UNIQUE, "a", Instant.parse("2026-11-29T08:40:12.346Z"));
        RecordHeaders back = new RecordHeaders();
        CloudEvents.write(back, EventType.RAW, "b", Instant.parse("2026-11-29T08:40:12.345Z"));

        assertThat(headers.headers(CloudEventHeaders.TIME)).hasSize(1);
        assertThat(CloudEvents.read(headers, CloudEventHeaders.TIME)).isEqualTo("2026-11-29T08:40:12.346Z");
        assertThat(CloudEvents.read(headers, CloudEventHeaders.TYPE)).isEqualTo(EventType.UNIQUE.type());
        assertThat(CloudEvents.read(back, CloudEventHeaders.TIME)).isEqualTo("2026-11-29T08:40:12.345Z");
    }
}
