package dev.newsflow.enrich.names;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.EntityType;
import java.util.List;
import org.junit.jupiter.api.Test;

class RussianMorphologyTest {
    private final RussianMorphology morphology = RussianMorphology.shared();

    private String base(EntityType type, String... words) {
        return String.join(" ", morphology.baseForm(List.of(words), type));
    }

    @Test
    void shouldPutPlacesInTheNominativeWithTheirAdjectivesAgreeing() {
        assertThat(base(EntityType.LOCATION, "Москве")).isEqualTo("Москва");
        assertThat(base(EntityType.LOCATION, "Москвы")).isEqualTo("Москва");
        assertThat(base(EntityType.LOCATION, "Курской", "области")).isEqualTo("Курская область");
        assertThat(base(EntityType.LOCATION, "Украины")).isEqualTo("Украина");
        assertThat(base(EntityType.LOCATION, "Нью-Йорке")).isEqualTo("Нью-Йорк");
    }

    @Test
    void shouldChangeOnlyTheWordsThatAgreeWithTheHeadOfAnOrganization() {
        assertThat(base(EntityType.ORGANIZATION, "Государственной", "думы")).isEqualTo("Государственная дума");
        assertThat(base(EntityType.ORGANIZATION, "Министерства", "иностранных", "дел")).isEqualTo("Министерство иностранных дел");
        assertThat(base(EntityType.ORGANIZATION, "МЧС", "России")).isEqualTo("МЧС России");
    }

    @Test
    void shouldPutPeopleInTheNominativeOfTheirGender() {
        assertThat(base(EntityType.PERSON, "Владимира", "Путина")).isEqualTo("Владимир Путин");
        assertThat(base(EntityType.PERSON, "Марии", "Захаровой")).isEqualTo("Мария Захарова");
        assertThat(base(EntityType.PERSON, "Путина")).isEqualTo("Путин");
        assertThat(base(EntityType.PERSON, "Дональда", "Трампа")).isEqualTo("Дональд Трамп");
    }

    @Test
    void shouldDropTheCaseEndingOfASurnameItDoesNotKnowWhenTheFirstNameShowsTheCase() {
        assertThat(RussianMorphology.withoutCaseEnding("Байдена", "R", "Masc")).isEqualTo("Байден");
        assertThat(RussianMorphology.withoutCaseEnding("Байденом", "T", "Masc")).isEqualTo("Байден");
        assertThat(RussianMorphology.withoutCaseEnding("Мирзиёевой", "R", "Fem")).isEqualTo("Мирзиёева");
        assertThat(base(EntityType.PERSON, "Сергею", "Шойгу")).isEqualTo("Сергей Шойгу"); // the dictionary knows it: indeclinable
    }

    @Test
    void shouldTellWordsThatAreNoNames() {
        assertThat(morphology.isOnlyAdjectiveOrInfinitive("Читать")).isTrue();
        assertThat(morphology.isOnlyAdjectiveOrInfinitive("Самое")).isTrue();
        assertThat(morphology.isOnlyAdjectiveOrInfinitive("Московский")).isFalse(); // also a surname
        assertThat(morphology.isOnlyAdjectiveOrInfinitive("Москва")).isFalse();
        assertThat(morphology.isOnlyAdjectiveOrInfinitive("РФ")).isFalse();
        assertThat(morphology.isPersonName("Сергей")).isTrue();
    }

    @Test
    void shouldGiveEveryCaseFormOfANameTheSameLemmaFeature() {
        assertThat(morphology.features("Москве")).contains("ml=москва");
        assertThat(morphology.features("Москву")).contains("ml=москва");
        assertThat(morphology.features("Лаврова")).contains("mt=NN:Fam");
        assertThat(morphology.features("Python")).isEmpty();
    }
}
