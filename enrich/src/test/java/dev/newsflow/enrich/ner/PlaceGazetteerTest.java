package dev.newsflow.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PlaceGazetteerTest {

    private static PlaceGazetteer gazetteer;

    @BeforeAll
    static void build() {
        gazetteer = PlaceGazetteer.fromLocaleData();
    }

    @Test
    void shouldKnowCountriesAndCitiesInEveryLanguageOfTheProject() {
        assertThat(country("Samarkand", "en")).contains("UZ");
        assertThat(country("Самарқанд", "kk")).contains("UZ");
        assertThat(country("Semerkand", "tr")).contains("UZ");
        assertThat(country("Özbəkistan", "az")).contains("UZ");
        assertThat(country("Қазақстан", "kk")).contains("KZ");
        assertThat(country("Кыргызстан", "ru")).contains("KG");
    }

    @Test
    void shouldMatchInflectedNames() {
        assertThat(country("Oʻzbekistonda", "uz")).contains("UZ");
        assertThat(country("O'zbekistonda", "uz")).contains("UZ");
        assertThat(country("Казахстане", "ru")).contains("KZ");
        assertThat(country("Турции", "ru")).contains("TR");
        assertThat(country("Türkiye'de", "tr")).contains("TR");
    }

    @Test
    void shouldKnowWorldRegionsWithoutACountry() {
        assertThat(gazetteer.lookup(List.of("Europe"), "en")).map(PlaceGazetteer.Place::kind)
                .contains(PlaceGazetteer.Kind.REGION);
    }

    @Test
    void shouldNotTakeTheWorldForAPlace() {
        assertThat(gazetteer.lookup(List.of("World"), "en")).isEmpty(); // World Bank, World Cup
        assertThat(gazetteer.lookup(List.of("Мир"), "ru")).isEmpty(); // also "peace"
    }

    @Test
    void shouldNotMatchLowerCaseWordsOrUnrelatedWords() {
        assertThat(gazetteer.match(List.of("turkey", "dinner"), 0, "en")).isEmpty();
        assertThat(gazetteer.match(List.of("Минister"), 0, "en")).isEmpty();
        assertThat(gazetteer.match(List.of("Түркі"), 0, "kk")).isEmpty();
    }

    @Test
    void shouldPreferTheLongestName() {
        Optional<PlaceGazetteer.Match> match = gazetteer.match(List.of("New", "York", "today"), 0, "en");
        assertThat(match).map(PlaceGazetteer.Match::length).contains(2);
    }

    private static Optional<String> country(String name, String language) {
        return gazetteer.match(List.of(name), 0, language).map(m -> m.place().country());
    }
}
