package dev.newsflow.stories;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.TurkishStemmer;

/**
 * Turns text into the stems that TF-IDF counts: NFKC, lower case, Uzbek Cyrillic transliterated to Latin (so
 * both Uzbek scripts give the same stems), apostrophe variants unified; words of letters and digits; Lucene's stop
 * words dropped for English, Russian and Turkish; Snowball stems for those three languages and the first six
 * letters of a word for Uzbek, Kazakh, Kyrgyz and Azerbaijani, whose suffixes Snowball does not know. Numbers of
 * two or more digits stay: they are the same in every language. <b>Not thread-safe</b> (stemmers,
 * transliterator): one per {@link StoryIndex}.
 */
public final class TermAnalyzer {

    private static final int TURKIC_PREFIX = 6;
    private static final CharArraySet EN_STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    private static final CharArraySet RU_STOP = RussianAnalyzer.getDefaultStopSet();
    private static final CharArraySet TR_STOP = TurkishAnalyzer.getDefaultStopSet();
    /** Words news use everywhere that Lucene's English list lacks; they only blur stories together. */
    private static final Set<String> EN_NEWS_STOP = Set.of("said", "says", "say", "also", "would", "could",
            "new", "year", "years", "one", "two", "after", "over", "more", "has", "have", "had", "been", "its",
            "from", "his", "her", "who", "which", "were", "than", "about", "up", "out");

    private final Normalizer2 nfkc = Normalizer2.getNFKCInstance();
    private final Transliterator uzbekToLatin = Transliterator.getInstance("uz_Cyrl-uz_Latn");
    private final SnowballStemmer english = new EnglishStemmer();
    private final SnowballStemmer russian = new RussianStemmer();
    private final SnowballStemmer turkish = new TurkishStemmer();

    /**
     * The stems of {@code text} in order, stop words left out.
     *
     * @param text     any text, not null
     * @param language ISO 639-1 code of the text ({@code "und"} when unknown), not null
     */
    public List<String> stems(String text, String language) {
        String folded = nfkc.normalize(text);
        if ("uz".equals(language)) {
            folded = uzbekToLatin.transliterate(folded);
        }
        folded = folded.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= folded.length(); i++) {
            char c = i < folded.length() ? folded.charAt(i) : ' ';
            if (isApostrophe(c) && word.length() > 0) {
                word.append('\'');
            } else if (UCharacter.isLetterOrDigit(c) || UCharacter.getType(c) == UCharacter.NON_SPACING_MARK) {
                word.append(c);
            } else if (word.length() > 0) {
                addStem(trimApostrophes(word), language, out);
                word.setLength(0);
            }
        }
        return out;
    }

    private void addStem(String word, String language, List<String> out) {
        if (word.isEmpty()) {
            return;
        }
        if (isNumber(word)) {
            if (word.length() >= 2) {
                out.add(word);
            }
            return;
        }
        if (word.length() < 2) {
            return;
        }
        String stem = switch (language) {
            case "en" -> EN_STOP.contains(word) || EN_NEWS_STOP.contains(word) ? null : snowball(english, word);
            case "ru" -> RU_STOP.contains(word) ? null : snowball(russian, word);
            case "tr" -> TR_STOP.contains(word) ? null : snowball(turkish, cutAtApostrophe(word));
            case "uz", "kk", "ky", "az" -> prefix(cutAtApostrophe(word));
            default -> word;
        };
        if (stem != null && !stem.isEmpty()) {
            out.add(stem);
        }
    }

    private static String snowball(SnowballStemmer stemmer, String word) {
        stemmer.setCurrent(word.replace("'", ""));
        stemmer.stem();
        return stemmer.getCurrent();
    }

    private static String prefix(String word) {
        return word.length() <= TURKIC_PREFIX ? word : word.substring(0, TURKIC_PREFIX);
    }

    /** Turkish and Azerbaijani write a name's case suffix after an apostrophe; Uzbek oʻ/gʻ keep theirs. */
    private static String cutAtApostrophe(String word) {
        int apostrophe = word.indexOf('\'');
        if (apostrophe < 2 || apostrophe == word.length() - 1) {
            return word;
        }
        char before = word.charAt(apostrophe - 1);
        return before == 'o' || before == 'g' ? word : word.substring(0, apostrophe);
    }

    private static String trimApostrophes(StringBuilder word) {
        int end = word.length();
        while (end > 0 && word.charAt(end - 1) == '\'') {
            end--;
        }
        return word.substring(0, end);
    }

    private static boolean isNumber(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isDigit(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isApostrophe(char c) {
        return switch (c) {
            case '\'', '`', '\u00B4', '\u2018', '\u2019', '\u02BB', '\u02BC' -> true;
            default -> false;
        };
    }
}
