package dev.newsflow.enrich.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TurkicSuffixesTest {

    @Test
    void shouldCutCaseSuffixesInBothUzbekScripts() {
        assertThat(TurkicSuffixes.strip("Toshkentda", "uz")).isEqualTo("Toshkent");
        assertThat(TurkicSuffixes.strip("Mirziyoyevning", "uz")).isEqualTo("Mirziyoyev");
        assertThat(TurkicSuffixes.strip("Тошкентнинг", "uz")).isEqualTo("Тошкент");
        assertThat(TurkicSuffixes.strip("Olga", "uz")).isEqualTo("Olga"); // two letters would be left
    }

    @Test
    void shouldCutKazakhAndKyrgyzSuffixesLongestFirst() {
        assertThat(TurkicSuffixes.strip("Астананың", "kk")).isEqualTo("Астана");
        assertThat(TurkicSuffixes.strip("Алматыдағы", "kk")).isEqualTo("Алматы");
        assertThat(TurkicSuffixes.strip("Бишкекте", "ky")).isEqualTo("Бишкек");
    }

    @Test
    void shouldCutTurkishAndAzerbaijaniSuffixesAtTheApostropheOnly() {
        assertThat(TurkicSuffixes.strip("Ankara'da", "tr")).isEqualTo("Ankara");
        assertThat(TurkicSuffixes.strip("Bakı'nın", "az")).isEqualTo("Bakı");
        assertThat(TurkicSuffixes.strip("Kur'an", "tr")).isEqualTo("Kur'an");
        assertThat(TurkicSuffixes.strip("Ankara", "tr")).isEqualTo("Ankara");
    }
}
