package dev.newsflow.stories;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import dev.newsflow.events.EntityCount;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The entity key of an event written before the enrich stage gave each entity a canonical cross-script key: every word of
 * the entity's text with its case ending taken off (Russian, Uzbek, Kazakh and Kyrgyz by short lists of case suffixes, Turkish and Azerbaijani at
 * the apostrophe, Uzbek, Kazakh and Kyrgyz by a short list of case suffixes), then ICU
 * {@code Any-Latin; Latin-ASCII} and lower case: {@code "Казахстаном"} becomes {@code "kazakhstan"},
 * {@code "Мирзиёевым"} {@code "mirzieev"}, {@code "Oʻzbekistonda"} {@code "o'zbekiston"}.
 *
 * <p>Spellings still differ after this ({@code mirziyoyev} / {@code mirzieev}); {@link EntityKeys#skeleton}
 * folds what remains. <b>Not thread-safe</b> (ICU transliterators): one per {@link StoryIndex}.
 */
public final class TransliteratingEntityKeyer implements EntityKeyer {

    /**
     * Russian case endings of names that are not vowels (a final vowel leaves in {@link EntityKeys#skeleton});
     * Snowball would also cut surname endings ({@code Амреев} to {@code амре}).
     */
    private static final List<String> RUSSIAN_ENDINGS = List.of(
            "ого", "ому", "ыми", "ами", "ями", "ой", "ом", "ым", "ах", "ях", "ую");

    /** Case and possessive endings of Uzbek, Kazakh and Kyrgyz names, longest first. */
    private static final List<String> TURKIC_SUFFIXES = List.of(
            "ning", "нинг", "нің", "ның", "нын", "нун", "dagi", "даги", "bilan", "билан", "мен", "пен", "бен",
            "dan", "дан", "ден", "тан", "тен",
            "ga", "га", "ге", "ка", "ке", "да", "де", "та", "те", "da", "ni", "ни", "ны", "ні", "ди", "ды");

    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{M}\\p{N}'ʻʼ‘’`]+");
    private static final Pattern NOT_ASCII_KEY = Pattern.compile("[^a-z0-9']");

    private final Transliterator toAscii = Transliterator.getInstance("Any-Latin; Latin-ASCII");
    private final Transliterator uzbekToLatin = Transliterator.getInstance("uz_Cyrl-uz_Latn");
    private final Normalizer2 nfkc = Normalizer2.getNFKCInstance();

    @Override
    public String key(EntityCount entity, String language) {
        StringBuilder key = new StringBuilder();
        for (String word : WORD_BREAK.split(nfkc.normalize(entity.text()).toLowerCase(Locale.ROOT))) {
            String base = withoutCaseEnding(word, language);
            if ("uz".equals(language)) {
                base = uzbekToLatin.transliterate(base); // х -> x, қ -> q, ў -> oʻ as Uzbek Latin writes them
            }
            String ascii = NOT_ASCII_KEY.matcher(toAscii.transliterate(base).toLowerCase(Locale.ROOT)).replaceAll("");
            if (!ascii.isEmpty()) {
                if (key.length() > 0) {
                    key.append(' ');
                }
                key.append(ascii);
            }
        }
        return key.toString();
    }

    private String withoutCaseEnding(String word, String language) {
        switch (language) {
            case "ru" -> {
                return withoutSuffix(word, RUSSIAN_ENDINGS);
            }
            case "tr", "az" -> {
                int apostrophe = indexOfApostrophe(word);
                return apostrophe > 1 ? word.substring(0, apostrophe) : word;
            }
            case "uz", "kk", "ky" -> {
                return withoutSuffix(word, TURKIC_SUFFIXES);
            }
            default -> {
                return word;
            }
        }
    }

    private static String withoutSuffix(String word, List<String> suffixes) {
        for (String suffix : suffixes) {
            if (word.length() >= suffix.length() + 4 && word.endsWith(suffix)) {
                return word.substring(0, word.length() - suffix.length());
            }
        }
        return word;
    }

    private static int indexOfApostrophe(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '\'' || c == '’' || c == 'ʼ' || c == '`') {
                return i;
            }
        }
        return -1;
    }
}
