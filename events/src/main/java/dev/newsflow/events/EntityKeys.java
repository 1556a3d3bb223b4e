package dev.newsflow.events;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The key under which every spelling of a name is counted once, across articles, languages and scripts: the name
 * written in Latin letters as it sounds, its spelling variants folded. Ташкент, Toshkent, Tashkent and Taşkent are
 * {@code tashkint}; Мирзиёев, Mirziyoyev and Mirziyoev are {@code mirzav}; Алиев, Aliyev and Əliyev {@code aliv}.
 * <ol>
 *   <li>lower case; Cyrillic (Russian, Uzbek, Kazakh, Kyrgyz letters) and Turkic Latin letters to plain Latin
 *       (ш, ş -> sh; ч, ç -> ch; ж, dzh, c in Turkish -> j; х, kh, x -> h; қ, q -> k; ә, ə -> a ...); apostrophes and
 *       soft signs dropped, other accents removed;</li>
 *   <li>each run of vowels, {@code y} between letters included, becomes one vowel: {@code a} when it holds a back
 *       vowel (a, o, u), else {@code i} (e, i, y): Uzbek o for Russian а (Toshkent, Ташкент), yo/ё/e/ye and the like
 *       stop mattering;</li>
 *   <li>double letters become single (Muhammad, Мухаммад).</li>
 * </ol>
 * The cost is that a few distinct names share a key (Samara and Samaria). Names of different types are counted apart by
 * their type, not by the key. Stateless and thread-safe.
 */
public final class EntityKeys {
    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"),
            Map.entry('е', "e"), Map.entry('ё', "yo"), Map.entry('ж', "j"), Map.entry('з', "z"), Map.entry('и', "i"),
            Map.entry('й', "y"), Map.entry('к', "k"), Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"),
            Map.entry('о', "o"), Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "h"), Map.entry('ц', "ts"), Map.entry('ч', "ch"),
            Map.entry('ш', "sh"), Map.entry('щ', "sh"), Map.entry('ъ', ""), Map.entry('ы', "i"), Map.entry('ь', ""),
            Map.entry('э', "e"), Map.entry('ю', "yu"), Map.entry('я', "ya"), Map.entry('ў', "o"), Map.entry('қ', "k"),
            Map.entry('ғ', "g"), Map.entry('ҳ', "h"), Map.entry('ә', "a"), Map.entry('ө', "o"), Map.entry('ү', "u"),
            Map.entry('ұ', "u"), Map.entry('і', "i"), Map.entry('ң', "n"), Map.entry('һ', "h"), Map.entry('ї', "i"),
            Map.entry('є', "e"));
    private static final Map<Character, String> LATIN = Map.ofEntries(
            Map.entry('ş', "sh"), Map.entry('ç', "ch"), Map.entry('ğ', "g"), Map.entry('ı', "i"), Map.entry('ə', "a"),
            Map.entry('ö', "o"), Map.entry('ü', "u"), Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('ø', "o"),
            Map.entry('x', "h"), Map.entry('q', "k"), Map.entry('w', "v"));
    private static final String DROPPED = "'’‘`ʼʻ\u0307";
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern LONE_C = Pattern.compile("c(?!h)");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private EntityKeys() {
    }

    /**
     * The key of a name (its canonical form) written in {@code language}'s text; words are kept apart by one
     * space, every character that is not a letter or digit separates words.
     */
    public static String of(String name, String language) {
        boolean turkic = "tr".equals(language) || "az".equals(language);
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder latin = new StringBuilder(lower.length() + 8);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (DROPPED.indexOf(c) >= 0) {
                continue;
            }
            String mapped = CYRILLIC.get(c);
            if (mapped == null) {
                mapped = c == 'c' && turkic ? "j" : LATIN.get(c);
            }
            if (mapped != null) {
                latin.append(mapped);
            } else {
                latin.append(c);
            }
        }
        String plain = isAscii(latin) ? latin.toString()
                : MARKS.matcher(Normalizer.normalize(latin, Normalizer.Form.NFD)).replaceAll("");
        plain = plain.replace("kh", "h").replace("dzh", "j").replace("zh", "j").replace("dj", "j").replace("ph", "f")
                .replace("ck", "k").replace("th", "t");
        plain = LONE_C.matcher(plain).replaceAll("k");
        StringBuilder key = new StringBuilder(plain.length());
        for (String word : SEPARATORS.split(plain)) {
            if (!word.isEmpty()) {
                if (!key.isEmpty()) {
                    key.append(' ');
                }
                key.append(fold(word));
            }
        }
        return key.isEmpty() ? lower.strip() : key.toString();
    }

    /**
     * The full name a one-word key stands for among counted names: of the keys whose last word it is ("patin" of
     * "vladimir patin"), the one counted more than twice as often as all the others together, for counting a person
     * named by the surname alone as that person; empty when there is none or no such one ("tramp" of "danald tramp"
     * 66 and "milania tramp" 40 stays apart).
     */
    public static Optional<String> fullFormOf(String shortKey, Map<String, ? extends Number> counts) {
        if (shortKey.indexOf(' ') >= 0) {
            return Optional.empty();
        }
        String ending = " " + shortKey;
        String best = null;
        double bestCount = 0;
        double total = 0;
        for (Map.Entry<String, ? extends Number> entry : counts.entrySet()) {
            if (entry.getKey().endsWith(ending)) {
                double count = entry.getValue().doubleValue();
                total += count;
                if (best == null || count > bestCount) {
                    best = entry.getKey();
                    bestCount = count;
                }
            }
        }
        return best != null && bestCount > 2 * (total - bestCount) ? Optional.of(best) : Optional.empty();
    }

    private static boolean isAscii(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a key is another one's inflected form: as many words, each the same or the other's with an ending of
     * at most two letters ("ilana maska", "ilanam maskam" of "ilan mask": Илона Маска, Илоном Маском of Илон Маск, a
     * name the dictionary does not know). Two names that differ so are counted as one, the shorter.
     */
    public static boolean isInflectionOf(String key, String base) {
        String[] words = key.split(" ");
        String[] baseWords = base.split(" ");
        if (words.length != baseWords.length || key.equals(base)) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            if (!(words[i].startsWith(baseWords[i]) && baseWords[i].length() >= 3 && words[i].length() - baseWords[i].length() <= 2)) {
                return false;
            }
        }
        return true;
    }

    /** Vowel runs to one vowel, a leading y kept as a consonant, double letters single. */
    private static String fold(String word) {
        StringBuilder folded = new StringBuilder(word.length());
        int i = 0;
        while (i < word.length()) {
            char c = word.charAt(i);
            if (isVowel(c) && !(c == 'y' && i == 0 && i + 1 < word.length() && isVowel(word.charAt(i + 1)))) {
                boolean back = false;
                int j = i;
                while (j < word.length() && isVowel(word.charAt(j))) {
                    back |= "aou".indexOf(word.charAt(j)) >= 0;
                    j++;
                }
                folded.append(back ? 'a' : 'i');
                i = j;
                continue;
            }
            if (folded.isEmpty() || folded.charAt(folded.length() - 1) != c) {
                folded.append(c);
            }
            i++;
        }
        return folded.toString();
    }

    private static boolean isVowel(char c) {
        return "aeiouy".indexOf(c) >= 0;
    }
}
