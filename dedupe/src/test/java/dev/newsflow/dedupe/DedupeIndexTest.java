package dev.newsflow.dedupe;

import static dev.newsflow.dedupe.Stories.CANAL;
import static dev.newsflow.dedupe.Stories.CANAL_FOLLOWUP;
import static dev.newsflow.dedupe.Stories.CANAL_FOLLOWUP_TITLE;
import static dev.newsflow.dedupe.Stories.CANAL_TITLE;
import static dev.newsflow.dedupe.Stories.DRIP;
import static dev.newsflow.dedupe.Stories.DRIP_TITLE;
import static dev.newsflow.dedupe.Stories.FAIR;
import static dev.newsflow.dedupe.Stories.FAIR_TITLE;
import static dev.newsflow.dedupe.Stories.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.events.Article;
import dev.newsflow.events.DuplicateMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DedupeIndexTest {

    private static final Instant T0 = Instant.parse("2026-11-20T04:00:00Z");

    private final DedupeIndex index = new DedupeIndex(DedupeConfig.defaults());

    private final Article canal = article("uza-1", CANAL_TITLE, CANAL);

    private Verdict judgeAfterCanal(Article copy) {
        assertThat(index.judge(canal, T0)).isInstanceOf(Verdict.Unique.class);
        return index.judge(copy, T0.plusSeconds(600));
    }

    private static void assertNearOf(Verdict verdict, String original) {
        assertThat(verdict).isInstanceOfSatisfying(Verdict.Duplicate.class, d -> {
            assertThat(d.duplicateOf()).isEqualTo(original);
            assertThat(d.method()).isEqualTo(DuplicateMethod.NEAR);
            assertThat(d.similarity()).isBetween(0.5, 1.0);
        });
    }

    private static List<String> paragraphs(List<String> base) {
        return new ArrayList<>(base);
    }

    @Test
    void shouldJudgeFirstArticleUniqueAndRememberIt() {
        Verdict verdict = index.judge(canal, T0);

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Unique.class, u -> {
            assertThat(u.entry().articleId()).isEqualTo("uza-1");
            assertThat(u.entry().firstSeen()).isEqualTo(T0);
        });
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.contains("uza-1")).isTrue();
    }

    @Test
    void shouldDetectCopyWithOtherCaseSpacingAndPunctuationAsExact() {
        String body = String.join("\n\n", CANAL).toUpperCase(java.util.Locale.ROOT)
                .replace(". ", " .   ").replace(",", " ;");
        Verdict verdict = judgeAfterCanal(article("agency-7", CANAL_TITLE.toLowerCase(java.util.Locale.ROOT), body));

        assertThat(verdict).isEqualTo(new Verdict.Duplicate("uza-1", 1.0, DuplicateMethod.EXACT));
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void shouldDetectUzbekCyrillicAndLatinOfTheSameTextAsExact() {
        Article cyrillic = article("uz-cyr", "Тошкентда янги мактаб очилди",
                "Тошкент шаҳрида янги мактаб очилди. Маросимда вазирлик вакиллари, ота-оналар ва ўқувчилар иштирок"
                        + " этди.\n\nМактаб 1200 ўринга мўлжалланган бўлиб, унда замонавий кутубхона, спорт зали ва"
                        + " компьютер синфлари мавжуд. Ҳоким таъкидлаганидек, келгуси йилда туманда яна учта мактаб"
                        + " қурилади.");
        Article latin = article("uz-lat", "Toshkentda yangi maktab ochildi",
                "Toshkent shahrida yangi maktab ochildi. Marosimda vazirlik vakillari, ota-onalar va o‘quvchilar"
                        + " ishtirok etdi.\n\nMaktab 1200 o‘ringa mo'ljallangan bo‘lib, unda zamonaviy kutubxona, sport"
                        + " zali va kompyuter sinflari mavjud. Hokim ta’kidlaganidek, kelgusi yilda tumanda yana uchta"
                        + " maktab quriladi.");

        assertThat(index.judge(cyrillic, T0)).isInstanceOf(Verdict.Unique.class);
        assertThat(index.judge(latin, T0.plusSeconds(5)))
                .isEqualTo(new Verdict.Duplicate("uz-cyr", 1.0, DuplicateMethod.EXACT));
    }

    @Test
    void shouldDetectAddedDatelineAsNear() {
        List<String> body = paragraphs(CANAL);
        body.set(0, "KARSHI, Nov 20 (UzA) -- " + body.get(0));
        assertNearOf(judgeAfterCanal(article("wire-1", CANAL_TITLE, body)), "uza-1");
    }

    @Test
    void shouldDetectAddedBylineAndFooterAsNear() {
        List<String> body = paragraphs(CANAL);
        body.add(0, "By Dilnoza Karimova, staff correspondent");
        body.add("Reporting by Dilnoza Karimova; editing by Timur Sadykov. Follow our agency on Telegram for the"
                + " latest news from the regions. All rights reserved.");
        assertNearOf(judgeAfterCanal(article("wire-2", CANAL_TITLE, body)), "uza-1");
    }

    @Test
    void shouldDetectTrimmedFinalParagraphsAsNear() {
        List<String> body = paragraphs(CANAL).subList(0, 3);
        assertNearOf(judgeAfterCanal(article("wire-3", CANAL_TITLE, body)), "uza-1");
    }

    @Test
    void shouldDetectSmallWordEditsAsNear() {
        String body = String.join("\n\n", CANAL)
                .replace("said on Thursday", "announced on Thursday")
                .replace("about 40,000", "roughly 40,000")
                .replace("should be finished", "is due to be completed")
                .replace("complained for years", "long complained")
                .replace("Its total cost is put at", "It will cost")
                .replace("told reporters", "said");
        assertNearOf(judgeAfterCanal(article("wire-4", CANAL_TITLE, body)), "uza-1");
    }

    @Test
    void shouldDetectQuoteAndDashNormalizationAsExactOrNear() {
        String body = String.join("\n\n", CANAL)
                .replace("farmers' associations", "farmers’ associations")
                .replace("energy-efficient", "energy–efficient")
                .replace("earthworks,", "earthworks —")
                .replace("Karshi main canal,", "«Karshi main canal»,");
        Verdict verdict = judgeAfterCanal(article("wire-5", CANAL_TITLE, body));

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Duplicate.class, d -> {
            assertThat(d.duplicateOf()).isEqualTo("uza-1");
            assertThat(d.similarity()).isGreaterThan(0.9);
        });
    }

    @Test
    void shouldDetectRewrittenHeadlineAsNear() {
        Article copy = article("wire-6", "Uzbekistan to rebuild Karshi canal with ADB loan", String.join("\n\n", CANAL));
        assertNearOf(judgeAfterCanal(copy), "uza-1");
    }

    @Test
    void shouldDetectParagraphOrderChangeAsNear() {
        List<String> body = paragraphs(CANAL);
        java.util.Collections.swap(body, 1, 3);
        java.util.Collections.swap(body, 2, 4);
        assertNearOf(judgeAfterCanal(article("wire-7", CANAL_TITLE, body)), "uza-1");
    }

    @Test
    void shouldDetectExtendedCopyAsNearByContainment() {
        List<String> body = paragraphs(CANAL).subList(0, 2);
        Article shortVersion = article("flash-1", CANAL_TITLE, body);
        assertThat(index.judge(shortVersion, T0)).isInstanceOf(Verdict.Unique.class);

        Verdict verdict = index.judge(canal, T0.plusSeconds(60));

        assertNearOf(verdict, "flash-1");
    }

    @Test
    void shouldKeepSameTopicSameDayDifferentStoryUnique() {
        Verdict verdict = judgeAfterCanal(article("uza-2", DRIP_TITLE, DRIP));
        assertThat(verdict).isInstanceOf(Verdict.Unique.class);
    }

    @Test
    void shouldKeepFollowUpSharingTheLeadParagraphUnique() {
        Verdict verdict = judgeAfterCanal(article("uza-3", CANAL_FOLLOWUP_TITLE, CANAL_FOLLOWUP));
        assertThat(verdict).isInstanceOf(Verdict.Unique.class);
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void shouldJudgeResentIdAsExactDuplicateOfItself() {
        index.judge(canal, T0);

        assertThat(index.judge(canal, T0.plusSeconds(30)))
                .isEqualTo(new Verdict.Duplicate("uza-1", 1.0, DuplicateMethod.EXACT));
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void shouldPassACorrectedTextUnderTheSameIdOnAsAnUpdateThatReplacesItsEntry() {
        index.judge(canal, T0);
        Article corrected = article("uza-1", "A different headline after a correction", String.join("\n\n", FAIR));

        Verdict verdict = index.judge(corrected, T0.plusSeconds(30));

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Unique.class, unique -> {
            assertThat(unique.entry().articleId()).isEqualTo("uza-1");
            assertThat(unique.entry().firstSeen()).isEqualTo(T0);
        });
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.judge(corrected, T0.plusSeconds(40)))
                .isEqualTo(new Verdict.Duplicate("uza-1", 1.0, DuplicateMethod.EXACT));
        assertThat(index.judge(article("other", CANAL_TITLE, CANAL), T0.plusSeconds(50))).isInstanceOf(Verdict.Unique.class);
    }

    @Test
    void shouldNameTheFirstSeenOriginalWhenACopyOfACopyArrives() {
        List<String> trimmed = paragraphs(CANAL).subList(0, 4);
        index.judge(canal, T0);
        index.judge(article("copy-1", CANAL_TITLE, trimmed), T0.plusSeconds(10));

        Verdict verdict = index.judge(article("copy-2", "Karshi canal to be rebuilt", trimmed), T0.plusSeconds(20));

        assertNearOf(verdict, "uza-1");
        assertThat(index.contains("copy-1")).isFalse();
    }

    @Test
    void shouldGiveTheSameVerdictsAfterRestoreFromChangelogEntries() {
        List<Article> first = List.of(canal, article("uza-2", DRIP_TITLE, DRIP),
                article("uza-4", FAIR_TITLE, FAIR), article("uza-3", CANAL_FOLLOWUP_TITLE, CANAL_FOLLOWUP));
        List<byte[]> changelog = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            if (index.judge(first.get(i), T0.plusSeconds(i)) instanceof Verdict.Unique u) {
                changelog.add(u.entry().toBytes());
            }
        }
        DedupeIndex restored = new DedupeIndex(DedupeConfig.defaults());
        changelog.forEach(bytes -> restored.restore(IndexEntry.fromBytes(bytes)));

        List<Article> next = List.of(
                article("n-1", "Karshi canal rebuild approved", String.join("\n\n", CANAL.subList(0, 4))),
                article("n-2", FAIR_TITLE, String.join("\n\n", FAIR)),
                article("n-3", "Drip irrigation spreads", String.join("\n\n", DRIP.subList(1, 4))),
                article("uza-2", "resent", "resent body"),
                article("n-4", "Unrelated", "A completely different short notice about a theatre premiere."));
        for (int i = 0; i < next.size(); i++) {
            Instant at = T0.plusSeconds(100 + i);
            assertThat(restored.judge(next.get(i), at)).isEqualTo(index.judge(next.get(i), at));
        }
        assertThat(restored.size()).isEqualTo(index.size()).isEqualTo(5);
    }

    @Test
    void shouldExpireArticlesFirstSeenBeforeTheWindowAndForgetThem() {
        DedupeIndex small = new DedupeIndex(DedupeConfig.defaults().withWindow(Duration.ofHours(1)));
        small.judge(canal, T0);
        small.judge(article("uza-4", FAIR_TITLE, FAIR), T0.plusSeconds(1800));

        assertThat(small.expire(T0.plusSeconds(3600))).isEmpty();
        assertThat(small.expire(T0.plusSeconds(3601))).containsExactly("uza-1");
        assertThat(small.size()).isEqualTo(1);
        assertThat(small.judge(article("copy", CANAL_TITLE, CANAL), T0.plusSeconds(3700)))
                .isInstanceOf(Verdict.Unique.class);
    }

    @Test
    void shouldNotMatchArticlesOutsideTheWindowEvenBeforeExpireIsCalled() {
        DedupeIndex small = new DedupeIndex(DedupeConfig.defaults().withWindow(Duration.ofHours(1)));
        small.judge(canal, T0);

        Verdict late = small.judge(article("late-copy", CANAL_TITLE, CANAL), T0.plus(Duration.ofHours(2)));

        assertThat(late).isInstanceOf(Verdict.Unique.class);
        assertThat(small.expire(T0.plus(Duration.ofHours(2)))).containsExactly("uza-1");
        assertThat(small.contains("late-copy")).isTrue();
    }

    @Test
    void shouldGiveIdenticalVerdictsForTheSameSequenceInTwoIndexes() {
        DedupeIndex other = new DedupeIndex(DedupeConfig.defaults());
        List<Article> sequence = List.of(canal, article("a", CANAL_TITLE, CANAL.subList(0, 3)),
                article("b", DRIP_TITLE, DRIP), article("c", FAIR_TITLE, FAIR), article("d", DRIP_TITLE, DRIP));
        for (Article a : sequence) {
            assertThat(other.judge(a, T0)).isEqualTo(index.judge(a, T0));
        }
    }

    @Test
    void shouldReuseFreedSlotsAndKeepMatchingAfterManyInsertsAndExpiries() {
        DedupeIndex small = new DedupeIndex(DedupeConfig.defaults().withWindow(Duration.ofSeconds(100)));
        for (int i = 0; i < 3000; i++) {
            Instant at = T0.plusSeconds(i);
            small.expire(at);
            String body = "Bulletin number " + i + " of the regional weather service: " + "temperature " + (i % 37)
                    + " degrees, wind " + (i % 11) + " metres per second, humidity " + (i * 7 % 100) + " percent"
                    + " in district " + i + " with visibility " + (i * 13 % 50) + " kilometres.";
            assertThat(small.judge(article("w-" + i, "Weather " + i, body), at))
                    .as("bulletin %d", i).isInstanceOf(Verdict.Unique.class);
        }
        assertThat(small.size()).isEqualTo(101);
        small.judge(canal, T0.plusSeconds(3000));
        assertThat(small.judge(article("copy", CANAL_TITLE, CANAL.subList(0, 4)), T0.plusSeconds(3001)))
                .isInstanceOf(Verdict.Duplicate.class);
    }

    @Test
    void shouldRejectEntriesMadeWithAnotherConfiguration() {
        DedupeIndex other = new DedupeIndex(DedupeConfig.fromMap(Map.of(DedupeConfig.SHINGLE_SIZE, "4")));
        IndexEntry entry = ((Verdict.Unique) index.judge(canal, T0)).entry();

        assertThatThrownBy(() -> other.restore(entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("uza-1").hasMessageContaining(DedupeConfig.SHINGLE_SIZE);
    }
}
