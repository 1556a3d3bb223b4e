package dev.newsflow.enrich.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/**
 * OpenNLP feature generator for word clusters learned from unlabelled text ({@code tools.WordClusters}): for the
 * current token and its neighbours it emits the token's cluster at each granularity of the cluster file
 * ({@code cl1.-1=57}: coarse level... fine level, offset, cluster), so that a name never seen in the labelled
 * data still shares features with the names it keeps company with. Configured in a descriptor as
 * {@code <generator class="dev.newsflow.enrich.ner.WordClusterFeatureGeneratorFactory"><str name="resource">/dev/...
 * /tr.clusters.tsv</str><str name="language">tr</str></generator>}; a cluster file is read once per process.
 * Stateless and thread-safe.
 */
public final class WordClusterFeatureGeneratorFactory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {
    private static final Map<String, Map<String, String[]>> FILES = new ConcurrentHashMap<>();

    @Override
    public AdaptiveFeatureGenerator create() throws InvalidFormatException {
        String resource = getStr("resource");
        Locale locale = Locale.forLanguageTag(getStr("language"));
        return new Generator(clusters(resource), locale);
    }

    /** Lower case in the language's rules, and the stem before a suffix apostrophe: Türkiye'nin -> türkiye. */
    public static String normalize(String token, Locale locale) {
        int apostrophe = ApostropheStemFeatureGeneratorFactory.Generator.apostrophe(token);
        return (apostrophe > 0 ? token.substring(0, apostrophe) : token).toLowerCase(locale);
    }

    /** The clusters of a cluster file, read once per process: normalized word to its cluster at each level. */
    static Map<String, String[]> clusters(String resource) {
        return FILES.computeIfAbsent(resource, WordClusterFeatureGeneratorFactory::load);
    }

    private static Map<String, String[]> load(String resource) {
        try (InputStream in = WordClusterFeatureGeneratorFactory.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("word cluster file not on the class path: " + resource);
            }
            Map<String, String[]> clusters = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String[] columns = line.split("\t");
                String[] levels = new String[columns.length - 1];
                System.arraycopy(columns, 1, levels, 0, levels.length);
                clusters.put(columns[0], levels);
            }
            return clusters;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word clusters " + resource, e);
        }
    }

    /** The generator over one cluster file; stateless. */
    private record Generator(Map<String, String[]> clusters, Locale locale) implements AdaptiveFeatureGenerator {
        @Override
        public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
            for (int offset = -1; offset <= 1; offset++) {
                int i = index + offset;
                if (i < 0 || i >= tokens.length) {
                    continue;
                }
                String[] levels = clusters.get(normalize(tokens[i], locale));
                for (int level = 0; levels != null && level < levels.length; level++) {
                    features.add("cl" + level + "." + offset + "=" + levels[level]);
                }
            }
        }
    }
}
