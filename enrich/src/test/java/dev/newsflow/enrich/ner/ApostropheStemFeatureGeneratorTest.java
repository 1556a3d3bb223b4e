package dev.newsflow.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApostropheStemFeatureGeneratorTest {

    private final ApostropheStemFeatureGeneratorFactory.Generator generator =
            new ApostropheStemFeatureGeneratorFactory.Generator();
    private final String[] sentence = {"Türkiye'nin", "başkenti", "Ankara'dır"};

    @Test
    void shouldGiveTheStemBeforeTheSuffixApostrophe() {
        assertThat(features(0)).containsExactly("apo0", "apo0=türkiye");
        assertThat(features(2)).containsExactly("apo0", "apo0=ankara");
    }

    @Test
    void shouldDescribeTheNeighboursOfAWordWithoutApostrophe() {
        assertThat(features(1)).containsExactly("apo-1", "apo-1=türkiye", "apo1", "apo1=ankara");
    }

    private List<String> features(int index) {
        List<String> features = new ArrayList<>();
        generator.createFeatures(features, sentence, index, new String[0]);
        return features;
    }
}
