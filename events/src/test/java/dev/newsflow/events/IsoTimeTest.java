package dev.newsflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoTimeTest {
    private static final long FIRST_FOUR_DIGIT_SECOND = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST_FOUR_DIGIT_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    /** Instants over the whole four-digit range and around now, with no fraction and fractions of 3, 6 and 9 digits. */
    private static List<Instant> instants() {
        Random random = new Random(20261202);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.ofEpochSecond(-1, 999_999_999),
                Instant.ofEpochSecond(FIRST_FOUR_DIGIT_SECOND), Instant.ofEpochSecond(LAST_FOUR_DIGIT_SECOND, 999_999_999),
                Instant.parse("2024-02-29T23:59:59.5Z"), Instant.parse("2026-12-02T16:40:28.123Z")));
        for (int i = 0; i < 20_000; i++) {
            long second = i % 2 == 0
                    ? FIRST_FOUR_DIGIT_SECOND + (long) (random.nextDouble() * (LAST_FOUR_DIGIT_SECOND - FIRST_FOUR_DIGIT_SECOND))
                    : 1_700_000_000L + random.nextInt(200_000_000);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(second, nano));
        }
        return instants;
    }

    @Test
    void shouldWriteEveryInstantAsJavaTimeDoes() {
        List<Instant> instants = instants();
        instants.add(Instant.parse("+10000-01-01T00:00:00Z"));
        instants.add(Instant.parse("-0001-12-31T23:59:59.1Z"));

        for (Instant instant : instants) {
            assertThat(IsoTime.format(instant)).as("epoch second %d", instant.getEpochSecond()).isEqualTo(instant.toString());
        }
    }

    @Test
    void shouldReadCanonicalInstantsAsJavaTimeDoes() {
        for (Instant instant : instants()) {
            String text = instant.toString();
            assertThat(IsoTime.parseInstant(text)).as(text).isEqualTo(Instant.parse(text));
        }
        assertThat(IsoTime.parseInstant("2026-12-02T16:40:28.1Z")).isEqualTo(Instant.parse("2026-12-02T16:40:28.1Z"));
    }

    @Test
    void shouldReadCanonicalOffsetDateTimesAsJavaTimeDoes() {
        Random random = new Random(7);
        for (Instant instant : instants()) {
            // offsets as agencies use them: whole hours, half and quarter hours, both signs; every text java.time
            // writes for them, including the ones without seconds
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(4 * 36 + 1) - 4 * 18) * 15 * 60);
            OffsetDateTime time = instant.atOffset(offset);
            for (OffsetDateTime each : List.of(time, time.withSecond(0).withNano(0))) {
                String text = each.toString();
                OffsetDateTime parsed = IsoTime.parseOffsetDateTime(text);
                assertThat(parsed).as(text).isEqualTo(OffsetDateTime.parse(text));
                assertThat(parsed.getOffset()).as(text).isEqualTo(offset);
            }
        }
    }

    @Test
    void shouldLeaveEveryOtherTextToJavaTime() {
        List<String> others = List.of("", "2024-02-30T10:00Z", "2023-02-29T00:00:00Z", "2024-13-01T00:00Z",
                "2024-01-01T24:00Z", "2024-01-01T10:60Z", "2024-01-01T10:00:60Z", "2024-01-01t10:00Z", "2024-01-01 10:00Z",
                "+10000-01-01T00:00:00Z", "2024-01-01T10:00:00+05:30:15", "2024-01-01T10:00:00+19:00",
                "2024-01-01T10:00:00+18:30", "2024-01-01T10:00:00+0500", "2024-01-01T10:00:00.Z",
                "2024-01-01T10:00:00.1234567891Z", "2024-01-01T10:00:00", "2024-01-01T10:00:00Z ", "1700000000",
                "2024-1-01T10:00Z", "２０２４-01-01T10:00Z");
        for (String text : others) {
            assertThat(IsoTime.parseOffsetDateTime(text)).as(text).isNull();
            assertThat(IsoTime.parseInstant(text)).as(text).isNull();
        }
        // ISO_INSTANT requires the seconds and takes no offset in canonical form: those are java.time's to read
        assertThat(IsoTime.parseInstant("2024-01-01T10:00Z")).isNull();
        assertThat(IsoTime.parseInstant("2024-01-01T10:00:00+05:00")).isNull();
    }

    @Test
    void shouldReadEveryFormJavaTimeReadsInAnEvent() {
        for (String text : List.of("2024-01-01t10:00:00+05:30:15", "2024-01-01T10:00:00.123456-03:30", "2022-10-27T09:12Z")) {
            String json = "{\"id\":\"a1\",\"title\":\"t\",\"body\":\"b\",\"source\":\"UzA\",\"publishedAt\":\"" + text + "\"}";

            Article article = EventJson.fromBytes(json.getBytes(StandardCharsets.UTF_8), Article.class);

            assertThat(article.publishedAt()).as(text).isEqualTo(OffsetDateTime.parse(text));
        }
        String duplicate = EventJson.toJson(new DuplicateArticle(new Article("a1", "t", "b", null, "UzA", null, null, null,
                null), "a0", 1.0, DuplicateMethod.EXACT, Instant.parse("2026-12-02T16:40:28.120Z")));
        assertThat(duplicate).contains("\"detectedAt\":\"2026-12-02T16:40:28.120Z\"");
        DuplicateArticle withOffset = EventJson.fromBytes(duplicate.replace("28.120Z", "28.12+01:00")
                .getBytes(StandardCharsets.UTF_8), DuplicateArticle.class);
        assertThat(withOffset.detectedAt()).isEqualTo(Instant.parse("2026-12-02T15:40:28.120Z"));
    }

    @Test
    void shouldNameTheFieldOfAnImpossibleDate() {
        String json = "{\"id\":\"a1\",\"title\":\"t\",\"body\":\"b\",\"source\":\"UzA\",\"publishedAt\":\"2024-02-30T10:00Z\"}";

        assertThatThrownBy(() -> EventJson.fromBytes(json.getBytes(StandardCharsets.UTF_8), Article.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("invalid Article field publishedAt: ")
                .hasMessageContaining("2024-02-30T10:00Z");
    }
}
