package dev.newsflow.stories;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.Enricher;
import dev.newsflow.enrich.Enrichers;
import dev.newsflow.events.Article;
import dev.newsflow.events.EnrichedArticle;
import dev.newsflow.events.EntityCount;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stories of real enriched articles (the shipped enrichment models), written for these tests. */
class StoryIndexTest {

    private static final Instant MONDAY = Instant.parse("2022-10-24T06:00:00Z");
    private static Enricher enricher;

    @BeforeAll
    static void loadModels() {
        enricher = Enrichers.createDefault();
    }

    private static EnrichedArticle enriched(String id, String source, String title, String body, Instant at) {
        Article article = new Article(id, title, body, null, source, at.atOffset(ZoneOffset.ofHours(5)), null, null, null);
        return new EnrichedArticle(article, enricher.enrich(article), at);
    }

    static final String SAMARKAND_EN_TITLE = "Samarkand hosts a meeting of OTS ministers in charge of ICT";
    static final String SAMARKAND_EN = """
            The city of Samarkand hosted a meeting of ministers in charge of information and communication \
            technologies of the Organization of Turkic States on Thursday.

            Secretary General of the organization Baghdad Amreyev opened the session. Sherzod Shermatov, the \
            minister of digital technologies of Uzbekistan, chaired it. Delegations of Turkey, Azerbaijan, \
            Kazakhstan and Kyrgyzstan signed a plan on digital government services.""";
    static final String SAMARKAND_RU_TITLE = "В Самарканде прошло заседание министров ИКТ Организации тюркских государств";
    static final String SAMARKAND_RU = """
            В четверг в Самарканде состоялось заседание министров, отвечающих за информационно-коммуникационные \
            технологии стран Организации тюркских государств.

            Заседание открыл генеральный секретарь организации Багдад Амреев. Председательствовал министр \
            цифровых технологий Узбекистана Шерзод Шерматов. Делегации Турции, Азербайджана, Казахстана и \
            Кыргызстана подписали план по электронным государственным услугам.""";
    static final String BAKU_EN_TITLE = "Baku hosts a meeting of OTS transport ministers";
    static final String BAKU_EN = """
            The city of Baku hosted a meeting of ministers of transport of the Organization of Turkic States on \
            Wednesday.

            Rashad Nabiyev, the minister of digital development and transport of Azerbaijan, chaired the session. \
            Delegations of Turkey, Uzbekistan, Kazakhstan and Kyrgyzstan discussed freight corridors across the \
            Caspian Sea.""";

    @Test
    void shouldJoinARussianReportOfTheSameEventWithNoSharedWords() {
        StoryIndex index = new StoryIndex(StoriesConfig.defaults());
        Assignment en = index.assign(enriched("en1", "UzA", SAMARKAND_EN_TITLE, SAMARKAND_EN, MONDAY), MONDAY);
        Instant later = MONDAY.plusSeconds(5_400);
        Assignment ru = index.assign(enriched("ru1", "Podrobno.uz", SAMARKAND_RU_TITLE, SAMARKAND_RU, later), later);

        assertThat(en).isInstanceOf(Assignment.Opened.class);
        assertThat(ru).isInstanceOf(Assignment.Joined.class);
        assertThat(ru.storyId()).isEqualTo(en.storyId());
        Similarity why = ((Assignment.Joined) ru).similarity();
        assertThat(why.crossLingual()).isTrue();
        assertThat(why.decidedBy()).isIn(Signal.ENTITIES, Signal.PLACES);
        assertThat(ru.story().languages()).containsExactly("en", "ru");
        assertThat(ru.story().independentOutlets()).isEqualTo(2);
        assertThat(ru.story().topEntities()).extracting(EntityCount::text)
                .contains("Самарканд").doesNotContain("Самарканде");
    }

    @Test
    void shouldKeepAnotherMinistersMeetingInAnotherCityTheSameWeekApart() {
        StoryIndex index = new StoryIndex(StoriesConfig.defaults());
        Assignment samarkand = index.assign(enriched("en1", "UzA", SAMARKAND_EN_TITLE, SAMARKAND_EN, MONDAY), MONDAY);
        Instant wednesday = MONDAY.plusSeconds(2 * 86_400);
        Assignment baku = index.assign(enriched("en2", "Trend", BAKU_EN_TITLE, BAKU_EN, wednesday), wednesday);

        assertThat(baku).isInstanceOf(Assignment.Opened.class);
        assertThat(baku.storyId()).isNotEqualTo(samarkand.storyId());
    }

