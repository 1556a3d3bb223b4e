package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.Article;
import dev.newsflow.events.EntityCount;
import dev.newsflow.events.EntityMention;
import dev.newsflow.events.EntityType;
import dev.newsflow.events.Enrichment;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each entity of an article under one canonical name, and the same name under one key across scripts. */
class CanonicalEntitiesTest {

    private final Enricher enricher = SharedEnricher.get();

    @Test
    void shouldMergeInflectedAndShortRussianMentionsUnderTheBaseForm() {
        Enrichment enrichment = enrich("Путин прибыл в Москву", "Президент России Владимир Путин провёл совещание в Москве."
                + " Владимира Путина встретили в аэропорту Москвы. Путин заявил, что Курской области выделят помощь."
                + " Жители Курской области ждут решения.");

        assertThat(entity(enrichment, EntityType.PERSON, "Владимир Путин")).get()
                .satisfies(e -> assertThat(e.count()).isEqualTo(4));
        assertThat(entity(enrichment, EntityType.LOCATION, "Москва")).get()
                .satisfies(e -> assertThat(e.count()).isEqualTo(3));
        assertThat(entity(enrichment, EntityType.LOCATION, "Курская область")).isPresent();
        assertThat(names(enrichment)).doesNotContain("Москве", "Москву", "Москвы", "Путин", "Владимира Путина");
        assertMentionsCarryTheirEntityKey(enrichment);
    }

    @Test
    void shouldGiveOneNameOneTypeInAnArticle() {
        Enrichment enrichment = enrich("В Госдуме предложили запретить продажу энергетиков",
                "Законопроект внесли в Госдуму депутаты. Вячеслав Володин заявил, что Госдума рассмотрит его весной.");

        assertThat(entity(enrichment, EntityType.ORGANIZATION, "Госдума")).get()
                .satisfies(e -> assertThat(e.count()).isEqualTo(3));
        assertThat(entity(enrichment, EntityType.LOCATION, "Госдума")).isEmpty();
        assertThat(enrichment.mentions()).filteredOn(m -> m.text().startsWith("Госдум"))
                .extracting(EntityMention::type).containsOnly(EntityType.ORGANIZATION);
        assertMentionsCarryTheirEntityKey(enrichment);
    }

    @Test
    void shouldMergeAnInflectedRussianFullName() {
        Enrichment enrichment = enrich("Трамп в Москве", "Президент США Дональд Трамп заявил о переговорах. Слова Дональда"
                + " Трампа прозвучали в Вашингтоне. Трамп также упомянул Москву.");

        assertThat(entity(enrichment, EntityType.PERSON, "Дональд Трамп")).get()
                .satisfies(e -> assertThat(e.count()).isGreaterThanOrEqualTo(2));
        assertThat(entity(enrichment, EntityType.LOCATION, "Вашингтон")).isPresent();
        assertThat(names(enrichment)).doesNotContain("Дональда Трампа", "Вашингтоне", "Москву");
        assertMentionsCarryTheirEntityKey(enrichment);
    }

    @Test
    void shouldMergeInflectedAndShortUzbekMentionsInBothScriptsUnderOneKey() {
        Enrichment latin = enrich("Prezident Toshkentda", "Shavkat Mirziyoyev Toshkentda xorijiy investorlar bilan uchrashdi."
                + " Uchrashuvda Mirziyoyev yangi loyihalarni taqdim etdi. Shavkat Mirziyoyevning taklifi Toshkentning"
                + " rivojlanishi uchun muhim.");
        Enrichment cyrillic = enrich("Президент Тошкентда", "Шавкат Мирзиёев Тошкентда хорижий инвесторлар билан учрашди."
                + " Учрашувда Мирзиёев янги лойиҳаларни тақдим этди. Шавкат Мирзиёевнинг таклифи Тошкентнинг"
                + " ривожланиши учун муҳим.");

        EntityCount person = entity(latin, EntityType.PERSON, "Shavkat Mirziyoyev").orElseThrow();
        assertThat(person.count()).isEqualTo(3); // Shavkat Mirziyoyev, Mirziyoyev, Shavkat Mirziyoyevning
        EntityCount cyrillicPerson = entity(cyrillic, EntityType.PERSON, "Шавкат Мирзиёев").orElseThrow();
        assertThat(cyrillicPerson.count()).isEqualTo(3);
        assertThat(cyrillicPerson.key()).isEqualTo(person.key());
        assertThat(entity(latin, EntityType.LOCATION, "Toshkent")).isPresent();
        assertThat(entity(cyrillic, EntityType.LOCATION, "Тошкент").orElseThrow().key())
                .isEqualTo(entity(latin, EntityType.LOCATION, "Toshkent").orElseThrow().key());
        assertMentionsCarryTheirEntityKey(latin);
        assertMentionsCarryTheirEntityKey(cyrillic);
    }

    @Test
    void shouldMergeInflectedAndShortKazakhMentions() {
        Enrichment enrichment = enrich("Тоқаев Астанада", "Қазақстан Президенті Қасым-Жомарт Тоқаев Астанада шетелдік"
                + " инвесторлармен кездесті. Тоқаев инвесторларды қабылдады. Қасым-Жомарт Тоқаевтың ұсынысы Астананың"
                + " дамуы үшін маңызды.");

        assertThat(entity(enrichment, EntityType.PERSON, "Қасым-Жомарт Тоқаев")).get()
                .satisfies(e -> assertThat(e.count()).isEqualTo(4)); // title, full, short, inflected
        assertThat(entity(enrichment, EntityType.LOCATION, "Астана")).get()
                .satisfies(e -> assertThat(e.count()).isEqualTo(3)); // Астанада twice, Астананың
        assertMentionsCarryTheirEntityKey(enrichment);
    }

