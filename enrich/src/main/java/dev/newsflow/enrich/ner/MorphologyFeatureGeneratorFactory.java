package dev.newsflow.enrich.ner;

import dev.newsflow.enrich.names.RussianMorphology;
import java.util.List;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/**
 * OpenNLP feature generator for what a morphological dictionary says of the current token: its coarse readings
 * ({@code mt=NN:Fam}, {@code mt=NN:Name}, {@code mt=ADJ}, {@code mt=?} for a word the dictionary does not know) and
 * its lemma ({@code ml=москва} for Москве, Москву, Москвы), so that every case form of a name shares features and a
 * word the dictionary knows as a surname or a first name says so. Russian only, through {@link RussianMorphology};
 * put it in a window to see the neighbours'. Configured as {@code <generator
 * class="dev.newsflow.enrich.ner.MorphologyFeatureGeneratorFactory"><str name="language">ru</str></generator>}.
 * Stateless and thread-safe.
 */
public final class MorphologyFeatureGeneratorFactory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {

    @Override
    public AdaptiveFeatureGenerator create() throws InvalidFormatException {
        if (!"ru".equals(getStr("language"))) {
            throw new InvalidFormatException("morphology features exist for language ru only, not '" + getStr("language") + "'");
        }
        return new Generator(RussianMorphology.shared());
    }

    /** The features of one word, in order: its coarse readings, then its lemma. */
    static List<String> features(RussianMorphology morphology, String word) {
        return morphology.features(word);
    }

    private record Generator(RussianMorphology morphology) implements AdaptiveFeatureGenerator {
        @Override
        public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
            features.addAll(features(morphology, tokens[index]));
        }
    }
}