    @Test
    void shouldJoinRewrittenHeadlinesOfOneEventButNotHeadlinesOfAnotherEventOfTheSameKind() {
        StoryIndex index = new StoryIndex(StoriesConfig.defaults());
        Instant later = MONDAY.plusSeconds(1_800);
        Instant evening = MONDAY.plusSeconds(10 * 3_600);
        String first = "Samarkand hosts OTS ministers of ICT";
        String rewritten = "OTS ICT ministers gather in Samarkand for digital talks";
        String another = "Turkic transport ministers meet in Baku on Caspian freight corridors";
        Assignment a = index.assign(enriched("h1", "UzA", first, first, MONDAY), MONDAY);
        Assignment b = index.assign(enriched("h2", "Kun.uz", rewritten, rewritten, later), later);
        Assignment c = index.assign(enriched("h3", "Trend", another, another, evening), evening);

        assertThat(b).isInstanceOf(Assignment.Joined.class);
        assertThat(b.storyId()).isEqualTo(a.storyId());
        assertThat(c.storyId()).isNotEqualTo(a.storyId());
    }

    @Test
    void shouldJudgeAHeadlineAgainstTheShortThresholdAndAFullArticleAgainstTheJoinThreshold() {
        Map<String, String> unreachableJoin = Map.of(StoriesConfig.JOIN_THRESHOLD, "2.0");
        String first = "Samarkand hosts OTS ministers of ICT";
        String rewritten = "Turkic states discuss e-government in Samarkand";
        Instant later = MONDAY.plusSeconds(1_800);

        StoryIndex headlines = new StoryIndex(StoriesConfig.fromMap(unreachableJoin));
        headlines.assign(enriched("h1", "UzA", first, first, MONDAY), MONDAY);
        assertThat(headlines.assign(enriched("h2", "Kun.uz", rewritten, rewritten, later), later))
                .isInstanceOf(Assignment.Joined.class);

        StoryIndex fullArticles = new StoryIndex(StoriesConfig.fromMap(unreachableJoin));
        fullArticles.assign(enriched("a1", "UzA", SAMARKAND_EN_TITLE, SAMARKAND_EN, MONDAY), MONDAY);
        assertThat(fullArticles.assign(enriched("a2", "Kun.uz", SAMARKAND_EN_TITLE, SAMARKAND_EN + " It ended at noon.", later), later))
                .isInstanceOf(Assignment.Opened.class);

        StoryIndex olderStory = new StoryIndex(StoriesConfig.fromMap(unreachableJoin));
        olderStory.assign(enriched("h1", "UzA", first, first, MONDAY), MONDAY);
        Instant afterTheWindow = MONDAY.plus(StoriesConfig.defaults().shortWindow()).plusSeconds(3_600);
        assertThat(olderStory.assign(enriched("h2", "Kun.uz", rewritten, rewritten, afterTheWindow), afterTheWindow))
                .isInstanceOf(Assignment.Opened.class);

        Map<String, String> noShortArticles = new HashMap<>(unreachableJoin);
        noShortArticles.put(StoriesConfig.SHORT_TERMS, "0");
        StoryIndex allFull = new StoryIndex(StoriesConfig.fromMap(noShortArticles));
        allFull.assign(enriched("h1", "UzA", first, first, MONDAY), MONDAY);
        assertThat(allFull.assign(enriched("h2", "Kun.uz", rewritten, rewritten, later), later))
                .isInstanceOf(Assignment.Opened.class);
    }

    @Test
    void shouldFadeAStoryByItsAgeSoDailyReportsDoNotCarryItForWeeks() {
        StoryIndex index = new StoryIndex(StoriesConfig.defaults());
        List<Assignment> days = new ArrayList<>();
        for (int day = 0; day <= 6; day++) {
            Instant at = MONDAY.plusSeconds(day * 86_400L);
            days.add(index.assign(enriched("daily-" + day, "UzA", SAMARKAND_EN_TITLE, SAMARKAND_EN, at), at));
        }

        String first = days.get(0).storyId();
        assertThat(days.get(1).storyId()).isEqualTo(first);
        assertThat(days.get(6).storyId()).isNotEqualTo(first);
    }

    @Test
    void shouldJoinKazakhAndRussianReportsOfOneMeeting() {
        StoryIndex index = new StoryIndex(StoriesConfig.defaults());
        Assignment kk = index.assign(enriched("kk1", "Kazinform", "Қасым-Жомарт Тоқаев Астанада Си Цзиньпинмен кездесті",
                """
                Қасым-Жомарт Тоқаев Ақордада Қытай Халық Республикасының Төрағасы Си Цзиньпинмен кездесті.

                Кездесуде Қазақстан мен Қытай арасындағы сауда, көлік және инвестиция мәселелері талқыланды. \
                Тараптар Алматы мен Үрімжі арасындағы жаңа теміржол туралы келісімге қол қойды.""", MONDAY), MONDAY);
        Instant later = MONDAY.plusSeconds(3_600);
        Assignment ru = index.assign(enriched("ru2", "Tengrinews", "Касым-Жомарт Токаев встретился в Астане с Си Цзиньпином",
                """
                Касым-Жомарт Токаев провел переговоры с председателем КНР Си Цзиньпином в Акорде.

                Стороны обсудили торговлю, транспорт и инвестиции между Казахстаном и Китаем и подписали \
                соглашение о новой железной дороге между Алматы и Урумчи.""", later), later);

        assertThat(ru.storyId()).isEqualTo(kk.storyId());
        assertThat(ru.decidedBy()).isIn(Signal.ENTITIES, Signal.PLACES);
    }

