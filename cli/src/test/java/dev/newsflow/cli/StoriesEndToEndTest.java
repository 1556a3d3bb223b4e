package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.events.EventJson;
import dev.newsflow.events.StoryUpdate;
import dev.newsflow.storage.ArticleStore;
import dev.newsflow.storage.StoryDetails;
import dev.newsflow.testkit.KafkaBroker;
import dev.newsflow.testkit.RealKafkaExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done means", through the commands a user runs on the embedded broker: the seed article, republished by a
 * second outlet under a rewritten headline and reported by a Russian outlet in Russian, is one story of three articles
 * from three outlets; another ministers' meeting in another city the same week is another story. Stories survive a
 * restart of the stage, and {@code replay --stage stories} rebuilds them.
 */
@ExtendWith(RealKafkaExtension.class)
class StoriesEndToEndTest {
    private static final Path SEED = Path.of("../seeds/000_51b25be97f64b557.txt");
    private static final String SEED_ID = "51b25be97f64b557";

    /** The seed's text under another outlet's headline: a reprint. */
    private static String republished() throws Exception {
        List<String> lines = Files.readAllLines(SEED);
        String body = String.join("\n", lines.subList(3, lines.size() - 1)).strip();
        return jsonLine("dunyo-ots-ict", "Dunyo.info", "2022-10-27T11:40+05:00",
                "Turkic states' ICT ministers meet in Samarkand ahead of the November summit", body);
    }

    private static final String RUSSIAN = jsonLine("podrobno-ots-ict", "Podrobno.uz", "2022-10-27T12:05+05:00",
            "В Самарканде прошло заседание министров ИКТ Организации тюркских государств",
            "В Самарканде состоялось заседание министров, отвечающих за информационно-коммуникационные технологии стран "
                    + "Организации тюркских государств.\n\nГенеральный секретарь Организации тюркских государств Багдад Амреев "
                    + "отметил, что это четвертое заседание министров ИКТ отвечает повестке саммита глав государств, который "
                    + "пройдет в ноябре в Самарканде.\n\nМинистр по развитию информационных технологий и коммуникаций "
                    + "Узбекистана Шерзод Шерматов отметил роль Турции как связующего звена между странами Организации и "
                    + "Европой. Министр цифрового развития Казахстана Багдат Мусин рассказал о проекте сети инновационных "
                    + "систем. Представители Кыргызстана и Азербайджана также выступили с инициативами.\n\nМинистры "
                    + "подписали меморандум по обсужденным вопросам.");

    private static final String BAKU = jsonLine("trend-ots-transport", "Trend", "2022-10-29T10:00+04:00",
            "Baku hosts a meeting of transport ministers of the Organization of Turkic States",
            "Baku hosted a meeting of ministers of transport of the Organization of Turkic States.\n\nThe Minister of Digital "
                    + "Development and Transport of Azerbaijan Rashad Nabiyev said that the Middle Corridor across the Caspian "
                    + "Sea is turning into a profitable route for freight between Asia and Europe.\n\nRepresentatives of "
                    + "Uzbekistan, Kazakhstan, Kyrgyzstan and Türkiye presented initiatives on railway tariffs and border "
                    + "crossings. Deputy Secretary General Omer Kocaman spoke about a joint logistics platform.\n\nThe ministers "
                    + "signed a memorandum on the issues discussed.");

    private static String jsonLine(String id, String source, String publishedAt, String title, String body) {
        var line = EventJson.mapper().createObjectNode().put("id", id).put("source", source).put("publishedAt", publishedAt)
                .put("title", title).put("body", body);
        return line.toString() + "\n";
    }

    private static String[] run(KafkaBroker broker, Path dir, String suffix, Path... inputs) {
        List<String> args = new ArrayList<>(List.of("run", "--bootstrap-servers", broker.bootstrapServers(), "--exit-when-idle",
                "--port", "0", "--data-dir", dir.toString(), "--topic-suffix", suffix, "--pipeline-name", suffix));
        for (Path input : inputs) {
            args.add(input.toString());
        }
        return args.toArray(String[]::new);
    }

