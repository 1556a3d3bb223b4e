package dev.newsflow.enrich;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of the enricher, one typed value per key, validated on construction; an invalid value raises an
 * {@link IllegalArgumentException} that names the key. Immutable and thread-safe.
 *
 * @param languages          {@value #LANGUAGES}: ISO 639-1 codes the detector chooses among (default
 *                           {@value #LANGUAGES_DEFAULT}); a language outside the list is reported only when the
 *                           detector is far more sure of it than of any listed one
 * @param detectChars        {@value #DETECT_CHARS}: characters of the text given to language detection (default
 *                           {@value #DETECT_CHARS_DEFAULT}); more is slower and hardly more accurate
 * @param maxKeywords        {@value #MAX_KEYWORDS}: keywords to keep (default {@value #MAX_KEYWORDS_DEFAULT}, 1..50)
 * @param summarySentences   {@value #SUMMARY_SENTENCES}: sentences in the summary (default
 *                           {@value #SUMMARY_SENTENCES_DEFAULT}, 1..3)
 * @param wordsPerMinute     {@value #WORDS_PER_MINUTE}: reading speed (default {@value #WORDS_PER_MINUTE_DEFAULT})
 */
public record EnrichConfig(Set<String> languages, int detectChars, int maxKeywords, int summarySentences,
                           int wordsPerMinute) {

    public static final String LANGUAGES = "enrich.languages";
    public static final String LANGUAGES_DEFAULT = "en,ru,uz,kk,ky,tr,az";
    public static final String DETECT_CHARS = "enrich.language.detect.chars";
    public static final int DETECT_CHARS_DEFAULT = 1000;
    public static final String MAX_KEYWORDS = "enrich.keywords.max";
    public static final int MAX_KEYWORDS_DEFAULT = 8;
    public static final String SUMMARY_SENTENCES = "enrich.summary.sentences";
    public static final int SUMMARY_SENTENCES_DEFAULT = 2;
    public static final String WORDS_PER_MINUTE = "enrich.reading.words.per.minute";
    public static final int WORDS_PER_MINUTE_DEFAULT = 200;

    /** Every setting with its type, default, validator and doc, the way Kafka defines its own; {@code newsflow config} lists them. */
    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(LANGUAGES, Type.LIST, LANGUAGES_DEFAULT, ConfigDef.LambdaValidator.with((name, value) -> {
                for (Object code : (List<?>) value) {
                    if (!code.toString().matches("[a-z]{2}")) {
                        throw new ConfigException(name, value, "must list ISO 639-1 codes, had '" + code + "'");
                    }
                }
            }, () -> "ISO 639-1 codes"), Importance.MEDIUM, "ISO 639-1 codes the language detector chooses among; a language outside the list is "
                    + "reported only when the detector is far more sure of it than of any listed one.")
            .define(DETECT_CHARS, Type.INT, DETECT_CHARS_DEFAULT, Range.between(100, 1_000_000), Importance.LOW,
                    "Characters of the text given to language detection; more is slower and hardly more accurate.")
            .define(MAX_KEYWORDS, Type.INT, MAX_KEYWORDS_DEFAULT, Range.between(1, 50), Importance.MEDIUM, "Keywords to keep.")
            .define(SUMMARY_SENTENCES, Type.INT, SUMMARY_SENTENCES_DEFAULT, Range.between(1, 3), Importance.MEDIUM,
                    "Sentences in the extractive summary.")
            .define(WORDS_PER_MINUTE, Type.INT, WORDS_PER_MINUTE_DEFAULT, Range.between(50, 2_000), Importance.LOW,
                    "Reading speed behind readingTimeSeconds.");

    public EnrichConfig {
        languages = Set.copyOf(languages);
        for (String language : languages) {
            if (!language.matches("[a-z]{2}")) {
                throw new IllegalArgumentException(LANGUAGES + " must list ISO 639-1 codes, had '" + language + "'");
            }
        }
        check(DETECT_CHARS, detectChars, 100, 1_000_000);
        check(MAX_KEYWORDS, maxKeywords, 1, 50);
        check(SUMMARY_SENTENCES, summarySentences, 1, 3);
        check(WORDS_PER_MINUTE, wordsPerMinute, 50, 2_000);
    }

    /** The defaults. */
    public static EnrichConfig defaults() {
        return from(Map.of());
    }

    /**
     * Reads the keys above from string properties; absent keys take their defaults.
     *
     * @throws IllegalArgumentException naming the key of an unknown {@code enrich.*} key or an invalid value
     */
    public static EnrichConfig from(Map<String, String> properties) {
        for (String key : properties.keySet()) {
            if (key.startsWith("enrich.") && !DEFINITION.names().contains(key)) {
                throw new IllegalArgumentException("unknown setting " + key + "; the enrich settings are " + new TreeSet<>(DEFINITION.names()));
            }
        }
        Map<String, String> own = new HashMap<>(properties);
        own.keySet().retainAll(DEFINITION.names());
        Map<String, Object> values;
        try {
            values = DEFINITION.parse(own);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Set<String> codes = new LinkedHashSet<>();
        ((List<?>) values.get(LANGUAGES)).forEach(code -> codes.add(code.toString().strip()));
        return new EnrichConfig(codes, (Integer) values.get(DETECT_CHARS), (Integer) values.get(MAX_KEYWORDS),
                (Integer) values.get(SUMMARY_SENTENCES), (Integer) values.get(WORDS_PER_MINUTE));
    }

    /** The supported languages in a stable order. */
    public List<String> languageList() {
        return languages.stream().sorted().toList();
    }

    private static void check(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be within " + min + ".." + max + ", was " + value);
        }
    }
}