    @Test
    void shouldJoinUzbekLatinAndCyrillicReportsOfOneVisit() {
        StoryIndex index = new StoryIndex(StoriesConfig.defaults());
        Assignment latin = index.assign(enriched("uz1", "UzA", "Shavkat Mirziyoyev Samarqandda Turkiya Prezidenti bilan uchrashdi",
                """
                Prezident Shavkat Mirziyoyev Samarqandda Turkiya Prezidenti Rajab Toyyib Erdoʻgʻan bilan uchrashdi.

                Muzokaralarda savdo, energetika va transport sohalaridagi hamkorlik masalalari koʻrib chiqildi.""",
                MONDAY), MONDAY);
        Instant later = MONDAY.plusSeconds(1_800);
        Assignment cyrillic = index.assign(enriched("uz2", "Xalq soʻzi", "Шавкат Мирзиёев Самарқандда Туркия Президенти билан учрашди",
                """
                Президент Шавкат Мирзиёев Самарқандда Туркия Президенти Ражаб Тоййиб Эрдўған билан учрашди.

                Музокараларда савдо, энергетика ва транспорт соҳаларидаги ҳамкорлик масалалари кўриб чиқилди.""",
                later), later);

        assertThat(cyrillic.storyId()).isEqualTo(latin.storyId());
        assertThat(((Assignment.Joined) cyrillic).similarity().crossLingual()).isFalse();
    }

    @Test
    void shouldGiveTheSameVerdictsAfterARestoreFromTheChangelog() {
        List<EnrichedArticle> stream = List.of(
                enriched("en1", "UzA", SAMARKAND_EN_TITLE, SAMARKAND_EN, MONDAY),
                enriched("en2", "Trend", BAKU_EN_TITLE, BAKU_EN, MONDAY.plusSeconds(600)),
                enriched("ru1", "Podrobno.uz", SAMARKAND_RU_TITLE, SAMARKAND_RU, MONDAY.plusSeconds(1_200)),
                enriched("en3", "AKIpress", "OTS transport ministers meet in Baku", BAKU_EN, MONDAY.plusSeconds(1_800)));
        StoryIndex live = new StoryIndex(StoriesConfig.defaults());
        Map<String, byte[]> changelog = new LinkedHashMap<>();
        List<String> liveVerdicts = new ArrayList<>();
        for (int i = 0; i < stream.size(); i++) {
            Instant at = stream.get(i).enrichedAt();
            Assignment a = live.assign(stream.get(i), at);
            liveVerdicts.add(a.storyId() + "/" + a.decidedBy());
            if (i < 2) {
                changelog.put(StoryChangelog.storyKey(a.storyId()), a.story().toBytes());
                changelog.put(StoryChangelog.articleKey(a.article().articleId()), a.article().toBytes());
            }
        }
        StoryIndex restored = new StoryIndex(StoriesConfig.defaults());
        List<String> keys = new ArrayList<>(changelog.keySet());
        java.util.Collections.reverse(keys); // any order
        keys.forEach(key -> restored.restore(key, changelog.get(key)));
        List<String> restoredVerdicts = new ArrayList<>(liveVerdicts.subList(0, 2));
        for (int i = 2; i < stream.size(); i++) {
            Assignment a = restored.assign(stream.get(i), stream.get(i).enrichedAt());
            restoredVerdicts.add(a.storyId() + "/" + a.decidedBy());
        }

        assertThat(restoredVerdicts).isEqualTo(liveVerdicts);
        assertThat(liveVerdicts.get(2)).startsWith("s-en1/");
        assertThat(liveVerdicts.get(3)).startsWith("s-en2/");
    }

