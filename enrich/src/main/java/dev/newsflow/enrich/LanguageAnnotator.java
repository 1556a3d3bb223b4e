package dev.newsflow.enrich;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Detects the language (ISO 639-1) and script (ISO 15924) of an article with OpenNLP's 103-language model
 * (from {@code opennlp-models-langdetect}, evaluated by {@link NgramLanguageDetector}), choosing among the
 * configured languages. The model is loaded once and shared; the annotator is thread-safe.
 *
 * <p>Uzbek in Cyrillic is rare in the model's training text; when a Cyrillic text with the Uzbek letter ў
 * reads as Uzbek once transliterated to Latin (ICU {@code uz_Cyrl-uz_Latn}), Uzbek is chosen.
 */
final class LanguageAnnotator implements Annotator {

    static final String MODEL_RESOURCE = "/langdetect-183.bin";
    /** A language outside the configured ones wins only when it is this many times more likely. */
    private static final double OUTSIDER_MARGIN = 3.0;
    /**
     * Detection reads this many characters first and the whole sample only when that answer is unsure: the
     * detector's cost grows with the text, and on 2,409 real articles of the seven languages 300 characters
     * with a confidence of at least {@link #QUICK_CONFIDENCE} were never wrong where the full sample was right
     * (every wrong short answer had a confidence under 0.12); 14% of the articles needed the second look.
     */
    private static final int QUICK_CHARS = 300;
    private static final double QUICK_CONFIDENCE = 0.3;

    private final NgramLanguageDetector detector;
    private final ThreadLocal<Transliterator> uzbekToLatin;
    private final EnrichConfig config;
    private final Map<String, String> iso3To1;

    LanguageAnnotator(EnrichConfig config) {
        this.config = config;
        this.detector = new NgramLanguageDetector(loadModel());
        this.uzbekToLatin = ThreadLocal.withInitial(() -> Transliterator.getInstance("uz_Cyrl-uz_Latn"));
        this.iso3To1 = iso3To1();
    }

    private static LanguageDetectorModel loadModel() {
        try (InputStream in = LanguageAnnotator.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("language model " + MODEL_RESOURCE
                        + " not on the class path: add org.apache.opennlp:opennlp-models-langdetect");
            }
            return new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load language model " + MODEL_RESOURCE, e);
        }
    }

    private static Map<String, String> iso3To1() {
        Map<String, String> map = new HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            try {
                map.put(new Locale(two).getISO3Language(), two);
            } catch (MissingResourceException e) {
                // no three-letter code known for this one: it cannot come out of the detector either
            }
        }
        // The detector speaks of macro-language members in places.
        map.put("uzn", "uz");
        map.put("azj", "az");
        map.put("kir", "ky");
        map.put("zlm", "ms");
        map.put("pes", "fa");
        map.put("cmn", "zh");
        return map;
    }

    @Override
    public void annotate(Document document) {
        String text = sample(document);
        String script = dominantScript(text);
        document.setScript(script);
        Choice choice = detect(text);
        if ("Cyrl".equals(script) && !"uz".equals(choice.language()) && config.languages().contains("uz")
                && hasUzbekLetter(text)) {
            Choice latin = choose(detector.predictLanguages(uzbekToLatin.get().transliterate(text)));
            if ("uz".equals(latin.language()) && latin.confidence() > choice.confidence()) {
                choice = latin;
            }
        }
        document.setLanguage(choice.language(), choice.confidence());
    }

    private Choice detect(String text) {
        if (text.length() > QUICK_CHARS) {
            Choice quick = choose(detector.predictLanguages(text.substring(0, QUICK_CHARS)));
            if (quick.confidence() >= QUICK_CONFIDENCE) {
                return quick;
            }
        }
        return choose(detector.predictLanguages(text));
    }

    /** Ў is written in Uzbek and in none of the other Cyrillic languages of the project. */
    private static boolean hasUzbekLetter(String text) {
        return text.indexOf('ў') >= 0 || text.indexOf('Ў') >= 0;
    }

    private record Choice(String language, double confidence) {
    }

    private Choice choose(Language[] ranked) {
        double total = 0;
        for (Language language : ranked) {
            total += language.getConfidence();
        }
        Choice best = null;
        for (Language language : ranked) {
            String code = iso3To1.get(language.getLang());
            if (code != null && config.languages().contains(code)) {
                best = new Choice(code, language.getConfidence() / total);
                break;
            }
        }
        Language top = ranked[0];
        double topConfidence = top.getConfidence() / total;
        if (best == null || topConfidence > OUTSIDER_MARGIN * best.confidence()) {
            String code = iso3To1.getOrDefault(top.getLang(), "und");
            return new Choice(code, "und".equals(code) ? 0.0 : topConfidence);
        }
        return best;
    }

    private String sample(Document document) {
        String text = document.title().text() + "\n" + document.body().text();
        return text.length() <= config.detectChars() ? text : text.substring(0, config.detectChars());
    }

    /** ISO 15924 code of the script most letters are written in, or null when the text has no letters. */
    static String dominantScript(String text) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                int script = UScript.getScript(cp);
                if (script != UScript.COMMON && script != UScript.INHERITED) {
                    counts.merge(script, 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> UScript.getShortName(e.getKey())).orElse(null);
    }
}
