package dev.newsflow.enrich.names;

import dev.newsflow.enrich.ner.CrfEntityRecognizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The case suffixes of names in the Turkic languages of the project, for base forms: "Toshkentda", "Тошкентда",
 * "Астанада", "Бишкекте" lose them; in Turkish and Azerbaijani a proper name takes its suffixes after an apostrophe
 * ("Ankara'da", "Bakı'nın"), so everything from the apostrophe on goes. No maintained morphological analyser of
 * Uzbek, Kazakh or Kyrgyz is on Maven Central, so these are rules: the locative, ablative, dative, genitive and
 * accusative endings in their vowel-harmony and assimilation variants (not the possessive: in "Oʻzbekiston
 * Respublikasi" and "Назарбаев Университеті" it is part of the name), cut only from the last word, only where at
 * least {@value #MIN_STEM} letters remain, longest ending first. A word that is itself a known place name is left
 * alone by the caller ("Kanada", "Uganda", "Алматы"). Stateless and thread-safe.
 */
public final class TurkicSuffixes {
    static final int MIN_STEM = 3;

    private static final Map<String, List<String>> ENDINGS = Map.of(
            "uz", sorted("dagi", "dan", "ning", "gacha", "da", "ga", "ka", "qa", "ni",
                    "даги", "дан", "нинг", "гача", "да", "га", "ка", "қа", "ни"),
            "kk", sorted("дағы", "дегі", "тағы", "тегі", "дан", "ден", "тан", "тен", "нан", "нен", "ның", "нің", "дың", "дің",
                    "тың", "тің", "мен", "бен", "пен", "да", "де", "та", "те", "ға", "ге", "қа", "ке", "ны", "ні", "ды", "ді",
                    "ты", "ті"),
            "ky", sorted("дагы", "деги", "тагы", "теги", "дан", "ден", "дон", "дөн", "тан", "тен", "тон", "төн", "нан", "нен",
                    "нын", "нин", "нун", "нүн", "дын", "дин", "дун", "дүн", "тын", "тин", "тун", "түн", "да", "де", "до", "дө",
                    "та", "те", "то", "тө", "га", "ге", "го", "гө", "ка", "ке", "ко", "кө", "ны", "ни", "ну", "нү", "ды", "ди",
                    "ду", "дү", "ты", "ти", "ту", "тү"));

    private TurkicSuffixes() {
    }

    private static List<String> sorted(String... endings) {
        return List.of(endings).stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** Whether the language's names take suffixes this class removes. */
    public static boolean applies(String language) {
        return ENDINGS.containsKey(language) || "tr".equals(language) || "az".equals(language);
    }

    /** The word without its case suffix, or the word itself when it has none. */
    public static String strip(String word, String language) {
        if ("tr".equals(language) || "az".equals(language)) {
            return CrfEntityRecognizer.hasCaseSuffix(word) ? word.substring(0, CrfEntityRecognizer.suffixApostrophe(word)) : word;
        }
        List<String> endings = ENDINGS.get(language);
        if (endings == null) {
            return word;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        for (String ending : endings) {
            if (lower.endsWith(ending) && letters(lower, lower.length() - ending.length()) >= MIN_STEM) {
                return word.substring(0, word.length() - ending.length());
            }
        }
        return word;
    }

    private static int letters(String word, int end) {
        int letters = 0;
        for (int i = 0; i < end; i++) {
            letters += Character.isLetter(word.charAt(i)) ? 1 : 0;
        }
        return letters;
    }
}
