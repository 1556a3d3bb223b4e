package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.newsflow.events.Article;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.junit.jupiter.api.Test;

class NgramLanguageDetectorTest {

    @Test
    void shouldRankEveryLanguageAsOpenNlpDoesWithTheSameProbabilities() throws IOException {
        LanguageDetectorModel model;
        try (InputStream in = LanguageAnnotator.class.getResourceAsStream(LanguageAnnotator.MODEL_RESOURCE)) {
            model = new LanguageDetectorModel(in);
        }
        NgramLanguageDetector detector = new NgramLanguageDetector(model);
        LanguageDetectorME openNlp = new LanguageDetectorME(model);

        for (String text : texts()) {
            Language[] ours = detector.predictLanguages(text);
            Language[] theirs = openNlp.predictLanguages(text);

            assertThat(ours).hasSameSizeAs(theirs);
            for (int i = 0; i < 5; i++) { // the ranks that matter; further down, near-equal tails may swap
                assertThat(ours[i].getLang()).as("rank %d of %s", i, text).isEqualTo(theirs[i].getLang());
            }
            for (Language language : ours) {
                double expected = Stream.of(theirs).filter(l -> l.getLang().equals(language.getLang())).findFirst()
                        .orElseThrow().getConfidence();
                assertThat(language.getConfidence()).as("%s in %s", language.getLang(), text).isCloseTo(expected, within(1e-9));
            }
        }
    }

    private static List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (Article article : List.of(Articles.seed(), Articles.resource("ru.txt"), Articles.resource("kk.txt"),
                Articles.resource("uz-cyrl.txt"), Articles.resource("uz-latn.txt"))) {
            String text = article.fullText();
            texts.add(text.substring(0, Math.min(300, text.length())));
            texts.add(text.substring(0, Math.min(1_000, text.length())));
        }
        texts.add("İstanbul'da düzenlenen zirvede Türkiye ve Azerbaycan liderleri bir araya geldi.");
        texts.add("Bakıda keçirilən görüşdə Azərbaycan və Özbəkistan nümayəndələri iştirak etdilər.");
        texts.add("Бишкекте өткөн жыйында Кыргызстандын өкмөтү жаңы мыйзамды талкуулады.");
        // what the normalizers remove or shrink: links, mentions, hashtags, numbers, repeated letters
        texts.add("RT @uza_uz Read more at https://uza.uz/en/posts/12345 #Samarkand 2026 sooooo goooood!!!");
        texts.add("Emoji are left to OpenNLP: \uD83D\uDE00 Samarkand summit");
        texts.add("");
        return texts;
    }
}
