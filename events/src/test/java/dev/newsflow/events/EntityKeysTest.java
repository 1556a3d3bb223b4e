package dev.newsflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntityKeysTest {

    @Test
    void shouldGiveOneKeyToEverySpellingOfTashkent() {
        assertThat(List.of(EntityKeys.of("Ташкент", "ru"), EntityKeys.of("Toshkent", "uz"), EntityKeys.of("Тошкент", "uz"),
                EntityKeys.of("Tashkent", "en"), EntityKeys.of("Taşkent", "tr"))).containsOnly("tashkint");
    }

    @Test
    void shouldGiveOneKeyToASurnameInCyrillicAndInLatinWithOrWithoutItsY() {
        assertThat(List.of(EntityKeys.of("Мирзиёев", "ru"), EntityKeys.of("Mirziyoyev", "uz"), EntityKeys.of("Mirziyoev", "en")))
                .containsOnly(EntityKeys.of("Mirziyoyev", "en"));
        assertThat(List.of(EntityKeys.of("Алиев", "ru"), EntityKeys.of("Əliyev", "az"), EntityKeys.of("Aliyev", "en")))
                .containsOnly(EntityKeys.of("Aliyev", "en"));
    }

    @Test
    void shouldKeepDifferentNamesApart() {
        assertThat(EntityKeys.of("Iran", "en")).isNotEqualTo(EntityKeys.of("Iraq", "en"));
        assertThat(EntityKeys.of("Oman", "en")).isNotEqualTo(EntityKeys.of("Yemen", "en"));
        assertThat(EntityKeys.of("Austria", "en")).isNotEqualTo(EntityKeys.of("Australia", "en"));
    }

    @Test
    void shouldReadTurkishCAsJ() {
        assertThat(EntityKeys.of("Cevdet", "tr")).isEqualTo(EntityKeys.of("Джевдет", "ru"));
    }

    @Test
    void shouldKeepItsOwnKeysAsTheyAre() {
        for (String name : List.of("Владимир Путин", "Toshkent", "Organization of Turkic States", "Қасым-Жомарт Тоқаев")) {
            String key = EntityKeys.of(name, "en");
            assertThat(EntityKeys.of(key, "und")).as(name).isEqualTo(key);
        }
    }

    @Test
    void shouldFindTheOneFullNameASurnameBelongsTo() {
        assertThat(EntityKeys.fullFormOf("patin", Map.of("vladimir patin", 62, "danald tramp", 66))).hasValue("vladimir patin");
        assertThat(EntityKeys.fullFormOf("patin", Map.of("vladimir patin", 62, "prizidint patin", 3))).hasValue("vladimir patin");
        assertThat(EntityKeys.fullFormOf("tramp", Map.of("danald tramp", 66, "milania tramp", 40))).isEmpty();
        assertThat(EntityKeys.fullFormOf("vladimir patin", Map.of("vladimir patin", 62))).isEmpty();
    }

    @Test
    void shouldTellAnInflectedKeyOfANameTheDictionaryDoesNotKnow() {
        String base = EntityKeys.of("Илон Маск", "ru");
        assertThat(EntityKeys.isInflectionOf(EntityKeys.of("Илона Маска", "ru"), base)).isTrue();
        assertThat(EntityKeys.isInflectionOf(EntityKeys.of("Илоном Маском", "ru"), base)).isTrue();
        assertThat(EntityKeys.isInflectionOf(EntityKeys.of("Илон Маск", "ru"), base)).isFalse();
        assertThat(EntityKeys.isInflectionOf(EntityKeys.of("Маск", "ru"), base)).isFalse();
        assertThat(EntityKeys.isInflectionOf(EntityKeys.of("Дональд Трамп", "ru"), base)).isFalse();
    }
}
