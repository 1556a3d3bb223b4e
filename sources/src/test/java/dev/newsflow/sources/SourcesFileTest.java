package dev.newsflow.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SourcesFileTest {
    private static final Path FILE = Path.of("/etc/newsflow/sources.yml");

    @Test
    void shouldReadTheShapeTheIssueGivesAsWritten() {
        SourcesFile file = SourcesFile.parse(FILE, """
                sources:
                  - name: Example Agency      # becomes the article's `source` unless the page names one
                    kind: feed                # feed | sitemap | folder
                    url: https://example.org/rss.xml
                    every: 5m
                    fullText: true
                    language: en              # optional hint
                """);

        assertThat(file.sources()).singleElement().satisfies(spec -> {
            assertThat(spec.name()).isEqualTo("Example Agency");
            assertThat(spec.kind()).isEqualTo(SourceKind.FEED);
            assertThat(spec.url()).hasToString("https://example.org/rss.xml");
            assertThat(spec.every()).isEqualTo(Duration.ofMinutes(5));
            assertThat(spec.fullText()).isTrue();
            assertThat(spec.language()).isEqualTo("en");
            assertThat(spec.source()).isEqualTo("Example Agency");
        });
    }

    @Test
    void shouldReadTheExampleFileShippedWithTheProject() {
        SourcesFile file = SourcesFile.read(Path.of("../sources.example.yml"));

        assertThat(file.sources()).extracting(SourceSpec::kind)
                .contains(SourceKind.FEED, SourceKind.SITEMAP, SourceKind.FOLDER);
        new SourcesConfig(file.settings());
    }

    @Test
    void shouldResolveFoldersAgainstTheFileAndTakeDefaultsAndSettings() {
        SourcesFile file = SourcesFile.parse(FILE, """
                settings:
                  sources.host.min.delay: 2s
                sources:
                  - {name: Drop box, kind: folder, path: inbox, every: 30s}
                  - {name: News sitemap, kind: sitemap, url: "http://example.org/news.xml", source: Example, maxAge: 2d}
                """);

        assertThat(file.sources().get(0).path()).isEqualTo(Path.of("/etc/newsflow/inbox"));
        assertThat(file.sources().get(0).fullText()).isFalse();
        assertThat(file.sources().get(1).every()).isEqualTo(SourcesFile.DEFAULT_EVERY);
        assertThat(file.sources().get(1).source()).isEqualTo("Example");
        assertThat(file.sources().get(1).maxAge()).isEqualTo(Duration.ofDays(2));
        assertThat(new SourcesConfig(file.settings()).duration(SourcesConfig.HOST_DELAY)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shouldNameTheSourceAndTheFieldOfEveryMistake() {
        assertError("""
                sources:
                  - {name: A, kind: feed, url: "https://a.example/rss"}
                  - {name: B, kind: feed, url: "https://b.example/rss", every: 5 minutes}
                """, "/etc/newsflow/sources.yml: source 'B' (#2): field 'every': '5 minutes' is not a duration");
        assertError("sources:\n  - {name: A, kind: rss, url: \"https://a.example/rss\"}\n",
                "source 'A' (#1): field 'kind': 'rss' is not one of feed, sitemap, folder");
        assertError("sources:\n  - {kind: feed, url: \"https://a.example/rss\"}\n", "source #1: field 'name' is missing");
        assertError("sources:\n  - {name: A, kind: feed, url: \"ftp://a.example/rss\"}\n",
                "source 'A' (#1): field 'url': 'ftp://a.example/rss' is not an http:// or https:// URL");
        assertError("sources:\n  - {name: A, kind: feed, url: \"https://a.example/\", fulltext: true}\n",
                "source 'A' (#1): unknown field 'fulltext' (did you mean 'fullText'?)");
        assertError("sources:\n  - {name: A, kind: sitemap, url: \"https://a.example/s.xml\", fullText: false}\n",
                "source 'A' (#1): field 'fullText': a sitemap lists pages without their text");
        assertError("sources:\n  - {name: A, kind: feed, url: \"https://a.example/\", language: english}\n",
                "source 'A' (#1): field 'language': 'english' is not an ISO 639 code");
        assertError("sources:\n  - {name: A, kind: feed, url: \"https://a.example/\"}\n  - {name: a, kind: feed, url: \"https://b.example/\"}\n",
                "source 'a' (#2): field 'name': another source has this name");
        assertError("sources: [\n", "not valid YAML at line");
        assertError("feeds:\n  - x\n", "unknown top-level field 'feeds'");
    }

    @Test
    void shouldRejectAnInvalidSettingNamingItsKey() {
        SourcesFile file = SourcesFile.parse(FILE, """
                settings: {sources.host.min.delay: soon}
                sources: [{name: A, kind: feed, url: "https://a.example/"}]
                """);

        assertThatThrownBy(() -> new SourcesConfig(file.settings()))
                .hasMessageContaining("sources.host.min.delay").hasMessageContaining("'soon' is not a duration");
    }

    private static void assertError(String yaml, String message) {
        assertThatThrownBy(() -> SourcesFile.parse(FILE, yaml)).isInstanceOf(SourcesFileException.class)
                .hasMessageContaining(message);
    }
}
