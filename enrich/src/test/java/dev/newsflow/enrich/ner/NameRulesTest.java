package dev.newsflow.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.ner.LabeledSentence.TokenSpan;
import dev.newsflow.events.EntityType;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NameRulesTest {

    private static NameRules rules;

    @BeforeAll
    static void build() {
        rules = new NameRules(PlaceGazetteer.fromLocaleData());
    }

    @Test
    void shouldCutAPersonWithAPatronymicSurnameOutOfAnOrganizationSpan() {
        List<String> tokens = List.of("the", "Union", "of", "Writers", "Aziz", "Karimov", "said");
        List<TokenSpan> spans = rules.apply("en", tokens, List.of(new TokenSpan(1, 6, EntityType.ORGANIZATION)));

        assertThat(spans).containsExactlyInAnyOrder(
                new TokenSpan(1, 4, EntityType.ORGANIZATION), new TokenSpan(4, 6, EntityType.PERSON));
    }

    @Test
    void shouldEndAnEnglishNameAtTheFirstWordTitleCaseWouldCapitalize() {
        List<String> sentence = List.of("met", "the", "World", "Bank", "delegation", "in", "Tashkent", "on", "Monday");
        assertThat(rules.apply("en", sentence, List.of(new TokenSpan(2, 9, EntityType.ORGANIZATION))))
                .containsExactly(new TokenSpan(2, 4, EntityType.ORGANIZATION));
        List<String> veto = List.of("the", "Department", "of", "Defense's", "de", "facto", "veto");
        assertThat(rules.apply("en", veto, List.of(new TokenSpan(1, 7, EntityType.ORGANIZATION))))
                .containsExactly(new TokenSpan(1, 4, EntityType.ORGANIZATION));
    }

    @Test
    void shouldKeepTheLowerCaseWordsOfAnEnglishNameAndOfNamesInOtherLanguages() {
        List<String> osce = List.of("Organization", "for", "Security", "and", "Co-operation", "in", "Europe");
        assertThat(rules.apply("en", osce, List.of(new TokenSpan(0, 7, EntityType.ORGANIZATION))))
                .containsExactly(new TokenSpan(0, 7, EntityType.ORGANIZATION));
        List<String> band = List.of("30", "Seconds", "to", "Mars", "played");
        assertThat(rules.apply("en", band, List.of(new TokenSpan(0, 4, EntityType.ORGANIZATION))))
                .containsExactly(new TokenSpan(0, 4, EntityType.ORGANIZATION));
        List<String> ministry = List.of("Министерство", "иностранных", "дел", "Узбекистана");
        assertThat(rules.apply("ru", ministry, List.of(new TokenSpan(0, 3, EntityType.ORGANIZATION))))
                .containsExactly(new TokenSpan(0, 3, EntityType.ORGANIZATION));
    }

    @Test
    void shouldFindPeopleInRussianWithInflectedSurnames() {
        List<String> tokens = List.of("встретился", "с", "Касым-Жомартом", "Токаевым");
        assertThat(rules.apply("ru", tokens, List.of())).containsExactly(new TokenSpan(2, 4, EntityType.PERSON));
    }

    @Test
    void shouldTakeABareInEndingForASurnameOnlyWhereItIsNoSuffix() {
        assertThat(rules.apply("en", List.of("met", "Bagdat", "Mussin", "today"), List.of()))
                .containsExactly(new TokenSpan(1, 3, EntityType.PERSON));
        // Turkish genitive and possessive endings: "the Council of Ministers", "from the Teachers' School"
        List<String> council = List.of("Bakanlar", "Kurulu", "toplandı");
        assertThat(rules.apply("tr", council, List.of(new TokenSpan(0, 2, EntityType.ORGANIZATION))))
                .containsExactly(new TokenSpan(0, 2, EntityType.ORGANIZATION));
        assertThat(rules.apply("tr", List.of("Noel", "Kekinin", "tadı"), List.of())).isEmpty();
        assertThat(rules.apply("tr", List.of("Başkan", "Şavkat", "Mirziyoyev'in", "ziyareti"), List.of()))
                .containsExactly(new TokenSpan(1, 3, EntityType.PERSON));
    }

    @Test
    void shouldNotTakeAnOfficeOrACountryForAFirstName() {
        assertThat(rules.apply("en", List.of("Minister", "Ivanov", "spoke"), List.of())).isEmpty();
        assertThat(rules.apply("en", List.of("Kazakhstan", "Petrov"), List.of())).isEmpty();
    }

    @Test
    void shouldKeepOnlyThePlaceOrOrganizationAfterAnOffice() {
        List<String> tokens = List.of("Minister", "of", "Foreign", "Affairs", "of", "Uzbekistan");
        assertThat(rules.apply("en", tokens, List.of(new TokenSpan(0, 6, EntityType.ORGANIZATION))))
                .containsExactly(new TokenSpan(5, 6, EntityType.LOCATION));
        assertThat(rules.apply("en", List.of("Secretary", "General"), List.of(new TokenSpan(0, 2, EntityType.PERSON))))
                .isEmpty();
        List<String> withArticle = List.of("The", "Minister", "of", "Digital", "Development", "of", "the", "Republic");
        assertThat(rules.apply("en", withArticle, List.of(new TokenSpan(0, 8, EntityType.ORGANIZATION)))).isEmpty();
    }

    @Test
    void shouldSplitACoordinationWithAKnownPlace() {
        List<String> tokens = List.of("the", "Organization", "and", "Europe");
        assertThat(rules.apply("en", tokens, List.of(new TokenSpan(1, 4, EntityType.ORGANIZATION))))
                .containsExactly(new TokenSpan(1, 2, EntityType.ORGANIZATION), new TokenSpan(3, 4, EntityType.LOCATION));
    }

    @Test
    void shouldNotGlueTheFirstWordOfASentenceToAPlace() {
        List<String> tokens = List.of("Forumda", "Oʻzbekiston", "ishtirok", "etdi");
        assertThat(rules.apply("uz", tokens, List.of(new TokenSpan(0, 2, EntityType.LOCATION))))
                .containsExactly(new TokenSpan(1, 2, EntityType.LOCATION));
        List<String> whole = List.of("South", "Korea", "joined");
        assertThat(rules.apply("en", whole, List.of(new TokenSpan(0, 2, EntityType.LOCATION))))
                .containsExactly(new TokenSpan(0, 2, EntityType.LOCATION));
    }
}
