package dev.newsflow.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginsTest {
    private static final ClassLoader LOADER = PluginsTest.class.getClassLoader();

    @Test
    void shouldListTheBundledPluginsFoundThroughServiceLoader() {
        assertThat(Plugins.available(LOADER)).containsExactly("jsonl", "webhook");
    }

    @Test
    void shouldLoadAPluginByNameOrByClassName() {
        assertThat(Plugins.load("jsonl", Map.of("jsonl.dir", "/tmp/x"), LOADER)).isInstanceOf(JsonLinesSink.class);
        assertThat(Plugins.load(WebhookHandler.class.getName(), Map.of("webhook.url", "http://127.0.0.1:1/"), LOADER))
                .isInstanceOf(WebhookHandler.class);
    }

    @Test
    void shouldSayWhichPluginsExistWhenTheNameIsUnknown() {
        assertThatThrownBy(() -> Plugins.load("kafka-to-mars", Map.of(), LOADER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no plug-in named 'kafka-to-mars'").hasMessageContaining("[jsonl, webhook]");
        assertThatThrownBy(() -> Plugins.load("com.example.Missing", Map.of(), LOADER))
                .hasMessageContaining("com.example.Missing is not on the class path");
        assertThatThrownBy(() -> Plugins.load(String.class.getName(), Map.of(), LOADER))
                .hasMessageContaining("does not implement dev.newsflow.plugin.ArticleHandler");
    }

    @Test
    void shouldMatchArticlesByEntityCountryOrKeywordIgnoringCase() {
        var filter = ArticleFilter.of(List.of("Shavkat Mirziyoyev"), List.of("kz"), List.of("cotton"));
        assertThat(filter.matches(TestEvents.enriched("1", "Visit", List.of(), List.of(), "SHAVKAT MIRZIYOYEV"))).isTrue();
        assertThat(filter.matches(TestEvents.enriched("2", "Astana", List.of("KZ"), List.of(), null))).isTrue();
        assertThat(filter.matches(TestEvents.enriched("3", "Harvest", List.of(), List.of("Cotton"), null))).isTrue();
        assertThat(filter.matches(TestEvents.enriched("4", "Cotton prices rise", List.of(), List.of(), null))).isTrue();
        assertThat(filter.matches(TestEvents.enriched("5", "Cottonwood trees", List.of("UZ"), List.of(), "Someone Else")))
                .as("a keyword matches whole words only").isFalse();
        assertThat(ArticleFilter.of(List.of(), List.of(), List.of())
                .matches(TestEvents.enriched("6", "Anything", List.of(), List.of(), null))).isTrue();
    }
}
