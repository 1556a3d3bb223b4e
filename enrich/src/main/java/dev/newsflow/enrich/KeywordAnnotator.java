package dev.newsflow.enrich;

import dev.newsflow.enrich.text.Token;
import dev.newsflow.enrich.text.WordCache;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.TurkishStemmer;

/**
 * The handful of most characteristic terms of an article: content words (per-language stop words removed)
 * grouped by their Snowball stem where Lucene has a stemmer (en, ru, tr; the other languages by their
 * lower-case form), weighted by frequency with a bonus for the title, and two-word phrases that recur.
 * Thread-safe: stop lists are immutable and each thread has its own stemmers.
 */
final class KeywordAnnotator implements Annotator {

    private static final double TITLE_BONUS = 2.0;
    private static final double PHRASE_WEIGHT = 2.5;
    private static final int MIN_LENGTH = 3;

    private final EnrichConfig config;
    private final Map<String, Set<String>> stopWords = new HashMap<>();
    private final Map<String, Supplier<SnowballStemmer>> stemmerFactories = Map.of(
            "en", EnglishStemmer::new, "ru", RussianStemmer::new, "tr", TurkishStemmer::new);
    private final ThreadLocal<Map<String, SnowballStemmer>> stemmers = ThreadLocal.withInitial(HashMap::new);
    /**
     * Stems per language, shared by the enriching threads and kept across articles: most words of a run of news
     * recur, and stemming each again was a third of this annotator's time.
     */
    private final Map<String, WordCache<String>> stems = stemmerFactories.keySet().stream()
            .collect(Collectors.toUnmodifiableMap(language -> language, language -> new WordCache<>()));

    KeywordAnnotator(EnrichConfig config) {
        this.config = config;
        for (String language : List.of("en", "ru", "tr", "uz", "kk", "ky", "az")) {
            Set<String> words = new HashSet<>(readList("/dev/newsflow/enrich/stopwords/" + language + ".txt", false));
            switch (language) {
                case "en" -> words.addAll(readList("/org/apache/lucene/analysis/snowball/english_stop.txt", true));
                case "ru" -> words.addAll(readList("/org/apache/lucene/analysis/snowball/russian_stop.txt", true));
                case "tr" -> words.addAll(strings(TurkishAnalyzer.getDefaultStopSet()));
                default -> {
                }
            }
            stopWords.put(language, Set.copyOf(words));
        }
    }

    private static List<String> strings(CharArraySet set) {
        List<String> out = new ArrayList<>();
        for (Object o : set) {
            out.add(o instanceof char[] chars ? new String(chars) : o.toString());
        }
        return out;
    }

    private static List<String> readList(String resource, boolean snowballFormat) {
        try (InputStream in = KeywordAnnotator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + resource);
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            return snowballFormat ? strings(WordlistLoader.getSnowballWordSet(reader))
                    : strings(WordlistLoader.getWordSet(reader));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** A candidate term: stem key, surface forms seen, weight. */
    private static final class Term {
        final Map<String, Integer> surfaces = new LinkedHashMap<>();
        double weight;
        int count;
        boolean seenLowerCase;
    }

    @Override
    public void annotate(Document document) {
        String language = document.language();
        Set<String> stops = stopWords.getOrDefault(language, Set.of());
        Map<String, Term> words = new HashMap<>();
        Map<String, Term> phrases = new HashMap<>();
        for (Field field : document.fields()) {
            double bonus = field == document.title() ? TITLE_BONUS : 0.0;
            for (int s = 0; s < field.sentences().size(); s++) {
                List<String> tokens = field.normalizedTokens(s);
                List<Token> originals = field.sentences().get(s).tokens();
                String previousStem = null;
                String previousSurface = null;
                for (int t = 0; t < tokens.size(); t++) {
                    String token = tokens.get(t);
                    String lower = token.toLowerCase(Locale.ROOT);
                    if (!isContent(lower, stops) || field.isInLink(originals.get(t))) {
                        previousStem = null;
                        continue;
                    }
                    String stem = stem(language, lower);
                    add(words, stem, token, 1.0 + bonus);
                    if (previousStem != null) {
                        add(phrases, previousStem + " " + stem, previousSurface + " " + token, PHRASE_WEIGHT + bonus);
                    }
                    previousStem = stem;
                    previousSurface = token;
                }
            }
        }
        phrases.values().removeIf(t -> t.count < 2);
        List<Map.Entry<String, Term>> ranked = new ArrayList<>(words.entrySet());
        ranked.addAll(phrases.entrySet());
        ranked.sort(Comparator.<Map.Entry<String, Term>>comparingDouble(e -> e.getValue().weight).reversed()
                .thenComparing(Map.Entry::getKey));
        List<String> keywords = new ArrayList<>();
        List<String> stems = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        for (Map.Entry<String, Term> entry : ranked) {
            if (keywords.size() == config.maxKeywords()) {
                break;
            }
            String key = entry.getKey();
            if (!key.contains(" ") && covered.contains(key)) {
                continue; // already said within a phrase
            }
            keywords.add(surface(entry.getValue()));
            stems.add(key);
            covered.addAll(List.of(key.split(" ")));
        }
        document.setKeywords(keywords, stems);
    }

    private static boolean isContent(String lower, Set<String> stops) {
        return lower.length() >= MIN_LENGTH && !stops.contains(lower) && Character.isLetter(lower.codePointAt(0));
    }

    private static void add(Map<String, Term> terms, String key, String surface, double weight) {
        Term term = terms.computeIfAbsent(key, k -> new Term());
        term.surfaces.merge(surface, 1, Integer::sum);
        term.weight += weight;
        term.count++;
        if (!Character.isUpperCase(surface.codePointAt(0))) {
            term.seenLowerCase = true;
        }
    }

    /** The most frequent form; lower case when the word also appears in lower case (so it was capitalized by position). */
    private static String surface(Term term) {
        String form = term.surfaces.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return term.seenLowerCase ? form.toLowerCase(Locale.ROOT) : form;
    }

    /** The Snowball stem of a lower-case word, or the word itself in a language without a stemmer. */
    private String stem(String language, String lower) {
        WordCache<String> known = language == null ? null : stems.get(language);
        return known == null ? lower : known.get(lower, word -> {
            SnowballStemmer stemmer = stemmers.get().computeIfAbsent(language, l -> stemmerFactories.get(l).get());
            stemmer.setCurrent(word);
            stemmer.stem();
            return stemmer.getCurrent();
        });
    }

    /** The stemmer-aware content stem of a word, for the summary's scoring; null for a stop word. */
    String contentStem(Document document, String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        if (!isContent(lower, stopWords.getOrDefault(document.language(), Set.of()))) {
            return null;
        }
        return stem(document.language(), lower);
    }
}