    @Test
    void shouldMergeTurkishMentionsCutAtTheApostrophe() {
        Enrichment enrichment = enrich("Erdoğan Ankara'da", "Cumhurbaşkanı Recep Tayyip Erdoğan Ankara'da bir toplantıya"
                + " katıldı. Erdoğan yatırımcıları kabul etti. Recep Tayyip Erdoğan'ın konuşması Ankara'nın gündemini"
                + " belirledi.");

        assertThat(entity(enrichment, EntityType.LOCATION, "Ankara")).get()
                .satisfies(e -> assertThat(e.count()).isEqualTo(3));
        assertThat(entity(enrichment, EntityType.PERSON, "Recep Tayyip Erdoğan")).get()
                .satisfies(e -> assertThat(e.count()).isEqualTo(4));
        assertMentionsCarryTheirEntityKey(enrichment);
    }

    @Test
    void shouldMergeAnEnglishSurnameIntoTheFullName() {
        Enrichment enrichment = enrich("Visit to Astana", "Uzbek President Shavkat Mirziyoyev arrived in Astana on"
                + " Monday. Mirziyoyev's visit follows talks in Tashkent. Mirziyoyev met business leaders.");

        EntityCount person = entity(enrichment, EntityType.PERSON, "Shavkat Mirziyoyev").orElseThrow();
        assertThat(person.count()).isGreaterThanOrEqualTo(2); // the full name and at least one "Mirziyoyev"
        assertThat(enrichment.mentions()).filteredOn(m -> m.type() == EntityType.PERSON && m.text().contains("Mirziyoyev"))
                .hasSizeGreaterThanOrEqualTo(2).allSatisfy(m -> assertThat(m.key()).isEqualTo(person.key()));
    }

    @Test
    void shouldKeyOnePersonAndOnePlaceAlikeInCyrillicAndLatin() {
        Enrichment russian = enrich("Мирзиёев в Ташкенте", "Президент Шавкат Мирзиёев провёл встречу в Ташкенте."
                + " Переговоры прошли в резиденции президента.");
        Enrichment english = enrich("Mirziyoyev in Tashkent", "President Shavkat Mirziyoyev held a meeting in Tashkent."
                + " The talks took place at the president's residence in the capital.");
        Enrichment turkish = enrich("Mirziyoyev Taşkent'te", "Cumhurbaşkanı Şevket Mirziyoyev Taşkent'te bir toplantı yaptı."
                + " Görüşmeler başkentteki cumhurbaşkanlığı konutunda gerçekleşti.");

        String person = entity(russian, EntityType.PERSON, "Шавкат Мирзиёев").orElseThrow().key();
        assertThat(entity(english, EntityType.PERSON, "Shavkat Mirziyoyev").orElseThrow().key()).isEqualTo(person);
        String place = entity(russian, EntityType.LOCATION, "Ташкент").orElseThrow().key();
        assertThat(entity(english, EntityType.LOCATION, "Tashkent").orElseThrow().key()).isEqualTo(place);
        assertThat(entity(turkish, EntityType.LOCATION, "Taşkent").orElseThrow().key()).isEqualTo(place);
    }

    @Test
    void shouldNotTakeLinkLabelsTechnologiesOrTheChannelItselfForNames() {
        Article post = new Article("tg-1", "Mash сообщает", "В Москве открыли курсы Python и Go для школьников.\n"
                + "Читать далее\nПодписаться на Mash", null, "Mash", null, null, null, null);
        Enrichment enrichment = enricher.enrich(post);

        assertThat(enrichment.mentions()).extracting(EntityMention::text)
                .contains("Москве")
                .doesNotContain("Читать", "Подписаться", "Python", "Go", "Mash");
    }

    @Test
    void shouldGiveEveryMentionAConfidence() {
        Enrichment enrichment = enrich("Visit", "Shavkat Mirziyoyev arrived in Tashkent.");

        assertThat(enrichment.mentions()).isNotEmpty()
                .allSatisfy(m -> assertThat(m.confidence()).isBetween(0.0, 1.0));
        assertThat(enrichment.mentions()).filteredOn(m -> m.text().equals("Tashkent"))
                .allSatisfy(m -> assertThat(m.confidence()).isGreaterThanOrEqualTo(EntityAnnotator.KNOWN_PLACE_CONFIDENCE));
    }

    private Enrichment enrich(String title, String body) {
        return enricher.enrich(new Article("t-" + Math.abs(body.hashCode()), title, body, null, null, null, null, null, null));
    }

    private static Optional<EntityCount> entity(Enrichment enrichment, EntityType type, String name) {
        return enrichment.entities().stream().filter(e -> e.type() == type && name.equals(e.name())).findFirst();
    }

    private static List<String> names(Enrichment enrichment) {
        return enrichment.entities().stream().map(EntityCount::name).toList();
    }

    private static void assertMentionsCarryTheirEntityKey(Enrichment enrichment) {
        List<String> keys = enrichment.entities().stream().map(EntityCount::key).toList();
        assertThat(enrichment.mentions()).allSatisfy(m -> assertThat(keys).contains(m.key()));
        assertThat(keys).doesNotHaveDuplicates();
    }
}
