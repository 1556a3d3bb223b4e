package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoriesCommandTest {

    private static final String SAMARKAND_BODY = "The city of Samarkand hosted a meeting of ministers in charge of information "
            + "and communication technologies of the Organization of Turkic States on Thursday.\\n\\nSecretary General "
            + "Baghdad Amreyev opened the session. Sherzod Shermatov, the minister of digital technologies of Uzbekistan, "
            + "chaired it. Delegations of Turkey, Azerbaijan, Kazakhstan and Kyrgyzstan signed a plan on digital government services.";

    private static String line(String id, String source, String time, String title, String body) {
        return "{\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"publishedAt\":\"" + time + "\",\"title\":\""
                + title + "\",\"body\":\"" + body + "\"}";
    }

    @Test
    void shouldPrintOneStoryPerArticleInInputOrderAcrossOutletsAndLanguages() {
        String input = String.join("\n",
                line("uza-1", "UzA", "2022-10-27T09:12+05:00", "Samarkand hosts a meeting of OTS ministers in charge of ICT", SAMARKAND_BODY),
                line("dunyo-1", "Dunyo", "2022-10-27T10:40+05:00", "OTS digital ministers gather in Samarkand", SAMARKAND_BODY),
                "{\"title\":\"no body\"}",
                line("podrobno-1", "Podrobno.uz", "2022-10-27T11:05+05:00",
                        "В Самарканде прошло заседание министров ИКТ Организации тюркских государств",
                        "В четверг в Самарканде состоялось заседание министров, отвечающих за информационно-коммуникационные "
                        + "технологии стран Организации тюркских государств.\\n\\nЗаседание открыл генеральный секретарь "
                        + "организации Багдад Амреев. Председательствовал министр цифровых технологий Узбекистана Шерзод "
                        + "Шерматов. Делегации Турции, Азербайджана, Казахстана и Кыргызстана подписали план по электронным "
                        + "государственным услугам."),
                line("trend-1", "Trend", "2022-10-29T12:00+04:00", "Baku hosts a meeting of OTS transport ministers",
                        "The city of Baku hosted a meeting of ministers of transport of the Organization of Turkic States on "
                        + "Saturday.\\n\\nRashad Nabiyev, the minister of digital development and transport of Azerbaijan, "
                        + "chaired the session. Delegations of Turkey, Uzbekistan, Kazakhstan and Kyrgyzstan discussed freight "
                        + "corridors across the Caspian Sea."));
        InputStream originalIn = System.in;
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            CliRun run = CliRun.of("stories", "--explain");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.stderr()).contains("error: stdin:3: missing required field 'body'");
            List<JsonNode> out = run.stdout().lines().map(StoriesCommandTest::json).toList();
            assertThat(out).extracting(n -> n.get("id").asText()).containsExactly("uza-1", "dunyo-1", "podrobno-1", "trend-1");
            assertThat(out).extracting(n -> n.get("storyId").asText())
                    .containsExactly("s-uza-1", "s-uza-1", "s-uza-1", "s-trend-1");
            assertThat(out).extracting(n -> n.get("decidedBy").asText())
                    .containsExactly("NEW", "DUPLICATE", "ENTITIES", "NEW");
        } finally {
            System.setIn(originalIn);
        }
    }

    @Test
    void shouldStopOnAMistypedStoriesSettingNamingIt() {
        CliRun typo = CliRun.of("stories", "--set", "stories.treshold.join=0.3");
        CliRun invalid = CliRun.of("stories", "--set", "stories.quiet.period=three days");

        assertThat(typo.exitCode()).isEqualTo(1);
        assertThat(typo.stderr()).contains("stories.treshold.join").contains("did you mean stories.threshold.join?");
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.stderr()).contains("stories.quiet.period").contains("three days");
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
