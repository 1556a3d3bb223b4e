package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.Article;
import dev.newsflow.events.EntityMention;
import dev.newsflow.events.EntityType;
import dev.newsflow.events.Enrichment;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultilingualArticleTest {

    private final Enricher enricher = SharedEnricher.get();

    @Test
    void shouldEnrichARussianArticle() {
        Article article = Articles.resource("ru.txt");
        Enrichment enrichment = enricher.enrich(article);

        assertThat(enrichment.language()).isEqualTo("ru");
        assertThat(enrichment.script()).isEqualTo("Cyrl");
        assertThat(texts(enrichment, EntityType.PERSON)).contains("Шавкат Мирзиёев", "Бахтиёр Саидов");
        // inflected place names: "в Ташкенте", "в Астане"
        assertThat(texts(enrichment, EntityType.LOCATION)).contains("Ташкенте", "Астане");
        assertThat(enrichment.countries()).containsExactlyInAnyOrder("UZ", "KZ");
        assertCommonPromises(article, enrichment);
    }

    @Test
    void shouldEnrichAnUzbekArticleInLatinScript() {
        Article article = Articles.resource("uz-latn.txt");
        Enrichment enrichment = enricher.enrich(article);

        assertThat(enrichment.language()).isEqualTo("uz");
        assertThat(enrichment.script()).isEqualTo("Latn");
        assertThat(texts(enrichment, EntityType.PERSON)).contains("Umid Shodiyev");
        assertThat(texts(enrichment, EntityType.LOCATION)).contains("Samarqand", "Oʻzbekiston", "Qozogʻiston");
        assertThat(enrichment.countries()).contains("UZ", "KZ").first().isEqualTo("UZ");
        assertCommonPromises(article, enrichment);
    }

    @Test
    void shouldEnrichAnUzbekArticleInCyrillicScriptLikeItsLatinTwin() {
        Article cyrillic = Articles.resource("uz-cyrl.txt");
        Enrichment enrichment = enricher.enrich(cyrillic);
        Enrichment latin = enricher.enrich(Articles.resource("uz-latn.txt"));

        assertThat(enrichment.language()).isEqualTo("uz");
        assertThat(enrichment.script()).isEqualTo("Cyrl");
        assertThat(texts(enrichment, EntityType.PERSON)).contains("Умид Шодиев");
        assertThat(texts(enrichment, EntityType.LOCATION)).contains("Самарқанд", "Ўзбекистон");
        assertThat(enrichment.countries()).isEqualTo(latin.countries());
        assertThat(enrichment.mentions()).hasSameSizeAs(latin.mentions());
        assertCommonPromises(cyrillic, enrichment);
    }

    @Test
    void shouldEnrichAKazakhArticle() {
        Article article = Articles.resource("kk.txt");
        Enrichment enrichment = enricher.enrich(article);

        assertThat(enrichment.language()).isEqualTo("kk");
        assertThat(enrichment.script()).isEqualTo("Cyrl");
        assertThat(texts(enrichment, EntityType.PERSON)).contains("Қасым-Жомарт Тоқаев", "Шавкат Мирзиёев");
        assertThat(texts(enrichment, EntityType.LOCATION)).contains("Қазақстан", "Өзбекстан");
        assertThat(enrichment.countries()).contains("KZ", "UZ").first().isEqualTo("KZ");
        assertCommonPromises(article, enrichment);
    }

    @Test
    void shouldNameTheCitiesAndPeopleOfAnEnglishNewsSentenceWithoutRunningOn() {
        Article article = new Article("en-1", "Tashkent meeting", "Astana hosted talks between Kassym-Jomart Tokayev and"
                + " Shavkat Mirziyoyev on Tuesday. President Shavkat Mirziyoyev met the World Bank delegation in Tashkent"
                + " on Monday.", null, null, null, null, null, null);
        Enrichment enrichment = enricher.enrich(article);

        assertThat(texts(enrichment, EntityType.LOCATION)).contains("Astana", "Tashkent");
        assertThat(texts(enrichment, EntityType.PERSON)).containsOnly("Kassym-Jomart Tokayev", "Shavkat Mirziyoyev");
        assertThat(enrichment.mentions()).allSatisfy(m -> assertThat(m.text()).doesNotContain(" met ", " in ", " on "));
        assertCommonPromises(article, enrichment);
    }

    @Test
    void shouldReportUndeterminedPartsGracefullyForATextWithoutWords() {
        Article article = new Article("digits", "2024", "12 345 678", null, null, null, null, null, null);
        Enrichment enrichment = enricher.enrich(article);

        assertThat(enrichment.mentions()).isEmpty();
        assertThat(enrichment.countries()).isEmpty();
        assertThat(enrichment.wordCount()).isEqualTo(4);
    }

    private static void assertCommonPromises(Article article, Enrichment enrichment) {
        assertThat(enrichment.mentions()).allSatisfy(m -> assertThat(
                (EntityMention.TITLE.equals(m.field()) ? article.title() : article.body()).substring(m.start(), m.end()))
                .isEqualTo(m.text()));
        assertThat(enrichment.entities()).isNotEmpty();
        assertThat(enrichment.entities().stream().mapToInt(e -> e.count()).sum()).isEqualTo(enrichment.mentions().size());
        List<String> summary = TextAssertions.sentences(enrichment.summary());
        assertThat(summary).hasSizeBetween(1, 3).allSatisfy(s -> assertThat(article.body()).contains(s));
        assertThat(enrichment.keywords()).isNotEmpty();
        assertThat(enrichment.wordCount()).isEqualTo(TextAssertions.words(article.title()) + TextAssertions.words(article.body()));
    }

    private static List<String> texts(Enrichment enrichment, EntityType type) {
        return enrichment.mentions().stream().filter(m -> m.type() == type).map(EntityMention::text).toList();
    }
}
