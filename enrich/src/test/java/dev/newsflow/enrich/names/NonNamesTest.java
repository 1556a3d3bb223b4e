package dev.newsflow.enrich.names;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.EntityType;
import java.util.List;
import org.junit.jupiter.api.Test;

class NonNamesTest {
    private final NonNames nonNames = NonNames.load();

    @Test
    void shouldKnowLinkLabelsAndTechnologiesInTheirCaseForms() {
        assertThat(nonNames.isListed("Читать", "Читать")).isTrue();
        assertThat(nonNames.isListed("Python", "Python")).isTrue();
        assertThat(nonNames.isListed("Биткоина", "Биткоина")).isTrue();
        assertThat(nonNames.isListed("Google", "Google")).isFalse();
        assertThat(nonNames.isListedWithCommonWords(List.of("команды", "Go"))).isTrue();
        assertThat(nonNames.isListedWithCommonWords(List.of("Google", "Go"))).isFalse();
    }

    @Test
    void shouldTakeAChannelsNameInItsOwnPostsButNotTheCityItIsNamedAfter() {
        assertThat(NonNames.isSource("Mash", "Mash", false)).isTrue();
        assertThat(NonNames.isSource("Топор Live", "ТОПОР - Горячие новости", false)).isTrue();
        assertThat(NonNames.isSource("КиберТопор", "ТОПОР - Горячие новости", false)).isTrue();
        assertThat(NonNames.isSource("Библиотека хакера", "Библиотека программиста", false)).isTrue();
        assertThat(NonNames.isSource("Москва", "Москва Live", true)).isFalse();
        assertThat(NonNames.isSource("РИА Новости", "Новости Москвы", false)).isFalse();
        assertThat(NonNames.isSource("Mash", null, false)).isFalse();
    }

    @Test
    void shouldTakeCapitalizedCommonWordsForNoNamesButNotAPersonAfterATitle() {
        assertThat(nonNames.isCommonWords(List.of("Мужчина"), EntityType.PERSON, "ru", w -> false)).isTrue();
        assertThat(nonNames.isCommonWords(List.of("Курс", "биткоина"), EntityType.PERSON, "ru", w -> false)).isTrue();
        assertThat(nonNames.isCommonWords(List.of("Президент", "Путин"), EntityType.PERSON, "ru", "Путин"::equals)).isFalse();
        assertThat(nonNames.isCommonWords(List.of("Партия", "регионов"), EntityType.ORGANIZATION, "ru", w -> false)).isFalse();
        assertThat(NonNames.hasMarkup("Прислали __[__через бот")).isTrue();
    }
}