    private static Path write(Path dir, String name, String content) throws Exception {
        Path file = dir.resolve("in").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    @Test
    void shouldGroupTheSeedItsRepublicationAndARussianReportAsOneStoryAndAnotherMeetingApart(KafkaBroker broker,
                                                                                               @TempDir Path dir) throws Exception {
        String suffix = KafkaBroker.uniqueName("stories");
        Path others = write(dir, "others.jsonl", republished() + RUSSIAN + BAKU);

        CliRun run = CliRun.of(run(broker, dir, suffix, SEED, others));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("published: 4, unique: 3, duplicates: 1, enriched: 3, grouped: 4, stored: 4");
        try (ArticleStore store = ArticleStore.open("jdbc:sqlite:" + dir.resolve("newsflow.db"))) {
            String storyId = store.findArticle(SEED_ID).orElseThrow().storyId();
            assertThat(store.findArticle("dunyo-ots-ict").orElseThrow().storyId()).isEqualTo(storyId);
            assertThat(store.findArticle("podrobno-ots-ict").orElseThrow().storyId()).isEqualTo(storyId);
            String baku = store.findArticle("trend-ots-transport").orElseThrow().storyId();
            assertThat(baku).isNotNull().isNotEqualTo(storyId);

            StoryDetails story = store.findStory(storyId, 100).orElseThrow();
            assertThat(story.articles()).hasSize(3);
            assertThat(story.outlets()).extracting(StoryDetails.Outlet::source)
                    .containsExactlyInAnyOrder("UzA", "Dunyo.info", "Podrobno.uz");
            assertThat(story.story().articles()).isEqualTo(3);
            assertThat(story.story().reprints()).as("the republication").isEqualTo(1);
            assertThat(story.story().independentOutlets()).isEqualTo(2);
            assertThat(story.story().languages()).containsExactly("en", "ru");
            assertThat(story.articles()).filteredOn(a -> a.id().equals("dunyo-ots-ict"))
                    .singleElement().satisfies(a -> assertThat(a.decidedBy()).isEqualTo("duplicate"));
            assertThat(store.findStory(baku, 100).orElseThrow().articles()).extracting(StoryDetails.Article::id)
                    .containsExactly("trend-ots-transport");
            assertThat(store.topStories(168, 10).stories()).extracting(r -> r.story().id()).containsExactly(storyId, baku);
        }
        List<StoryUpdate> updates = ContractTopics.readAll(broker, "news.stories." + suffix).stream()
                .map(record -> EventJson.fromBytes(record.value(), StoryUpdate.class)).toList();
        assertThat(updates).hasSize(4);
        assertThat(updates.stream().map(StoryUpdate::storyId).collect(Collectors.toSet())).hasSize(2);
    }

    @Test
    void shouldKeepItsStoriesAcrossARestartAndRebuildThemOnReplay(KafkaBroker broker, @TempDir Path dir) throws Exception {
        String suffix = KafkaBroker.uniqueName("restart");
        Path republished = write(dir, "dunyo.jsonl", republished());
        Path later = write(dir, "later.jsonl", RUSSIAN + BAKU);

        CliRun first = CliRun.of(run(broker, dir, suffix, SEED, republished));
        CliRun afterRestart = CliRun.of(run(broker, dir, suffix, later));

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(first.stdout()).contains("grouped: 2");
        assertThat(afterRestart.exitCode()).as(afterRestart.stderr()).isZero();
        assertThat(afterRestart.stdout()).contains("grouped: 2");
        Set<String> before = groups(dir);
        assertThat(before).containsExactlyInAnyOrder(SEED_ID + ",dunyo-ots-ict,podrobno-ots-ict", "trend-ots-transport");

        CliRun replay = CliRun.of("replay", "--stage", "stories", "--bootstrap-servers", broker.bootstrapServers(),
                "--topic-suffix", suffix, "--pipeline-name", suffix);
        assertThat(replay.exitCode()).as(replay.stderr()).isZero();
        assertThat(replay.stdout()).contains("stage stories (group " + suffix + "-stories) will re-process from the beginning")
                .containsPattern("stories changelog news\\.stories\\.index\\." + suffix + ": \\d+ entries forgotten");
        CliRun rebuilt = CliRun.of(run(broker, dir, suffix, write(dir, "again.jsonl", BAKU)));

        assertThat(rebuilt.exitCode()).as(rebuilt.stderr()).isZero();
        assertThat(rebuilt.stdout()).as("the four articles grouped again; the re-sent one is known")
                .contains("published: 1, unique: 0, duplicates: 1, enriched: 0, grouped: 4,");
        assertThat(groups(dir)).isEqualTo(before);
    }

    /** The stored stories as the sorted ids of their articles, and no story without articles. */
    private static Set<String> groups(Path dir) {
        try (ArticleStore store = ArticleStore.open("jdbc:sqlite:" + dir.resolve("newsflow.db"))) {
            return store.topStories(720, 100).stories().stream()
                    .map(ranked -> store.findStory(ranked.story().id(), 100).orElseThrow().articles().stream()
                            .map(StoryDetails.Article::id).sorted().collect(Collectors.joining(",")))
                    .collect(Collectors.toSet());
        }
    }
}
