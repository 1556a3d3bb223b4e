package dev.newsflow.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.events.EntityCount;
import dev.newsflow.events.EntityType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntriesTest {

    private static StoryEntry story() {
        SparseVector terms = SparseVector.of(Map.of(1L, 0.5, -7L, 0.25, 99L, 1.0));
        return new StoryEntry("s-a1", "Samarkand hosts ministers", Instant.parse("2022-10-27T04:12:00Z"),
                Instant.parse("2022-10-28T09:00:00Z"), 3, 1, Map.of("UzA", 1, "Kun.uz", 1), List.of("ru", "en"),
                List.of(new EntityCount("Samarkand", EntityType.LOCATION, 4)), Map.of("UZ", 2, "TR", 1),
                terms, terms, SparseVector.of(Map.of(5L, 1.0)), SparseVector.EMPTY, SparseVector.EMPTY,
                new long[] {99L, 1L});
    }

    @Test
    void shouldRoundTripAStoryEntry() {
        StoryEntry story = story();
        StoryEntry back = StoryEntry.fromBytes(story.toBytes());
        assertThat(back).isEqualTo(story);
        assertThat(back.countries()).containsExactly("UZ", "TR");
        assertThat(back.independentOutlets()).isEqualTo(2);
        assertThat(back.languages()).containsExactly("en", "ru");
    }

    @Test
    void shouldRoundTripAnArticleEntry() {
        ArticleEntry article = new ArticleEntry("a1", "s-a1", Instant.parse("2022-10-27T04:12:00.123456Z"), new long[] {-3, 4, 10});
        ArticleEntry back = ArticleEntry.fromBytes(article.toBytes());
        assertThat(back).isEqualTo(article);
        assertThat(back.seenAt()).isEqualTo(Instant.parse("2022-10-27T04:12:00.123Z"));
    }

    @Test
    void shouldSayWhatIsWrongWithBadBytes() {
        byte[] bytes = story().toBytes();
        assertThatThrownBy(() -> StoryEntry.fromBytes(Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        bytes[0] = 9;
        assertThatThrownBy(() -> StoryEntry.fromBytes(bytes)).hasMessageContaining("format version 9");
        assertThatThrownBy(() -> ArticleEntry.fromBytes(new byte[0])).hasMessageContaining("empty");
    }
}
