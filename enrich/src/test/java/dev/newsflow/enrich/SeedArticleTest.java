package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.Article;
import dev.newsflow.events.EntityMention;
import dev.newsflow.events.EntityType;
import dev.newsflow.events.Enrichment;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SeedArticleTest {

    private static Article article;
    private static Enrichment enrichment;

    @BeforeAll
    static void enrichSeed() {
        article = Articles.seed();
        enrichment = SharedEnricher.get().enrich(article);
    }

    @Test
    void shouldDetectEnglishInLatinScript() {
        assertThat(enrichment.language()).isEqualTo("en");
        assertThat(enrichment.script()).isEqualTo("Latn");
        assertThat(enrichment.languageConfidence()).isGreaterThan(0.9);
    }

    @Test
    void shouldFindThePeopleOfTheMeeting() {
        assertThat(texts(EntityType.PERSON)).contains("Baghdad Amreyev", "Sherzod Shermatov", "Bagdat Mussin");
    }

    @Test
    void shouldFindTheOrganizationAndItsAcronymAsOneEntity() {
        assertThat(texts(EntityType.ORGANIZATION)).contains("Organization of Turkic States", "OTS");
        assertThat(enrichment.mentions()).filteredOn(m -> m.text().equals("OTS") || m.text().equals("Organization of Turkic States"))
                .extracting(EntityMention::key).containsOnly("arganizatan af tarkik statis");
        assertThat(enrichment.entities()).filteredOn(e -> "arganizatan af tarkik statis".equals(e.key())).singleElement()
                .satisfies(e -> assertThat(e.name()).isEqualTo("Organization of Turkic States"))
                .satisfies(e -> assertThat(e.count()).isEqualTo(4));
        assertThat(texts(EntityType.LOCATION)).doesNotContain("Turkic States"); // part of the organization's name
        assertThat(texts(EntityType.ORGANIZATION)).noneMatch(name -> name.startsWith("The Minister")); // an office
    }

    @Test
    void shouldFindThePlaces() {
        assertThat(texts(EntityType.LOCATION))
                .contains("Samarkand", "Uzbekistan", "Kazakhstan", "Kyrgyzstan", "Türkiye", "Azerbaijan", "Europe");
    }

    @Test
    void shouldNotTakeTheFirstNameBaghdadForAPlace() {
        assertThat(texts(EntityType.LOCATION)).doesNotContain("Baghdad");
        assertThat(enrichment.countries()).doesNotContain("IQ");
    }

    @Test
    void shouldNameTheCountriesOfTheArticle() {
        assertThat(enrichment.countries()).contains("UZ", "KZ", "KG", "TR", "AZ");
        assertThat(enrichment.countries().get(0)).isEqualTo("UZ"); // Samarkand three times, Uzbekistan twice
    }

    @Test
    void shouldLocateEveryMentionByItsOffsetsInItsField() {
        assertThat(enrichment.mentions()).isNotEmpty().allSatisfy(m -> assertThat(
                (EntityMention.TITLE.equals(m.field()) ? article.title() : article.body()).substring(m.start(), m.end()))
                .isEqualTo(m.text()));
        assertThat(enrichment.mentions()).anySatisfy(m -> assertThat(m.field()).isEqualTo(EntityMention.TITLE));
    }

    @Test
    void shouldCountEachEntityByItsMentions() {
        long samarkand = enrichment.mentions().stream()
                .filter(m -> m.type() == EntityType.LOCATION && m.text().equals("Samarkand")).count();
        assertThat(enrichment.entities())
                .filteredOn(e -> e.type() == EntityType.LOCATION && e.text().equals("Samarkand"))
                .singleElement().satisfies(e -> assertThat(e.count()).isEqualTo((int) samarkand));
        assertThat(samarkand).isEqualTo(3);
    }

    @Test
    void shouldSummarizeWithOneToThreeSentencesOfTheArticle() {
        List<String> sentences = TextAssertions.sentences(enrichment.summary());
        assertThat(sentences).hasSizeBetween(1, 3);
        assertThat(sentences).allSatisfy(s -> assertThat(article.body()).contains(s));
    }

    @Test
    void shouldGiveKeywordsWordCountAndReadingTime() {
        assertThat(enrichment.keywords()).hasSizeBetween(3, EnrichConfig.MAX_KEYWORDS_DEFAULT);
        assertThat(String.join(" ", enrichment.keywords()).toLowerCase()).contains("digital technolog");
        int words = TextAssertions.words(article.title()) + TextAssertions.words(article.body());
        assertThat(enrichment.wordCount()).isEqualTo(words);
        assertThat(enrichment.readingTimeSeconds()).isEqualTo((int) Math.ceil(words * 60 / 200.0));
    }

    private List<String> texts(EntityType type) {
        return enrichment.mentions().stream().filter(m -> m.type() == type).map(EntityMention::text).toList();
    }
}
