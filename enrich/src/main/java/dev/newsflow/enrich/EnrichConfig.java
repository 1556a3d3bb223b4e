package dev.newsflow.enrich;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** Reads the keys above from string properties; absent keys take their defaults. */
    public static EnrichConfig from(Map<String, String> properties) {
        String languages = properties.getOrDefault(LANGUAGES, LANGUAGES_DEFAULT);
        Set<String> codes = new LinkedHashSet<>(Arrays.stream(languages.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList());
        return new EnrichConfig(codes,
                integer(properties, DETECT_CHARS, DETECT_CHARS_DEFAULT),
                integer(properties, MAX_KEYWORDS, MAX_KEYWORDS_DEFAULT),
                integer(properties, SUMMARY_SENTENCES, SUMMARY_SENTENCES_DEFAULT),
                integer(properties, WORDS_PER_MINUTE, WORDS_PER_MINUTE_DEFAULT));
    }

    /** The supported languages in a stable order. */
    public List<String> languageList() {
        return languages.stream().sorted().toList();
    }

    private static int integer(Map<String, String> properties, String key, int fallback) {
        String value = properties.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, was '" + value + "'", e);
        }
    }

    private static void check(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be within " + min + ".." + max + ", was " + value);
        }
    }
}
