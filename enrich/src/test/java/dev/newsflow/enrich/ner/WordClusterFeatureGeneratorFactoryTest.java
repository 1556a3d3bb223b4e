package dev.newsflow.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import org.junit.jupiter.api.Test;

class WordClusterFeatureGeneratorFactoryTest {

    @Test
    void shouldGiveInflectedNamesTheClustersOfTheirStem() {
        Locale turkish = Locale.forLanguageTag("tr");
        assertThat(WordClusterFeatureGeneratorFactory.normalize("Türkiye'nin", turkish)).isEqualTo("türkiye");
        assertThat(WordClusterFeatureGeneratorFactory.normalize("İstanbul", turkish)).isEqualTo("istanbul");
        assertThat(WordClusterFeatureGeneratorFactory.normalize("ISPARTA", turkish)).isEqualTo("ısparta");
    }

    @Test
    void shouldPutCountriesTogetherAndEmitEveryLevelForTheTokenAndItsNeighbours() {
        byte[] descriptor = ("<featureGenerators name=\"clusters\"><generator class=\"" + WordClusterFeatureGeneratorFactory.class.getName()
                + "\"><str name=\"resource\">/dev/newsflow/enrich/ner/tr.clusters.tsv</str><str name=\"language\">tr</str>"
                + "</generator></featureGenerators>").getBytes(StandardCharsets.UTF_8);
        AdaptiveFeatureGenerator generator = CrfEntityRecognizer.generator(descriptor);

        List<String> almanya = features(generator, new String[] {"Almanya'ya", "gitti"}, 0);
        List<String> fransa = features(generator, new String[] {"Fransa'ya", "gitti"}, 0);

        assertThat(almanya).filteredOn(f -> f.startsWith("cl0.0=")).hasSize(1).isEqualTo(
                fransa.stream().filter(f -> f.startsWith("cl0.0=")).toList()); // countries share the coarse cluster
        assertThat(almanya).anyMatch(f -> f.startsWith("cl2.0=")).anyMatch(f -> f.startsWith("cl0.1="))
                .noneMatch(f -> f.contains(".-1="));
        assertThat(features(generator, new String[] {"xqzw"}, 0)).isEmpty();
    }

    private static List<String> features(AdaptiveFeatureGenerator generator, String[] tokens, int index) {
        List<String> features = new ArrayList<>();
        generator.createFeatures(features, tokens, index, null);
        return features;
    }
}
