package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.events.EventJson;
import dev.newsflow.testkit.LocalWebServer;
import dev.newsflow.testkit.LocalWebServer.Response;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {
    static final String PAGE = """
            <html lang="ru"><head><title>Форум в Ташкенте</title>
            <meta name="author" content="Анна Петрова"><meta property="article:published_time" content="2026-11-30T09:00:00+05:00">
            </head><body><nav><a href="/">Главная</a> <a href="/news">Новости</a></nav>
            <article><p>Делегации пяти стран собрались в Ташкенте на региональный форум по управлению водными ресурсами.</p>
            <p>Министры договорились еженедельно обмениваться данными о стоке рек, сообщили организаторы.</p></article>
            <footer>Все права защищены.</footer></body></html>
            """;

    @Test
    void shouldPrintOneJsonLinePerPageAndNameTheOneThatCannotBeRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("page.html");
        Files.write(file, PAGE.getBytes(Charset.forName("windows-1251")));
        try (LocalWebServer web = LocalWebServer.start()) {
            web.serve("/page", Response.ok("text/html; charset=utf-8", PAGE));

            CliRun run = CliRun.of("extract", file.toString(), web.url("/page"), dir.resolve("missing.html").toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.stderr()).contains("error: " + dir.resolve("missing.html") + ": no such file");
            String[] lines = run.stdout().strip().split("\n");
            assertThat(lines).hasSize(2);
            JsonNode fromFile = EventJson.mapper().readTree(lines[0]);
            assertThat(fromFile.get("file").asText()).isEqualTo(file.toString());
            assertThat(fromFile.get("title").asText()).isEqualTo("Форум в Ташкенте");
            assertThat(fromFile.get("text").asText()).isEqualTo(
                    "Делегации пяти стран собрались в Ташкенте на региональный форум по управлению водными ресурсами.\n\n"
                            + "Министры договорились еженедельно обмениваться данными о стоке рек, сообщили организаторы.");
            assertThat(fromFile.get("author").asText()).isEqualTo("Анна Петрова");
            assertThat(fromFile.get("publishedAt").asText()).isEqualTo("2026-11-30T09:00+05:00");
            assertThat(fromFile.get("language").asText()).isEqualTo("ru");
            JsonNode fromUrl = EventJson.mapper().readTree(lines[1]);
            assertThat(fromUrl.get("url").asText()).isEqualTo(web.url("/page"));
            assertThat(fromUrl.get("text").asText()).isEqualTo(fromFile.get("text").asText());
        }
    }
}
