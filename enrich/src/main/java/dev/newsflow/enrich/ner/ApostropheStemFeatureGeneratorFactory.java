package dev.newsflow.enrich.ner;

import java.util.List;
import java.util.Locale;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/**
 * OpenNLP feature generator for the apostrophe that Turkish and Azerbaijani put between a proper name and its
 * suffixes ({@code Adana'da}, {@code Türkiye'nin}): for the current token and its neighbours it emits the
 * lower-case stem before the apostrophe, so that every inflected form of a name shares one feature, and a flag
 * saying the token carries such a suffix (only proper names do). Used in {@code ner-features.xml} as
 * {@code <generator class="dev.newsflow.enrich.ner.ApostropheStemFeatureGeneratorFactory"/>}; stateless and
 * thread-safe.
 */
public final class ApostropheStemFeatureGeneratorFactory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {

    @Override
    public AdaptiveFeatureGenerator create() {
        return new Generator();
    }

    /** The generator; stateless. */
    static final class Generator implements AdaptiveFeatureGenerator {
        @Override
        public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
            for (int offset = -1; offset <= 1; offset++) {
                int i = index + offset;
                if (i < 0 || i >= tokens.length) {
                    continue;
                }
                int apostrophe = apostrophe(tokens[i]);
                if (apostrophe > 0) {
                    features.add("apo" + offset);
                    features.add("apo" + offset + "=" + tokens[i].substring(0, apostrophe).toLowerCase(Locale.ROOT));
                }
            }
        }

        /** Where a suffix apostrophe (not the first or last character) sits in {@code token}, or -1. */
        static int apostrophe(String token) {
            for (int i = 1; i < token.length() - 1; i++) {
                char c = token.charAt(i);
                if (c == '\'' || c == '’') {
                    return i;
                }
            }
            return -1;
        }
    }
}