    @Test
    void shouldLetADuplicateInheritItsOriginalsStoryAsAReprint() {
        StoryIndex index = new StoryIndex(StoriesConfig.defaults());
        EnrichedArticle original = enriched("en1", "UzA", SAMARKAND_EN_TITLE, SAMARKAND_EN, MONDAY);
        index.assign(original, MONDAY);
        Article copy = new Article("copy1", "Samarkand: OTS ICT ministers meet", SAMARKAND_EN, null, "Dunyo",
                null, null, null, null);
        Assignment reprint = index.inherit(copy, "en1", MONDAY.plusSeconds(60));

        assertThat(reprint).isInstanceOf(Assignment.Inherited.class);
        assertThat(reprint.storyId()).isEqualTo("s-en1");
        assertThat(reprint.story().articles()).isEqualTo(2);
        assertThat(reprint.story().reprints()).isEqualTo(1);
        assertThat(reprint.story().independentOutlets()).isEqualTo(1);
        assertThat(index.assign(original, MONDAY)).isEqualTo(new Assignment.Known("s-en1"));
    }

    @Test
    void shouldCloseAQuietStoryAndForgetOldArticlesWithTombstoneKeys() {
        StoriesConfig config = StoriesConfig.defaults();
        StoryIndex index = new StoryIndex(config);
        index.assign(enriched("en1", "UzA", SAMARKAND_EN_TITLE, SAMARKAND_EN, MONDAY), MONDAY);

        assertThat(index.expire(MONDAY.plus(config.quietPeriod()))).isEmpty();
        assertThat(index.expire(MONDAY.plus(config.quietPeriod()).plusMillis(1))).containsExactly("story/s-en1");
        assertThat(index.openStories()).isZero();
        assertThat(index.storyOf("en1")).contains("s-en1");
        assertThat(index.expire(MONDAY.plus(config.articleWindow()).plusMillis(1))).containsExactly("article/en1");
        assertThat(index.rememberedArticles()).isZero();
        Instant much = MONDAY.plus(config.articleWindow()).plusSeconds(60);
        assertThat(index.assign(enriched("ru1", "Podrobno.uz", SAMARKAND_RU_TITLE, SAMARKAND_RU, much), much))
                .isInstanceOf(Assignment.Opened.class);
    }

    @Test
    void shouldMakeADuplicateThatArrivedBeforeItsOriginalAReprintOnceTheOriginalIsAssigned() {
        StoryIndex index = new StoryIndex(StoriesConfig.defaults());
        Article copy = new Article("copy1", "Samarkand: OTS ICT ministers meet", SAMARKAND_EN, null, "Dunyo",
                null, null, null, null);
        WaitingDuplicate waiting = index.hold(copy, "en1", MONDAY.plusSeconds(60), MONDAY.plusSeconds(60));
        StoryIndex restored = new StoryIndex(StoriesConfig.defaults());
        restored.restore(StoryChangelog.waitingKey("copy1"), waiting.toBytes());

        for (StoryIndex one : List.of(index, restored)) {
            assertThat(one.waitingDuplicates()).isEqualTo(1);
            assertThat(one.releaseOverdue(MONDAY.plusSeconds(60))).as("not overdue yet").isEmpty();
            Assignment original = one.assign(enriched("en1", "UzA", SAMARKAND_EN_TITLE, SAMARKAND_EN, MONDAY), MONDAY);
            List<StoryIndex.Released> released = one.releaseWaitingFor("en1");

            assertThat(released).singleElement().satisfies(r -> {
                assertThat(r.duplicate().article().id()).isEqualTo("copy1");
                assertThat(r.assignment()).isInstanceOf(Assignment.Inherited.class);
                assertThat(r.assignment().storyId()).isEqualTo(original.storyId());
                assertThat(r.assignment().story().reprints()).isEqualTo(1);
                assertThat(r.assignment().story().independentOutlets()).isEqualTo(1);
            });
            assertThat(one.waitingDuplicates()).isZero();
            assertThat(one.releaseWaitingFor("en1")).isEmpty();
        }
    }

    @Test
    void shouldJudgeADuplicateOnItsOwnTextWhenItsOriginalDoesNotComeInTime() {
        StoryIndex index = new StoryIndex(StoriesConfig.defaults());
        index.assign(enriched("en2", "Trend", BAKU_EN_TITLE, BAKU_EN, MONDAY), MONDAY);
        Article copy = new Article("copy2", "OTS transport ministers meet in Baku", BAKU_EN, null, "Dunyo",
                null, null, "en", null);
        index.hold(copy, "lost-original", MONDAY.plusSeconds(60), MONDAY.plusSeconds(60));

        assertThat(index.releaseOverdue(MONDAY.plusSeconds(60))).isEmpty();
        List<StoryIndex.Released> released = index.releaseOverdue(MONDAY.plusSeconds(61));

        assertThat(released).singleElement().satisfies(r -> {
            assertThat(r.assignment()).isInstanceOf(Assignment.Joined.class);
            assertThat(r.assignment().storyId()).isEqualTo("s-en2");
            assertThat(r.assignment().story().reprints()).as("not known to be a reprint").isZero();
        });
        assertThat(index.waitingDuplicates()).isZero();
    }
}
